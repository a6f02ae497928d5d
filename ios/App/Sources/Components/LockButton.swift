import SwiftUI

/// "Lock now": the core wipes its keys and the app returns to the unlock screen. Beside it, quick
/// hide: one tap locks at once and covers the app with a neutral screen (a long press on the cover
/// brings back the unlock screen).
struct LockButton: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore

    var body: some View {
        Button {
            store.hidden = true
            Task { await store.quickHide() }
        } label: {
            Label(words.actionQuickHide, systemImage: "eye.slash")
        }
        Button {
            Task { await store.lock() }
        } label: {
            Label(words.actionLockNow, systemImage: "lock")
        }
    }
}
