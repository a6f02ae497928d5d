import Combine
import Foundation

/// One screen's state, as StateHolder is in the Android app's Kotlin layer: the latest data (kept
/// while a refresh runs or after an error, so the screen does not go blank), whether a call is
/// running, and the latest error (the core's typed AlongsideError).
@MainActor
final class ScreenModel<T>: ObservableObject {
    @Published var data: T?
    @Published var busy = false
    @Published var error: Error?
    private var forwarding: AnyCancellable?

    /// Load or reload the data.
    func load(_ call: () async throws -> T) async {
        if let value = await perform(call) { data = value }
    }

    /// Run a change (or a load); nil and the error kept when it fails.
    @discardableResult
    func perform<R>(_ call: () async throws -> R) async -> R? {
        busy = true
        error = nil
        defer { busy = false }
        do {
            return try await call()
        } catch {
            self.error = error
            return nil
        }
    }

    /// Pass every change of this screen on to `owner`, the page's model that holds it, so a view
    /// observing the model redraws. The screen keeps the subscription and holds `owner` weakly.
    func forwardChanges<Owner: ObservableObject>(to owner: Owner) where Owner.ObjectWillChangePublisher == ObservableObjectPublisher {
        forwarding = objectWillChange.sink { [weak owner] _ in owner?.objectWillChange.send() }
    }

    /// Forget everything shown (after a lock).
    func clear() {
        data = nil
        error = nil
    }
}
