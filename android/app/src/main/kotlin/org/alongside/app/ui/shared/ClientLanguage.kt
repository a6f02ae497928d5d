package org.alongside.app.ui.shared

import android.content.res.Configuration
import android.text.TextUtils
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.remember
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalLayoutDirection
import androidx.compose.ui.unit.LayoutDirection
import java.util.Locale

/**
 * Shows [content] in the client's language: the core already writes shared mode's words in it
 * ([org.alongside.core.SharedScreen.language]); this makes the app's own buttons and the layout
 * direction follow, where the app has strings in that language.
 */
@Composable
fun ClientLanguage(tag: String, content: @Composable () -> Unit) {
    val base = LocalContext.current
    val locale = remember(tag) { Locale.forLanguageTag(tag) }
    val configuration = remember(locale) { Configuration(base.resources.configuration).apply { setLocale(locale) } }
    val localized = remember(configuration) { base.createConfigurationContext(configuration) }
    val direction = if (TextUtils.getLayoutDirectionFromLocale(locale) == android.view.View.LAYOUT_DIRECTION_RTL) {
        LayoutDirection.Rtl
    } else {
        LayoutDirection.Ltr
    }
    CompositionLocalProvider(
        LocalContext provides localized,
        LocalConfiguration provides configuration,
        LocalLayoutDirection provides direction,
        content = content,
    )
}
