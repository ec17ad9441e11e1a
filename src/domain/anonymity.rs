//! The anonymity engine of engagement surveys (issue 9, PRODUCT.md §3.5):
//! the one place that decides which groups of respondents may be shown.
//! Every screen, export and API asks it; none counts for itself.
//!
//! A group is shown only when it has at least the threshold of respondents
//! (never below 3). Complementary suppression then stops differencing: when
//! two shown groups differ by fewer than the threshold people — a unit and
//! its sub-unit, two overlapping segments — subtracting one number from the
//! other would reveal those few, so the smaller group is hidden too, until
//! no two shown groups can be played off against each other. A hidden group
//! says why.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// No organisation may set a threshold below this.
pub const MINIMUM_THRESHOLD: u32 = 3;
/// The threshold a new organisation starts with.
pub const DEFAULT_THRESHOLD: u32 = 5;

/// A group of respondents a screen would like to show, by the
/// respondents' anonymous numbers (never a person's id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub respondents: BTreeSet<u32>,
}

/// What may be done with a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Shown {
        respondents: u32,
    },
    /// Fewer respondents than the threshold.
    TooFew,
    /// Shown together with another group, it would reveal fewer
    /// respondents than the threshold by subtraction.
    WouldRevealOthers,
}

/// The threshold an organisation asked for, raised to the minimum.
pub fn threshold(asked: u32) -> u32 {
    asked.max(MINIMUM_THRESHOLD)
}

/// The verdict on every group, in the order given.
pub fn judge(groups: &[Group], asked_threshold: u32) -> Vec<Verdict> {
    let k = threshold(asked_threshold) as usize;
    let mut verdicts: Vec<Verdict> = groups
        .iter()
        .map(|group| match group.respondents.len() {
            n if n >= k => Verdict::Shown { respondents: u32::try_from(n).unwrap_or(u32::MAX) },
            _ => Verdict::TooFew,
        })
        .collect();
    while let Some(hide) = first_revealing_pair(groups, &verdicts, k) {
        verdicts[hide] = Verdict::WouldRevealOthers;
    }
    verdicts
}

/// Of the first two shown groups whose difference holds between one and
/// `k - 1` respondents, the one to hide: the smaller (the later on a tie).
fn first_revealing_pair(groups: &[Group], verdicts: &[Verdict], k: usize) -> Option<usize> {
    let shown: Vec<usize> =
        (0..groups.len()).filter(|i| matches!(verdicts[*i], Verdict::Shown { .. })).collect();
    for (position, &a) in shown.iter().enumerate() {
        for &b in &shown[position + 1..] {
            let (first, second) = (&groups[a].respondents, &groups[b].respondents);
            let revealing = |d: usize| d > 0 && d < k;
            if revealing(first.difference(second).count()) || revealing(second.difference(first).count()) {
                return Some(if second.len() <= first.len() { b } else { a });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn group(respondents: impl IntoIterator<Item = u32>) -> Group {
        Group { respondents: respondents.into_iter().collect() }
    }

    #[test]
    fn a_team_of_six_is_shown_and_a_team_of_two_is_not() {
        let six = group(0..6);
        let two = group(6..8);
        assert_eq!(judge(&[six, two], 5), [Verdict::Shown { respondents: 6 }, Verdict::TooFew]);
    }

    #[test]
    fn a_unit_is_hidden_when_its_sub_unit_differs_from_it_by_fewer_than_the_threshold() {
        // Eight in the department, six of them in one team: showing both
        // would tell what the other two answered.
        let department = group(0..8);
        let team = group(0..6);
        assert_eq!(
            judge(&[department, team], 5),
            [Verdict::Shown { respondents: 8 }, Verdict::WouldRevealOthers]
        );
    }

    #[test]
    fn the_threshold_never_drops_below_three() {
        assert_eq!(threshold(1), 3);
        assert_eq!(judge(&[group(0..2)], 1), [Verdict::TooFew]);
        assert_eq!(judge(&[group(0..3)], 1), [Verdict::Shown { respondents: 3 }]);
    }

    #[test]
    fn identical_groups_reveal_nothing_about_each_other() {
        let verdicts = judge(&[group(0..5), group(0..5)], 5);
        assert!(verdicts.iter().all(|v| matches!(v, Verdict::Shown { .. })));
    }

    prop_compose! {
        /// Up to 12 groups out of 40 respondents, as filters on units and
        /// segments would cut them.
        fn groups()(picks in prop::collection::vec(prop::collection::btree_set(0u32..40, 0..40), 1..12)) -> Vec<Group> {
            picks.into_iter().map(|respondents| Group { respondents }).collect()
        }
    }

    proptest! {
        #[test]
        fn no_shown_number_comes_from_fewer_than_the_threshold(groups in groups(), asked in 0u32..8) {
            let k = threshold(asked) as usize;
            for (group, verdict) in groups.iter().zip(judge(&groups, asked)) {
                if let Verdict::Shown { respondents } = verdict {
                    prop_assert!(group.respondents.len() >= k);
                    prop_assert_eq!(respondents as usize, group.respondents.len());
                }
            }
        }

        #[test]
        fn no_two_shown_numbers_isolate_fewer_than_the_threshold(groups in groups(), asked in 0u32..8) {
            let k = threshold(asked) as usize;
            let verdicts = judge(&groups, asked);
            let shown: Vec<&Group> = groups.iter().zip(&verdicts)
                .filter(|(_, v)| matches!(v, Verdict::Shown { .. }))
                .map(|(g, _)| g)
                .collect();
            for a in &shown {
                for b in &shown {
                    let isolated = a.respondents.difference(&b.respondents).count();
                    prop_assert!(isolated == 0 || isolated >= k, "{} isolated", isolated);
                }
            }
        }

        #[test]
        fn a_group_that_is_large_enough_and_alone_is_always_shown(size in 3u32..40, asked in 0u32..8) {
            let verdict = judge(&[group(0..size)], asked)[0];
            prop_assert_eq!(matches!(verdict, Verdict::Shown { .. }), size >= threshold(asked));
        }
    }
}
