import SwiftUI
import UniformTypeIdentifiers

/// First run: a new vault under a passphrase, or one restored from a backup file. The core decides
/// whether a passphrase is long enough (its error names the field); typing it twice only guards
/// against a slip of the finger.
struct CreateVaultPage: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<Void>()
    @State private var passphrase = ""
    @State private var again = ""
    @State private var importing = false
    @State private var backupFile: URL?
    @State private var backupPassphrase = ""

    private var matches: Bool { !passphrase.isEmpty && passphrase == again }

    var body: some View {
        Form {
            Section {
                Text(words.createExplainer)
                ErrorBanner(error: model.error ?? store.startError) { model.error = nil }
                SecureField(words.fieldNewPassphrase, text: $passphrase).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "passphrase") ?? ErrorText.field(model.error, "new_passphrase") {
                    Text(message).foregroundStyle(.red)
                }
                SecureField(words.fieldPassphraseAgain, text: $again).textContentType(.newPassword)
                if !again.isEmpty && again != passphrase {
                    Text(words.passphrasesDiffer).foregroundStyle(.red)
                }
                if backupFile == nil {
                    Button(words.actionCreateVault) {
                        let typed = passphrase
                        Task { await model.perform { try await store.create(passphrase: typed) } }
                    }
                    .disabled(!matches || model.busy)
                }
            } header: {
                Text(words.createTitle).font(.title2).accessibilityAddTraits(.isHeader)
            }
            Section(words.restoreTitle) {
                Text(words.restoreExplainer)
                Button(backupFile == nil ? words.actionChooseBackup : words.actionChooseOtherBackup) {
                    importing = true
                }
                if let file = backupFile {
                    SecureField(words.fieldBackupPassphrase, text: $backupPassphrase)
                    Button(words.actionRestore) {
                        let (newPassphrase, sealing) = (passphrase, backupPassphrase)
                        Task {
                            await model.perform {
                                try await store.restore(backup: file, backupPassphrase: sealing, newPassphrase: newPassphrase)
                            }
                            try? FileManager.default.removeItem(at: file)
                        }
                    }
                    .disabled(!matches || backupPassphrase.isEmpty || model.busy)
                }
            }
        }
        .fileImporter(isPresented: $importing, allowedContentTypes: [.data]) { result in
            if case .success(let url) = result { backupFile = BackupFiles.incomingCopy(of: url) }
        }
    }
}
