package org.alongside.app.ui.common

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.remember
import androidx.compose.ui.platform.LocalLayoutDirection
import androidx.compose.ui.unit.LayoutDirection
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.runtime.staticCompositionLocalOf
import org.alongside.core.AppPhrase
import org.alongside.core.AppWords
import org.alongside.core.Lang
import org.alongside.core.TeamWords
import org.alongside.core.appPhrase
import org.alongside.core.appWords
import org.alongside.core.langIsRtl
import org.alongside.core.teamWords

/**
 * The worker's language, provided at the app's root from [org.alongside.state.VaultRepository.language]
 * (the vault's setting once unlocked, the phone's language before). Every word a screen shows
 * comes from the core in this language: the screen models, the form options (`*Choices`), errors
 * (`errorMessage`) and the app's own chrome ([words], [phrase]); the app holds none of its own.
 */
val LocalLang = staticCompositionLocalOf { Lang.EN }

/** The app's chrome in [LocalLang], from the core's `appWords`. */
val LocalWords = staticCompositionLocalOf { appWords(Lang.EN) }

/** The team screens' chrome in [LocalLang], from the core's `teamWords`. */
val LocalTeamWords = staticCompositionLocalOf { teamWords(Lang.EN) }

/** The team screens' chrome (members, briefing, requests, notifications) in the worker's language. */
@Composable
@ReadOnlyComposable
fun teamWords(): TeamWords = LocalTeamWords.current

/** The app's chrome (tab names, buttons, field labels) in the worker's language. */
@Composable
@ReadOnlyComposable
fun words(): AppWords = LocalWords.current

/** A phrase of the app's chrome with values put in, in the worker's language. */
@Composable
@ReadOnlyComposable
fun phrase(phrase: AppPhrase): String = appPhrase(LocalLang.current, phrase)

/**
 * [content] worded in [lang]: its chrome ([words]), errors and the core's options, laid out right
 * to left where the core says the language is written so (`langIsRtl`).
 */
@Composable
fun WordsIn(lang: Lang, content: @Composable () -> Unit) {
    val words = remember(lang) { appWords(lang) }
    val team = remember(lang) { teamWords(lang) }
    val direction = if (langIsRtl(lang)) LayoutDirection.Rtl else LayoutDirection.Ltr
    CompositionLocalProvider(
        LocalLang provides lang,
        LocalWords provides words,
        LocalTeamWords provides team,
        LocalLayoutDirection provides direction,
        content = content,
    )
}
