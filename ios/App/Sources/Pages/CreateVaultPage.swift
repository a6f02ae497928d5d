import SwiftUI
import UniformTypeIdentifiers

/// First run: a new vault under a passphrase, or one restored from a backup file. The core decides
/// whether a passphrase is long enough (its error names the field); typing it twice only guards
/// against a slip of the finger.
struct CreateVaultPage: View {
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
                Text("Everything you record is encrypted on this phone under a passphrase only you know. Choose a long one: a few words you will remember. If it is lost, nobody can open the records.")
                ErrorBanner(error: model.error ?? store.startError) { model.error = nil }
                SecureField("New passphrase", text: $passphrase).textContentType(.newPassword)
                if let message = ErrorText.field(model.error, "passphrase") ?? ErrorText.field(model.error, "new_passphrase") {
                    Text(message).foregroundStyle(.red)
                }
                SecureField("The same passphrase again", text: $again).textContentType(.newPassword)
                if !again.isEmpty && again != passphrase {
                    Text("The two passphrases are not the same.").foregroundStyle(.red)
                }
                if backupFile == nil {
                    Button("Create") {
                        let typed = passphrase
                        Task { await model.perform { try await store.create(passphrase: typed) } }
                    }
                    .disabled(!matches || model.busy)
                }
            } header: {
                Text("Welcome to Alongside").font(.title2).accessibilityAddTraits(.isHeader)
            }
            Section("New phone?") {
                Text("Restore your records from an Alongside backup file. Choose this phone's passphrase above, then the file and the passphrase it was sealed with.")
                Button(backupFile == nil ? String(localized: "Choose a backup file") : String(localized: "Choose another backup file")) {
                    importing = true
                }
                if let file = backupFile {
                    SecureField("Backup passphrase", text: $backupPassphrase)
                    Button("Restore") {
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
