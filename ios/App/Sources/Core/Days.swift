import AlongsideCore
import Foundation

/// The core's days and clock times cross as strings ("2026-11-23", "10:30"); the pickers and
/// the display use Foundation dates in the phone's own calendar and time zone.
enum Days {
    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = format
        return formatter
    }

    private static let dayFormat = formatter("yyyy-MM-dd")
    private static let timeFormat = formatter("HH:mm")

    static func day(_ date: Date) -> Day { dayFormat.string(from: date) }

    static func today() -> Day { day(Date()) }

    static func date(_ day: Day) -> Date? { dayFormat.date(from: day) }

    static func clockTime(_ date: Date) -> ClockTime { timeFormat.string(from: date) }

    static func date(clockTime: ClockTime) -> Date? { timeFormat.date(from: clockTime) }

    /// A day as the phone's locale writes it.
    static func display(_ day: Day) -> String {
        date(day)?.formatted(date: .abbreviated, time: .omitted) ?? day
    }

    static func display(clockTime: ClockTime) -> String {
        date(clockTime: clockTime)?.formatted(date: .omitted, time: .shortened) ?? clockTime
    }
}
