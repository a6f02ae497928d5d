import Foundation

/// Where the vault lives: Application Support/Vault, with complete data protection (unreadable
/// while the phone is locked) and excluded from iCloud and computer backups. The vault moves
/// between phones only as the app's own encrypted backup file.
enum VaultFolder {
    static var url: URL {
        FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
            .appendingPathComponent("Vault", isDirectory: true)
    }

    /// Make the parent folder (the core makes the vault folder itself) with complete protection,
    /// excluded from backup.
    static func prepare(_ folder: URL) throws {
        let parent = folder.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: parent, withIntermediateDirectories: true,
            attributes: [.protectionKey: FileProtectionType.complete])
        try excludeFromBackup(parent)
        if FileManager.default.fileExists(atPath: folder.path) {
            protectFiles(in: folder)
        }
    }

    /// Complete protection and no backup for the vault folder and every file in it (the database,
    /// its WAL and shared-memory files). The app's entitlement makes "complete" the default for new
    /// files too; this covers files made before it applied.
    static func protectFiles(in folder: URL) {
        let manager = FileManager.default
        try? manager.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: folder.path)
        try? excludeFromBackup(folder)
        let files = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files {
            try? manager.setAttributes([.protectionKey: FileProtectionType.complete], ofItemAtPath: file.path)
        }
    }

    private static func excludeFromBackup(_ url: URL) throws {
        var url = url
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try url.setResourceValues(values)
    }
}
