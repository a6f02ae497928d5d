//! Field-level three-way merge of an editable record's heads against their common ancestor.
//!
//! A field changed on one side only takes that side's value; a field changed on both sides to the
//! same value takes it; a field changed on both sides to different values is a conflict: both
//! values are kept in a "needs review" item and a person chooses. Until then the record holds the
//! value of the head whose revision hash sorts first: a rule every phone applies alike, so two
//! phones merging the same heads write the same record, and never a rule about time.

use alongside_wire::Hash32;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

use super::local::Rev;

/// Fields that change at every write and say nothing about what was edited: when both sides
/// changed one, the merge takes the first head's value without raising a review item.
const BOOKKEEPING: &[&str] = &["updated"];

/// A conflict on one field: each head's value, in head order.
pub struct Conflict {
    /// The field.
    pub field: String,
    /// The head and its value, for each distinct value.
    pub sides: Vec<(Hash32, Value)>,
}

/// Every ancestor of `rev` (itself included) among the known revisions.
fn ancestors(revs: &BTreeMap<String, Rev>, rev: &Hash32) -> BTreeSet<Hash32> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![*rev];
    while let Some(r) = stack.pop() {
        if !seen.insert(r) {
            continue;
        }
        if let Some(info) = revs.get(&r.to_text()) {
            stack.extend(info.parents.iter().copied());
        }
    }
    seen
}

/// The common ancestor of the heads: of the revisions every head descends from, one that no other
/// such revision descends from (the nearest). None when the heads share no known history.
pub fn common_ancestor(revs: &BTreeMap<String, Rev>, heads: &[Hash32]) -> Option<Hash32> {
    let mut common: Option<BTreeSet<Hash32>> = None;
    for h in heads {
        let a = ancestors(revs, h);
        common = Some(match common {
            None => a,
            Some(c) => c.intersection(&a).copied().collect(),
        });
    }
    let common: BTreeSet<Hash32> = common?
        .into_iter()
        .filter(|r| revs.contains_key(&r.to_text()))
        .collect();
    // The nearest: a common ancestor that is an ancestor of no other common ancestor.
    common
        .iter()
        .find(|c| {
            !common
                .iter()
                .any(|o| o != *c && ancestors(revs, o).contains(c))
        })
        .copied()
}

/// Merge the heads' values against the ancestor's (an empty object when there is none).
/// `heads` must be sorted; the first head's value fills every conflict until a person chooses.
pub fn merge(base: &Value, heads: &[(Hash32, Value)]) -> (Value, Vec<Conflict>) {
    let empty = Map::new();
    let base = base.as_object().unwrap_or(&empty);
    let mut fields: BTreeSet<&String> = base.keys().collect();
    for (_, v) in heads {
        if let Some(o) = v.as_object() {
            fields.extend(o.keys());
        }
    }
    let mut out = Map::new();
    let mut conflicts = Vec::new();
    for field in fields {
        let ancestor = base.get(field);
        let mut changed: Vec<(Hash32, Option<&Value>)> = Vec::new();
        for (h, v) in heads {
            let value = v.get(field);
            if value != ancestor && !changed.iter().any(|(_, c)| *c == value) {
                changed.push((*h, value));
            }
        }
        let chosen = match changed.as_slice() {
            [] => ancestor,
            [(_, one)] => *one,
            [(_, first), ..] => {
                if !BOOKKEEPING.contains(&field.as_str()) {
                    conflicts.push(Conflict {
                        field: field.clone(),
                        sides: changed
                            .iter()
                            .map(|(h, v)| (*h, v.cloned().unwrap_or(Value::Null)))
                            .collect(),
                    });
                }
                *first
            }
        };
        if let Some(v) = chosen {
            out.insert(field.clone(), v.clone());
        }
    }
    (Value::Object(out), conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn h(n: u8) -> Hash32 {
        Hash32([n; 32])
    }

    #[test]
    fn different_fields_merge_and_the_same_field_conflicts() {
        let base = json!({"title": "Walk", "status": "active", "n": 1});
        let a = json!({"title": "Walk daily", "status": "active", "n": 1});
        let b = json!({"title": "Walk", "status": "paused", "n": 1});
        let (m, c) = merge(&base, &[(h(1), a.clone()), (h(2), b)]);
        assert_eq!(
            m,
            json!({"title": "Walk daily", "status": "paused", "n": 1})
        );
        assert!(c.is_empty());
        let b2 = json!({"title": "Walk weekly", "status": "active", "n": 1});
        let (m, c) = merge(&base, &[(h(1), a), (h(2), b2)]);
        assert_eq!(m["title"], "Walk daily");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "title");
        assert_eq!(c[0].sides.len(), 2);
        assert_eq!(c[0].sides[1].1, "Walk weekly");
    }

    #[test]
    fn the_nearest_common_ancestor_is_found() {
        let mut revs = BTreeMap::new();
        let rev = |parents: Vec<Hash32>| Rev {
            parents,
            value: json!({}),
            author: alongside_wire::DeviceId([0; 32]),
            at: crate::time::Timestamp::now(),
        };
        revs.insert(h(1).to_text(), rev(vec![]));
        revs.insert(h(2).to_text(), rev(vec![h(1)]));
        revs.insert(h(3).to_text(), rev(vec![h(2)]));
        revs.insert(h(4).to_text(), rev(vec![h(2)]));
        assert_eq!(common_ancestor(&revs, &[h(3), h(4)]), Some(h(2)));
    }
}
