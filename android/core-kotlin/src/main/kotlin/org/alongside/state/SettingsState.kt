package org.alongside.state

import org.alongside.core.Choice
import org.alongside.core.Lang
import org.alongside.core.PlatformKey
import org.alongside.core.autoLockChoices
import org.alongside.core.langFromTag
import org.alongside.core.langTag
import org.alongside.core.languageChoices

/**
 * Settings: passphrase, biometrics, auto-lock time, the worker's language. Data: whether
 * biometrics are enrolled, and the options the core offers, worded in the worker's language.
 */
class SettingsState(vault: VaultRepository) : StateHolder<SettingsState.Settings>(vault) {
    data class Settings(
        val hasPlatformKey: Boolean,
        val autoLockSeconds: UInt,
        /** The core's auto-lock options: `value` in minutes ("5"), `label` "5 minutes". */
        val autoLockChoices: List<Choice> = emptyList(),
        /** The worker's language now, and the shipped ones, each in its own name (`value`: its tag). */
        val language: Lang = Lang.EN,
        val languageChoices: List<Choice> = emptyList(),
    ) {
        /** The tag of [language], to mark its option as chosen. */
        val languageTag: String get() = langTag(language)
    }

    fun load(): Boolean = show { current() }

    fun changePassphrase(current: String, new: String): Boolean =
        attempt { vault.withWorker { it.changePassphrase(current, new) } } != null

    /** Enrol biometrics: the core asks for the passphrase again before wrapping its key. */
    fun enablePlatformKey(passphrase: String, key: PlatformKey): Boolean =
        show { vault.withWorker { it.enablePlatformKey(passphrase, key) }; current() }

    fun disablePlatformKey(): Boolean = show { vault.withWorker { it.disablePlatformKey() }; current() }

    /**
     * Set (or replace) the duress passphrase: under threat it opens an empty vault while the real
     * one stays shut, and the audit trail records it at the next real unlock. The unlock
     * [passphrase] is asked first; [duressPassphrase] must be hard to guess and differ from it.
     */
    fun setDuressPassphrase(passphrase: String, duressPassphrase: String): Boolean =
        attempt { vault.withWorker { it.setDuressPassphrase(passphrase, duressPassphrase) } } != null

    /** Remove the duress passphrase (asks for the unlock passphrase). */
    fun removeDuressPassphrase(passphrase: String): Boolean =
        attempt { vault.withWorker { it.removeDuressPassphrase(passphrase) } } != null

    /**
     * The worker's auto-lock limit, in seconds without a touch. The core checks it (10 to 3600):
     * outside that it is an input error on `auto_lock_seconds` and the limit stays as it was.
     */
    fun setAutoLock(seconds: UInt): Boolean {
        attempt { vault.autoLockSeconds = seconds } ?: return false
        edit { it?.copy(autoLockSeconds = seconds) }
        return true
    }

    /**
     * Choose the worker's language from one of [Settings.languageChoices] (its `value`, a tag):
     * the core keeps it in the vault, and the options, the app's words and errors follow it.
     */
    fun setLanguage(tag: String): Boolean = show { vault.setLanguage(langFromTag(tag)); current() }

    /** An auto-lock option's `value` (minutes) as the limit [setAutoLock] takes. */
    fun autoLockSecondsOf(choice: Choice): UInt = choice.value.toUInt() * 60u

    private fun current(): Settings {
        val lang = vault.language.value
        return Settings(
            vault.hasPlatformKey(), vault.autoLockSeconds,
            autoLockChoices = autoLockChoices(lang),
            language = lang,
            languageChoices = languageChoices(),
        )
    }
}
