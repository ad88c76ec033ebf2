//! Which record remains when records of one person are merged, decided from the
//! merges alone, so every fold (a till applying events as they come, a rebuild,
//! the server) reaches the same answer whatever order the merges arrive in.
//!
//! A merge says two records are one person. Merges are taken as an undirected
//! "same person" relation: its connected groups are the people. In each group
//! one record remains (the survivor) and every other record is closed into it:
//! - the survivor is a record no merge asked to close, the smallest id if
//!   there are several (two tills merged one record into two others, say);
//! - when every record of the group was asked to close (opposite or circular
//!   merges made at offline tills), the `into` of the first merge (smallest
//!   event id: ids are time-ordered) remains.
//!
//! A merge whose wish the group overrules — its `from` stays open, or its
//! `into` is closed although no merge asked for that — is *overruled*: staff
//! see it as a conflict, and nothing about it stops sync.

use std::collections::{BTreeMap, BTreeSet};

use super::{CustomerId, EventId};

/// One recorded merge: `from` was to close into `into`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MergeEdge {
    /// The merge event's id.
    pub event: EventId,
    /// The record the merge closes.
    pub from: CustomerId,
    /// The record the merge keeps.
    pub into: CustomerId,
}

/// The outcome of a set of merges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// Every closed record and the record it is now part of.
    pub closed: BTreeMap<CustomerId, CustomerId>,
    /// Merges whose wish was overruled, smallest event id first.
    pub overruled: Vec<MergeEdge>,
}

impl Resolution {
    /// The record `customer` resolves to (itself when it is open).
    pub fn owner(&self, customer: CustomerId) -> CustomerId {
        self.closed.get(&customer).copied().unwrap_or(customer)
    }
}

/// Union-find over customer ids, with path halving.
#[derive(Default)]
struct Groups {
    parent: BTreeMap<CustomerId, CustomerId>,
}

impl Groups {
    fn root(&mut self, c: CustomerId) -> CustomerId {
        let mut cur = c;
        loop {
            let p = *self.parent.entry(cur).or_insert(cur);
            if p == cur {
                return cur;
            }
            let gp = *self.parent.entry(p).or_insert(p);
            self.parent.insert(cur, gp);
            cur = gp;
        }
    }

    fn join(&mut self, a: CustomerId, b: CustomerId) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            // The smaller root stays root: the shape never depends on order.
            let (keep, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(other, keep);
        }
    }
}

