import Foundation

/// Every call into the core runs here, one at a time, off the main thread: the core is
/// synchronous, unlocking runs the key derivation, and the Keychain platform key waits for Face ID
/// or Touch ID inside its call. The main thread never waits for the core.
final class CoreQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "org.alongside.core", qos: .userInitiated)

    func run<T>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
