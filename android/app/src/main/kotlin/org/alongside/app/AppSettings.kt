package org.alongside.app

import android.content.Context
import org.alongside.state.VaultRepository

/**
 * The app's own preferences, kept outside the vault because they are needed while it is locked.
 * Only settings live here (no client data); the file is excluded from backup like everything else.
 */
class AppSettings(context: Context) {
    private val prefs = context.getSharedPreferences("settings", Context.MODE_PRIVATE)

    var autoLockAfterMillis: Long
        get() = prefs.getLong(KEY_AUTO_LOCK, VaultRepository.DEFAULT_AUTO_LOCK_MILLIS)
        set(value) {
            prefs.edit().putLong(KEY_AUTO_LOCK, value).apply()
        }

    private companion object {
        const val KEY_AUTO_LOCK = "auto_lock_after_millis"
    }
}