/// Resolves a set of merges. The answer depends on the set only, not on the
/// order of `edges`. A merge of a record into itself changes nothing (no
/// honest till writes one; the server refuses it).
pub fn resolve(edges: &[MergeEdge]) -> Resolution {
    let mut sorted: Vec<MergeEdge> = edges.iter().copied().filter(|e| e.from != e.into).collect();
    sorted.sort();
    sorted.dedup();
    let mut groups = Groups::default();
    for e in &sorted {
        groups.join(e.from, e.into);
    }
    // Each group's members and merges, by its root.
    let mut members: BTreeMap<CustomerId, BTreeSet<CustomerId>> = BTreeMap::new();
    let mut merges: BTreeMap<CustomerId, Vec<MergeEdge>> = BTreeMap::new();
    for e in &sorted {
        let root = groups.root(e.from);
        let m = members.entry(root).or_default();
        m.insert(e.from);
        m.insert(e.into);
        merges.entry(root).or_default().push(*e);
    }
    let mut out = Resolution::default();
    for (root, group) in &members {
        let edges = &merges[root];
        let asked_closed: BTreeSet<CustomerId> = edges.iter().map(|e| e.from).collect();
        // `edges` is sorted by event id, so its first is the first merge.
        let survivor = group
            .iter()
            .find(|c| !asked_closed.contains(c))
            .copied()
            .unwrap_or(edges[0].into);
        for c in group.iter().filter(|c| **c != survivor) {
            out.closed.insert(*c, survivor);
        }
        out.overruled.extend(edges.iter().filter(|e| {
            e.from == survivor || (e.into != survivor && !asked_closed.contains(&e.into))
        }));
    }
    out.overruled.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn c(n: u128) -> CustomerId {
        Uuid::from_u128(n)
    }

    fn edge(event: u128, from: u128, into: u128) -> MergeEdge {
        MergeEdge {
            event: Uuid::from_u128(1000 + event),
            from: c(from),
            into: c(into),
        }
    }

    #[test]
    fn a_chain_of_merges_ends_in_its_last_record() {
        let r = resolve(&[edge(1, 1, 2), edge(2, 2, 3)]);
        assert_eq!(r.owner(c(1)), c(3));
        assert_eq!(r.owner(c(2)), c(3));
        assert_eq!(r.owner(c(3)), c(3));
        assert!(r.overruled.is_empty());
    }

    #[test]
    fn opposite_merges_keep_the_first_merges_record_and_overrule_the_other() {
        let first = edge(1, 1, 2);
        let second = edge(2, 2, 1);
        for edges in [[first, second], [second, first]] {
            let r = resolve(&edges);
            assert_eq!(r.owner(c(1)), c(2));
            assert_eq!(r.owner(c(2)), c(2));
            assert_eq!(r.overruled, vec![second]);
        }
    }

    #[test]
    fn a_circle_of_merges_keeps_the_first_merges_record() {
        let r = resolve(&[edge(3, 3, 1), edge(1, 1, 2), edge(2, 2, 3)]);
        for n in 1..=3 {
            assert_eq!(r.owner(c(n)), c(2));
        }
        assert_eq!(r.overruled, vec![edge(2, 2, 3)]);
    }

    #[test]
    fn one_record_merged_into_two_joins_all_three_and_shows_the_overruled_merge() {
        let r = resolve(&[edge(1, 1, 3), edge(2, 1, 2)]);
        for n in 1..=3 {
            assert_eq!(r.owner(c(n)), c(2));
        }
        assert_eq!(r.overruled, vec![edge(1, 1, 3)]);
    }

    #[test]
    fn a_merge_into_itself_changes_nothing() {
        let r = resolve(&[edge(1, 1, 1)]);
        assert_eq!(r, Resolution::default());
    }

    #[test]
    fn separate_people_stay_separate() {
        let r = resolve(&[edge(1, 1, 2), edge(2, 3, 4)]);
        assert_eq!(r.owner(c(1)), c(2));
        assert_eq!(r.owner(c(3)), c(4));
        assert_eq!(r.closed.len(), 2);
    }

    fn edges() -> impl Strategy<Value = Vec<MergeEdge>> {
        prop::collection::vec((0u128..40, 0u128..8, 0u128..8), 0..12)
            .prop_map(|v| v.into_iter().map(|(e, f, i)| edge(e, f, i)).collect())
    }

    proptest! {
        #[test]
        fn the_answer_depends_on_the_set_of_merges_only(edges in edges(), seed in any::<u64>()) {
            let mut shuffled = edges.clone();
            // A deterministic shuffle from the seed.
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (s >> 33) as usize % (i + 1));
            }
            prop_assert_eq!(resolve(&edges), resolve(&shuffled));
        }

        #[test]
        fn every_closed_record_points_at_an_open_one(edges in edges()) {
            let r = resolve(&edges);
            for owner in r.closed.values() {
                prop_assert!(!r.closed.contains_key(owner));
            }
            for e in edges.iter().filter(|e| e.from != e.into) {
                prop_assert_eq!(r.owner(e.from), r.owner(e.into));
            }
        }

        #[test]
        fn merges_added_one_by_one_reach_the_same_answer(edges in edges()) {
            // What an incremental fold does as each merge comes: resolve the
            // merges of the groups it touches, and nothing else.
            let mut known: Vec<MergeEdge> = Vec::new();
            let mut owner: BTreeMap<CustomerId, CustomerId> = BTreeMap::new();
            for e in &edges {
                let of = |c: CustomerId, owner: &BTreeMap<CustomerId, CustomerId>| {
                    owner.get(&c).copied().unwrap_or(c)
                };
                let touched = [of(e.from, &owner), of(e.into, &owner)];
                known.push(*e);
                let group: Vec<MergeEdge> = known
                    .iter()
                    .filter(|k| touched.contains(&of(k.from, &owner)))
                    .copied()
                    .collect();
                let part = resolve(&group);
                let mut members: BTreeSet<CustomerId> = owner
                    .iter()
                    .filter(|(_, o)| touched.contains(o))
                    .map(|(c, _)| *c)
                    .collect();
                members.extend(touched);
                for m in members {
                    match part.closed.get(&m) {
                        Some(o) => owner.insert(m, *o),
                        None => owner.remove(&m),
                    };
                }
            }
            prop_assert_eq!(owner, resolve(&edges).closed);
        }
    }
}
