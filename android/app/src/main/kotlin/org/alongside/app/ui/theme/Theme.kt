package org.alongside.app.ui.theme

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val Light = lightColorScheme(
    primary = Color(0xFF2E5E4E),
    secondary = Color(0xFF4F6359),
    tertiary = Color(0xFF7A5A2E),
)

private val Dark = darkColorScheme(
    primary = Color(0xFF9DD3BD),
    secondary = Color(0xFFB5CCC0),
    tertiary = Color(0xFFE8C08F),
)

/** Material 3 with the system's light or dark choice; type sizes are Material's, in sp. */
@Composable
fun AlongsideTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (isSystemInDarkTheme()) Dark else Light, content = content)
}
