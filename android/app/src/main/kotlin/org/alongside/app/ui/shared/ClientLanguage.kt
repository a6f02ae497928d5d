package org.alongside.app.ui.shared

import androidx.compose.runtime.Composable
import org.alongside.app.ui.common.WordsIn
import org.alongside.core.Lang

/**
 * Shared mode in the client's language: the screen's own words come from the core in it
 * (`SharedScreen.words`, its scale and entry kinds), and everything around them (the app's chrome,
 * errors) is provided in the same language, laid out right to left for Arabic. A French-speaking
 * client reads no English button.
 */
@Composable
fun ClientLanguage(lang: Lang, content: @Composable () -> Unit) = WordsIn(lang, content)
