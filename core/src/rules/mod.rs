//! Rules that advise and never decide: duty suggestions from what a worker writes, the balance
//! between duties over time, and person-first language hints. Each is a table of phrases or
//! thresholds plus a small engine, so the tables can grow and be translated without code changes.

pub(crate) mod duty_balance;
pub(crate) mod duty_suggest;
pub(crate) mod heavy_week;
pub(crate) mod person_first;
pub(crate) mod phrases;
