package org.alongside.app.ui.common

import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.OffsetMapping
import androidx.compose.ui.text.input.TransformedText
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.text.style.TextDecoration
import org.alongside.core.TextSpan

/**
 * [text] with the core's spans marked (underlined and bold, not by colour alone). The core gives
 * each span in UTF-16 units for exactly this; spans that no longer fit the text (it changed since)
 * are skipped.
 */
@Composable
fun highlighted(text: String, spans: List<TextSpan>): AnnotatedString = highlight(text, spans, highlightStyle())

@Composable
fun highlightStyle(): SpanStyle = SpanStyle(
    fontWeight = FontWeight.Bold,
    textDecoration = TextDecoration.Underline,
    background = MaterialTheme.colorScheme.tertiaryContainer,
)

fun highlight(text: String, spans: List<TextSpan>, style: SpanStyle): AnnotatedString = buildAnnotatedString {
    append(text)
    spans.forEach { span ->
        val start = span.utf16Start.toInt()
        val end = span.utf16End.toInt()
        if (start in 0..end && end <= text.length) addStyle(style, start, end)
    }
}

/** Marks the core's spans inside a text field as it is typed (the text itself is unchanged). */
class SpanHighlighter(private val spans: List<TextSpan>, private val style: SpanStyle) : VisualTransformation {
    override fun filter(text: AnnotatedString): TransformedText =
        TransformedText(highlight(text.text, spans, style), OffsetMapping.Identity)
}
