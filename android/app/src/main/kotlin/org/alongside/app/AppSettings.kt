package org.alongside.app

import android.content.Context
import org.alongside.state.VaultRepository

/**
 * The app's own preferences, kept outside the vault because they are needed while it is locked.
 * Only settings live here (no client data); the file is excluded from backup like everything else.
 */
class AppSettings(context: Context) {
    private val prefs = context.getSharedPreferences("settings", Context.MODE_PRIVATE)

    /** Auto-lock's limit, in seconds without a touch (the core checks it: 10 to 3600). */
    var autoLockSeconds: UInt
        get() = prefs.getInt(KEY_AUTO_LOCK, VaultRepository.DEFAULT_AUTO_LOCK_SECONDS.toInt()).toUInt()
        set(value) {
            prefs.edit().putInt(KEY_AUTO_LOCK, value.toInt()).apply()
        }

    private companion object {
        const val KEY_AUTO_LOCK = "auto_lock_seconds"
    }
}
