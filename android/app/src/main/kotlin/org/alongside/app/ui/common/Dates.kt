package org.alongside.app.ui.common

import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

// Dates and times as the phone's locale writes them. The core's days are calendar days
// (java.time.LocalDate) and its clock times are LocalTime; Material's pickers speak UTC millis.

private val dayFormat: DateTimeFormatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
private val timeFormat: DateTimeFormatter = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)

private val instantFormat: DateTimeFormatter =
    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)

fun LocalDate.display(): String = format(dayFormat)

/** A moment (when a note was signed, an addendum written) in the phone's time zone. */
fun Instant.display(): String = atZone(ZoneId.systemDefault()).format(instantFormat)

fun LocalTime.display(): String = format(timeFormat)

fun LocalDate.toPickerMillis(): Long = atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()

fun pickerMillisToDay(millis: Long): LocalDate = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate()
