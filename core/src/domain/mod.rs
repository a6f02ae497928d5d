//! The domain of support work: the records a worker keeps about the people they support, how
//! each is checked, stored and changed. A domain file defines stored records and the calls that
//! write them; it never builds a screen (that is `screens`) and never applies a rule that only
//! advises (that is `rules`).

pub(crate) mod activity;
pub(crate) mod assessment;
pub(crate) mod client;
pub(crate) mod defaults;
pub(crate) mod duty;
pub(crate) mod entry;
pub(crate) mod incident;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod referral;
pub(crate) mod team;
pub(crate) mod wellness;

/// An enum value's stored name (`mental_health`, `advocate`): what a `Choice` sends back and
/// what an error's typed reason carries.
pub(crate) fn value_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
pub(crate) mod worker;
