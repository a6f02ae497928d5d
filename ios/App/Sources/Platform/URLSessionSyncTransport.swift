import AlongsideCore
import Foundation

/// The core's SyncTransport on iOS: one URLSession exchange per call. The core calls it on the
/// core's queue (never the main thread) and waits for the answer, so this blocks that queue until
/// the reply or the timeout. Everything else (bodies, signatures, retries with the same op ids)
/// is the core's; no answer at all is status 0. The same as Android's OkHttpSyncTransport and
/// the JVM's JdkSyncTransport, which the tests drive against the real relay.
final class URLSessionSyncTransport: SyncTransport, @unchecked Sendable {
    /// One transport for the app: the session keeps its connections between syncs.
    static let shared = URLSessionSyncTransport()

    private let session: URLSession

    init(timeout: TimeInterval = 30) {
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        // Nothing the relay sends is cached on disk: it is sealed, but it is the team's.
        config.urlCache = nil
        session = URLSession(configuration: config)
    }

    func send(method: String, url: String, token: String?, body: String?) -> SyncReply {
        guard let target = URL(string: url) else { return SyncReply(status: 0, body: "") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        session.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse {
                answer.reply = SyncReply(
                    status: UInt16(clamping: http.statusCode),
                    body: data.flatMap { String(data: $0, encoding: .utf8) } ?? ""
                )
            }
            done.signal()
        }.resume()
        done.wait()
        return answer.reply
    }

    /// The reply, written by URLSession's callback before the semaphore lets `send` read it.
    private final class Answer: @unchecked Sendable {
        var reply = SyncReply(status: 0, body: "")
    }
}
