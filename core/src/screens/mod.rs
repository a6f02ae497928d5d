//! Screen models and their builders: what each phone screen shows, as plain records, with the
//! wording and order decided here so Android and iOS show the same thing. A screen file never
//! defines a stored record; it reads the domain and the rules and words the result.

pub(crate) mod activity;
pub(crate) mod caseload;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod shared;
pub(crate) mod timeline;
pub(crate) mod today;

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
