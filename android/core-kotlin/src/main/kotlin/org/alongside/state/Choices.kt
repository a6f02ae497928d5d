package org.alongside.state

import org.alongside.core.Choice

/**
 * A form option from the core (`*Choices`, `ratingScale`) back to the enum a call takes: the
 * core's `value` is the enum's snake_case name (`as_needed` is `AS_NEEDED`). The label is never
 * parsed; the screen shows it as the core worded it.
 */
inline fun <reified E : Enum<E>> Choice.toEnum(): E = enumValueOf(value.uppercase())

/** The core's `value` for an enum constant, to find its [Choice] (`AS_NEEDED` is `as_needed`). */
fun Enum<*>.choiceValue(): String = name.lowercase()

/** The label of the option whose value is [value], or null when the list has none. */
fun List<Choice>.labelOf(value: String): String? = firstOrNull { it.value == value }?.label
