import AlongsideCore
import Foundation

/// What to show for an error. Bad input shows the core's own sentence (`summary`); the other
/// errors carry no sentence from the core, so the app words them as UI text (localizable).
enum ErrorText {
    static func message(_ error: Error) -> String? {
        guard let core = error as? AlongsideError else {
            return String(localized: "Something went wrong. Nothing was changed.")
        }
        switch core {
        case AlongsideError.Invalid(_, _, let summary):
            return summary
        case AlongsideError.WrongPassphrase:
            return String(localized: "That passphrase did not open the records.")
        case AlongsideError.TooManyAttempts(let seconds):
            return String(localized: "Too many tries. Try again in \(seconds) seconds.")
        case AlongsideError.Locked:
            return String(localized: "Alongside locked. Unlock to go on.")
        case AlongsideError.PlatformKey(let reason):
            if reason == KeychainPlatformKey.Reason.cancelled { return nil }
            return String(localized: "Face ID or Touch ID did not unlock. Use your passphrase; you can turn biometrics on again in Settings.")
        case AlongsideError.NotFound:
            return String(localized: "That record is no longer here.")
        case AlongsideError.Tampered:
            return String(localized: "A record on this phone has been changed outside Alongside and cannot be trusted.")
        case AlongsideError.Corrupt:
            return String(localized: "The records on this phone are damaged. Restore from a backup.")
        case AlongsideError.SchemaTooNew:
            return String(localized: "These records were written by a newer Alongside. Update the app.")
        case AlongsideError.AlreadyExists:
            return String(localized: "There are already records here.")
        case AlongsideError.Storage:
            return String(localized: "The phone could not save. Check free space and try again.")
        case AlongsideError.BackupWrongPassphrase:
            return String(localized: "That backup passphrase does not open this file.")
        case AlongsideError.BackupCorrupt:
            return String(localized: "This backup file is damaged or incomplete.")
        case AlongsideError.BackupTooNew:
            return String(localized: "This backup was made by a newer Alongside. Update the app.")
        }
    }

    /// The core's sentence for `field`, when the error is bad input in that field.
    static func field(_ error: Error?, _ name: String) -> String? {
        if case AlongsideError.Invalid(let field, _, let summary)? = error as? AlongsideError, field == name {
            return summary
        }
        return nil
    }

    /// Seconds to wait before the next unlock attempt, when the core asked for a wait.
    static func retryAfter(_ error: Error?) -> Int? {
        if case AlongsideError.TooManyAttempts(let seconds)? = error as? AlongsideError { return Int(seconds) }
        return nil
    }
}
