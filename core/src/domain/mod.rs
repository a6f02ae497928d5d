//! The domain of support work: the records a worker keeps about the people they support, how
//! each is checked, stored and changed. A domain file defines stored records and the calls that
//! write them; it never builds a screen (that is `screens`) and never applies a rule that only
//! advises (that is `rules`).

pub(crate) mod activity;
pub(crate) mod assessment;
pub(crate) mod client;
pub(crate) mod duty;
pub(crate) mod entry;
pub(crate) mod incident;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod referral;
pub(crate) mod worker;
