import AlongsideCore
import Combine
import Foundation

/// What the team pages' models (SyncModel, MembersModel) share, as StateHolder does for SyncState
/// and TeamState on Android: the page's screen, passing its changes on to the model, and the
/// transport their calls sync through (the relay over URLSession unless a test gives another).
/// A model's `Page` is a top-level type: Swift cannot name a subclass's nested type in the list
/// of what the subclass inherits from.
@MainActor
class SyncingModel<Page>: ObservableObject {
    let screen = ScreenModel<Page>()
    let transport: SyncTransport

    init(transport: SyncTransport = URLSessionSyncTransport.shared) {
        self.transport = transport
        screen.forwardChanges(to: self)
    }
}
