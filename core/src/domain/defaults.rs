//! What a new form starts with, decided once for both phones: values, never words. A form shows
//! these and the worker may change them; the rules that check the saved values are elsewhere
//! (a follow-up due before its activity's day is still refused by the activity's call).

use chrono::Months;

use crate::time::Day;

/// A follow-up is due this many days after the activity it was agreed at, unless the worker says.
pub const FOLLOW_UP_DAYS: i64 = 7;
/// A plan is reviewed this many months after it starts or after its last review.
pub const REVIEW_MONTHS: u32 = 3;
/// The duty balance looks back this many weeks unless the worker chooses another period.
pub const DUTY_BALANCE_WEEKS: i64 = 12;

/// The days a new form starts with, all from today's day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FormDefaults {
    /// A new activity's day, an incident's, a rating's, a note's: today.
    pub today: Day,
    /// A new follow-up's due day for an activity today (`follow_up_due` for another day).
    pub follow_up_due: Day,
    /// A new plan's first review (three months from today).
    pub plan_review_due: Day,
    /// At a review held today, the next review (three months on).
    pub next_review_due: Day,
    /// The duty balance's first day, for a period ending today (twelve weeks back).
    pub duty_balance_from: Day,
}

/// A follow-up agreed at an activity on `activity_day` is due a week later, unless the worker
/// chooses another day (on or after the activity's).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn follow_up_due(activity_day: Day) -> Day {
    activity_day.add_days(FOLLOW_UP_DAYS)
}

/// A plan started, or reviewed, on `from` is next reviewed three months later (the same day of the
/// month, or the month's last day when it has no such day: 30 November gives 28 or 29 February).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn review_due(from: Day) -> Day {
    from.0
        .checked_add_months(Months::new(REVIEW_MONTHS))
        .map(Day)
        // Past the calendar's end (year 262143): no review date to offer beyond the day itself.
        .unwrap_or(from)
}

/// Every new form's starting days, from today's day (the shell's local calendar).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn form_defaults(today: Day) -> FormDefaults {
    FormDefaults {
        today,
        follow_up_due: follow_up_due(today),
        plan_review_due: review_due(today),
        next_review_due: review_due(today),
        duty_balance_from: today.add_days(-7 * DUTY_BALANCE_WEEKS),
    }
}
