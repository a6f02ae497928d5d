import SwiftUI

/// "Lock now": the core wipes its keys and the app returns to the unlock screen.
struct LockButton: View {
    @EnvironmentObject private var store: VaultStore

    var body: some View {
        Button {
            Task { await store.lock() }
        } label: {
            Label("Lock now", systemImage: "lock")
        }
    }
}
