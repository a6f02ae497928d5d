package org.alongside.state

import org.alongside.core.AlongsideException
import org.alongside.core.errorCodeOf
import org.alongside.core.LockReason
import org.alongside.core.Rule

/**
 * A core error as a screen needs it: what to do about it, with the core's own detail. No wording
 * is made here; [Input.summary] is the core's sentence, and every other case keeps the typed
 * [cause] for the screen to render.
 */
sealed class UiError {
    abstract val cause: AlongsideException

    /** The core's stable code for the error (`invalid`, `locked`, ...), for logs and analytics-free tests. */
    val code: String get() = errorCodeOf(cause)

    /** Bad input: show [summary] by the field named [field] (the core's field name, e.g. "purpose"). */
    data class Input(
        val field: String,
        val rule: Rule,
        val summary: String,
        override val cause: AlongsideException,
    ) : UiError()

    /** The passphrase (or the platform key) did not open the vault; nothing changed. */
    data class WrongPassphrase(override val cause: AlongsideException) : UiError()

    /** Too many wrong attempts: the unlock button waits [retryAfterSeconds]. */
    data class TryAgainLater(val retryAfterSeconds: UInt, override val cause: AlongsideException) : UiError()

    /**
     * The session has ended: go to the unlock screen. [reason] says why (auto-lock, shared mode's
     * limit, a clock that went back, locked on purpose, ...).
     */
    data class SessionEnded(val reason: LockReason, override val cause: AlongsideException) : UiError()

    /** The phone's key store refused or the user cancelled biometrics; the passphrase still works. */
    data class PlatformKeyFailed(val reason: String, override val cause: AlongsideException) : UiError()

    /** The record is gone (erased, or a stale link). */
    data class NotFound(val kind: String, val id: String, override val cause: AlongsideException) : UiError()

    /**
     * Everything that is not the user's to fix here: tampered or corrupt data, a vault from a newer
     * version, storage failures, backup errors. The screen shows it and offers no retry loop.
     */
    data class Failure(override val cause: AlongsideException) : UiError()
}

/** The one place an [AlongsideException] becomes screen state. */
fun AlongsideException.toUiError(): UiError = when (this) {
    is AlongsideException.Invalid -> UiError.Input(field, rule, summary, this)
    is AlongsideException.WrongPassphrase -> UiError.WrongPassphrase(this)
    is AlongsideException.TooManyAttempts -> UiError.TryAgainLater(retryAfterSeconds, this)
    is AlongsideException.Locked -> UiError.SessionEnded(reason, this)
    is AlongsideException.PlatformKey -> UiError.PlatformKeyFailed(reason, this)
    is AlongsideException.NotFound -> UiError.NotFound(kind, id, this)
    else -> UiError.Failure(this)
}

/**
 * What a screen shows: the latest data (kept while a refresh runs or after an error, so the screen
 * does not go blank), whether a call is running, and the latest error.
 */
data class Screen<out T>(
    val data: T? = null,
    val busy: Boolean = false,
    val error: UiError? = null,
)
