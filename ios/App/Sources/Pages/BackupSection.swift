import AlongsideCore
import SwiftUI
import UIKit

/// A backup of the whole vault, sealed under a backup passphrase, then saved with the Files
/// picker or handed to the share sheet. The core asks for the unlock passphrase again, because a
/// backup carries everything.
struct BackupSection: View {
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<BackupSummary>()
    @State private var passphrase = ""
    @State private var backupPassphrase = ""
    @State private var again = ""
    @State private var file: URL?
    @State private var exporting = false

    var body: some View {
        Section {
            Text("One file with all your records, sealed under a backup passphrase. Keep that passphrase somewhere safe: without it the file cannot be opened.")
                .font(.footnote)
            ErrorBanner(error: model.error) { model.error = nil }
            SecureField("Passphrase", text: $passphrase)
            SecureField("Backup passphrase", text: $backupPassphrase)
            if let message = ErrorText.field(model.error, "backup_passphrase") { Text(message).foregroundStyle(.red) }
            SecureField("The same passphrase again", text: $again)
            Button("Make a backup") { Task { await makeBackup() } }
                .disabled(passphrase.isEmpty || backupPassphrase.isEmpty || again != backupPassphrase || model.busy)
            if let summary = model.data, let file {
                Text("Backup ready: \(summary.records) records, \(summary.bytes) bytes.")
                Button("Save to Files…") { exporting = true }
                    .sheet(isPresented: $exporting) { ExportPicker(url: file) }
                ShareLink(item: file) { Label("Share…", systemImage: "square.and.arrow.up") }
            }
        } header: {
            Text("Backup")
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
