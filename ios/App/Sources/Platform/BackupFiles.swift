import Foundation

/// Where backup files pass through on the phone. The core reads and writes backups by path, so a
/// backup is written into the app's temporary folder (complete protection, never backed up) and
/// handed on from there; a picked backup is copied in before restoring. The file is sealed under
/// the backup passphrase, so nothing readable passes through. Leftovers are removed each time.
enum BackupFiles {
    private static var folder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("backups", isDirectory: true)
    }

    /// A fresh path for the core to write a backup to.
    static func newOutgoing() throws -> URL {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        try manager.createDirectory(
            at: folder, withIntermediateDirectories: true,
            attributes: [.protectionKey: FileProtectionType.complete])
        return folder.appendingPathComponent("Alongside.backup")
    }

    /// A private copy of a picked backup file (a security-scoped URL from the Files picker).
    static func incomingCopy(of picked: URL) -> URL? {
        let scoped = picked.startAccessingSecurityScopedResource()
        defer { if scoped { picked.stopAccessingSecurityScopedResource() } }
        let manager = FileManager.default
        try? manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("incoming.backup")
        try? manager.removeItem(at: copy)
        do {
            try manager.copyItem(at: picked, to: copy)
            return copy
        } catch {
            return nil
        }
    }
}
