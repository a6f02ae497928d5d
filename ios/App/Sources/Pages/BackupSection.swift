import AlongsideCore
import SwiftUI
import UIKit

/// A backup of the whole vault, sealed under a backup passphrase, then saved with the Files
/// picker or handed to the share sheet. The core asks for the unlock passphrase again, because a
/// backup carries everything.
struct BackupSection: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<BackupSummary>()
    @State private var passphrase = ""
    @State private var backupPassphrase = ""
    @State private var again = ""
    @State private var file: URL?
    @State private var exporting = false

    var body: some View {
        Section {
            Text(words.backupExplainer)
                .font(.footnote)
            ErrorBanner(error: model.error) { model.error = nil }
            SecureField(words.fieldPassphrase, text: $passphrase)
            SecureField(words.fieldBackupPassphrase, text: $backupPassphrase)
            if let message = ErrorText.field(model.error, "backup_passphrase") { Text(message).foregroundStyle(.red) }
            SecureField(words.fieldPassphraseAgain, text: $again)
            Button(words.actionMakeBackup) { Task { await makeBackup() } }
                .disabled(passphrase.isEmpty || backupPassphrase.isEmpty || again != backupPassphrase || model.busy)
            if let summary = model.data, let file {
                Text(phrase(lang, .backupDone(records: UInt32(clamping: summary.records), bytes: String(summary.bytes))))
                Button(words.actionSaveToFiles) { exporting = true }
                    .sheet(isPresented: $exporting) { ExportPicker(url: file) }
                ShareLink(item: file) { Label(words.actionShare, systemImage: "square.and.arrow.up") }
            }
        } header: {
            Text(words.settingsBackup)
        }
    }

    private func makeBackup() async {
        let (unlock, sealing) = (passphrase, backupPassphrase)
        guard let target = try? BackupFiles.newOutgoing() else { return }
        await model.load {
            try await store.withWorker { w in
                try w.backup(path: target.path, passphrase: unlock, backupPassphrase: sealing)
            }
        }
        if model.error == nil {
            file = target
            passphrase = ""
        }
    }
}

/// The Files app's "save a copy" picker for one finished file, without loading it into memory.
private struct ExportPicker: UIViewControllerRepresentable {
    let url: URL

    func makeUIViewController(context: Context) -> UIDocumentPickerViewController {
        UIDocumentPickerViewController(forExporting: [url], asCopy: true)
    }

    func updateUIViewController(_ controller: UIDocumentPickerViewController, context: Context) {}
}
