import SwiftUI

/// Unlock with the passphrase, or with Face ID / Touch ID when the vault has a platform key and
/// the phone can use biometrics now. After too many wrong passphrases the core says how long to
/// wait; the button stays off until then.
struct UnlockPage: View {
    @Environment(\.words) private var words
    let hasPlatformKey: Bool
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<Void>()
    @State private var passphrase = ""
    @State private var wait = 0

    var body: some View {
        Form {
            Section {
                ErrorBanner(error: model.error ?? store.startError) { model.error = nil }
                SecureField(words.fieldPassphrase, text: $passphrase)
                    .textContentType(.password)
                    .submitLabel(.go)
                    .onSubmit(unlock)
                Button(words.actionUnlock, action: unlock)
                    .disabled(passphrase.isEmpty || wait > 0 || model.busy)
                if hasPlatformKey && KeychainPlatformKey.biometricsAvailable {
                    Button {
                        Task { await model.perform { try await store.unlockWithBiometrics() } }
                    } label: {
                        Label(words.iosActionUnlockBiometrics, systemImage: "faceid")
                    }
                    .disabled(model.busy)
                }
            } header: {
                Text(words.unlockTitle).font(.title2).accessibilityAddTraits(.isHeader)
            }
        }
        .task(id: ErrorText.retryAfter(model.error)) {
            guard let seconds = ErrorText.retryAfter(model.error) else { return }
            wait = seconds
            while wait > 0 {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                wait -= 1
            }
        }
    }

    private func unlock() {
        guard !passphrase.isEmpty, wait == 0 else { return }
        let typed = passphrase
        passphrase = ""
        Task { await model.perform { try await store.unlock(passphrase: typed) } }
    }
}
