import AlongsideCore
import Foundation

/// What to show for an error: the core's own sentence in the reader's language (`errorMessage`,
/// which says what to do next), for every case of the core's error; the app words none itself.
enum ErrorText {
    static func message(_ error: Error, _ lang: Lang) -> String? {
        guard let core = error as? AlongsideError else {
            return appWords(language: lang).errorUnexpected
        }
        if case AlongsideError.PlatformKey(let reason) = core, reason == KeychainPlatformKey.Reason.cancelled {
            return nil
        }
        return errorMessage(error: core, language: lang)
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
