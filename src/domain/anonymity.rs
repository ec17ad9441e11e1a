//! The anonymity engine of engagement surveys (issue 9, PRODUCT.md §3.5):
//! the one place that decides which groups of respondents may be shown.
//! Every screen, export and API asks it; none counts for itself.
//!
//! A group is shown only when it has at least the threshold of respondents
//! (never below 3). Complementary suppression then stops differencing: when
//! two shown groups differ by fewer than the threshold people — a unit and
//! its sub-unit, two overlapping segments — subtracting one number from the
//! other would reveal those few, so one of the two is hidden too, until no
//! two shown groups can be played off against each other. The same holds
//! for more than two: a *family* is a group and the groups inside it a
//! reader could subtract from it all at once (a department and every unit
//! below it; a unit and every value of one segment within it); what the
//! shown ones leave of the whole must be nobody or at least the threshold.
//! Which one gives way follows what people act on: units stay before
//! segments; of two units, the team stays and the department above it
//! gives way; of two segments, the larger stays. A hidden group says why.
//!
//! Known limit: groups of different families that happen to be disjoint
//! (a tenure band in one unit and an age band in another) are not combined;
//! pairs of any two groups are.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// No organisation may set a threshold below this.
pub const MINIMUM_THRESHOLD: u32 = 3;
/// The threshold a new organisation starts with.
pub const DEFAULT_THRESHOLD: u32 = 5;

/// A group of respondents a screen would like to show, by the
/// respondents' anonymous numbers (never a person's id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub respondents: BTreeSet<u32>,
    pub kind: GroupKind,
}

/// What a group is cut along, which decides which of two clashing groups stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// Everyone, or a unit with the units below it: nested groups, of which
    /// the smaller (the team) stays.
    Structure,
    /// A segment (function, tenure, age), possibly within a unit: gives way
    /// to structure, and of two segments the larger stays.
    Segment,
}

/// A group (`whole`, by its position in the groups judged) and groups
/// inside it (`parts`) whose numbers could all be subtracted from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    pub whole: usize,
    pub parts: Vec<usize>,
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

impl Verdict {
    /// Why a hidden group is hidden, as every screen and export says it.
    pub const fn reason_key(self) -> Key {
        match self {
            Verdict::TooFew | Verdict::Shown { .. } => Key::SurveysHiddenTooFew,
            Verdict::WouldRevealOthers => Key::SurveysHiddenWouldReveal,
        }
    }
}

/// The threshold an organisation asked for, raised to the minimum.
pub fn threshold(asked: u32) -> u32 {
    asked.max(MINIMUM_THRESHOLD)
}

/// The verdict on every group, in the order given, `families` naming
/// which groups lie inside which.
pub fn judge(groups: &[Group], families: &[Family], asked_threshold: u32) -> Vec<Verdict> {
    let k = threshold(asked_threshold);
    let sets: Vec<Bits> = groups.iter().map(|group| Bits::of(&group.respondents)).collect();
    let mut verdicts: Vec<Verdict> = sets
        .iter()
        .map(|set| if set.len >= k { Verdict::Shown { respondents: set.len } } else { Verdict::TooFew })
        .collect();
    // Hiding a part can make its family's remainder revealing, so both
    // checks repeat until nothing changes; each round hides at least one
    // group, so this ends.
    while hide_revealing_pairs(groups, &sets, &mut verdicts, k)
        | hide_revealing_remainders(groups, families, &sets, &mut verdicts, k)
    {}
    verdicts
}

/// One pass over the families whose whole is shown: where the shown parts
/// leave between one and `k - 1` respondents of it, the whole or its
/// smallest outermost shown part is hidden (see [`giving_way`]). Says
/// whether any was.
fn hide_revealing_remainders(
    groups: &[Group],
    families: &[Family],
    sets: &[Bits],
    verdicts: &mut [Verdict],
    k: u32,
) -> bool {
    let mut hid = false;
    for family in families {
        let shown = |i: usize, verdicts: &[Verdict]| matches!(verdicts[i], Verdict::Shown { .. });
        if !shown(family.whole, verdicts) {
            continue;
        }
        let shown_parts: Vec<usize> = family.parts.iter().copied().filter(|p| shown(*p, verdicts)).collect();
        // Hiding a part inside another shown part would cover nothing less:
        // the smallest of the outermost parts gives way.
        let outermost = shown_parts.iter().copied().filter(|p| {
            !shown_parts
                .iter()
                .any(|q| q != p && sets[*p].minus(&sets[*q]) == 0 && sets[*q].len > sets[*p].len)
        });
        let Some(smallest) = outermost.min_by_key(|p| sets[*p].len) else { continue };
        let covered = Bits::union(shown_parts.iter().map(|p| &sets[*p]));
        let remainder = sets[family.whole].minus(&covered);
        if remainder > 0 && remainder < k {
            let whole = family.whole;
            let hide = giving_way(
                (whole, groups[whole].kind, sets[whole].len),
                (smallest, groups[smallest].kind, sets[smallest].len),
            );
            verdicts[hide] = Verdict::WouldRevealOthers;
            hid = true;
        }
    }
    hid
}

/// One pass over the pairs of shown groups: of each pair whose difference
/// holds between one and `k - 1` respondents, one is hidden (see
/// [`giving_way`]). Says whether any was.
fn hide_revealing_pairs(groups: &[Group], sets: &[Bits], verdicts: &mut [Verdict], k: u32) -> bool {
    let revealing = |d: u32| d > 0 && d < k;
    let mut hid = false;
    for a in 0..sets.len() {
        for b in a + 1..sets.len() {
            let shown = |i: usize| matches!(verdicts[i], Verdict::Shown { .. });
            if !shown(a) || !shown(b) {
                continue;
            }
            if revealing(sets[a].minus(&sets[b])) || revealing(sets[b].minus(&sets[a])) {
                let hide = giving_way((a, groups[a].kind, sets[a].len), (b, groups[b].kind, sets[b].len));
                verdicts[hide] = Verdict::WouldRevealOthers;
                hid = true;
            }
        }
    }
    hid
}

/// Which of two clashing groups is hidden: a segment before a unit; of two
/// units the larger (the department, not its team); of two segments the
/// smaller. On a tie, the later one.
fn giving_way(
    (a, a_kind, a_len): (usize, GroupKind, u32),
    (b, b_kind, b_len): (usize, GroupKind, u32),
) -> usize {
    match (a_kind, b_kind) {
        (GroupKind::Structure, GroupKind::Segment) => b,
        (GroupKind::Segment, GroupKind::Structure) => a,
        (GroupKind::Structure, GroupKind::Structure) => {
            if a_len > b_len {
                a
            } else {
                b
            }
        }
        (GroupKind::Segment, GroupKind::Segment) => {
            if b_len <= a_len {
                b
            } else {
                a
            }
        }
    }
}

/// A group as a bit set, so a difference costs a few machine words even
/// for thousands of groups of hundreds of respondents.
struct Bits {
    words: Vec<u64>,
    len: u32,
}

impl Bits {
    fn of(respondents: &BTreeSet<u32>) -> Bits {
        let mut words = vec![0u64; respondents.last().map_or(0, |last| *last as usize / 64 + 1)];
        for respondent in respondents {
            words[*respondent as usize / 64] |= 1 << (respondent % 64);
        }
        Bits { words, len: u32::try_from(respondents.len()).unwrap_or(u32::MAX) }
    }

    /// Everyone in any of `sets`.
    fn union<'a>(sets: impl Iterator<Item = &'a Bits>) -> Bits {
        let mut words: Vec<u64> = Vec::new();
        for set in sets {
            if words.len() < set.words.len() {
                words.resize(set.words.len(), 0);
            }
            for (word, other) in words.iter_mut().zip(&set.words) {
                *word |= other;
            }
        }
        let len = words.iter().map(|word| word.count_ones()).sum();
        Bits { words, len }
    }

    /// How many of this group's respondents are not in `other`.
    fn minus(&self, other: &Bits) -> u32 {
        self.words
            .iter()
            .enumerate()
            .map(|(i, word)| (word & !other.words.get(i).copied().unwrap_or(0)).count_ones())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn group(respondents: impl IntoIterator<Item = u32>) -> Group {
        Group { respondents: respondents.into_iter().collect(), kind: GroupKind::Structure }
    }

    fn segment(respondents: impl IntoIterator<Item = u32>) -> Group {
        Group { kind: GroupKind::Segment, ..group(respondents) }
    }

    #[test]
    fn a_team_of_six_is_shown_and_a_team_of_two_is_not() {
        let six = group(0..6);
        let two = group(6..8);
        assert_eq!(judge(&[six, two], &[], 5), [Verdict::Shown { respondents: 6 }, Verdict::TooFew]);
    }

    #[test]
    fn a_department_gives_way_when_it_differs_from_its_team_by_fewer_than_the_threshold() {
        // Eight in the department, six of them in one team: showing both
        // would tell what the other two answered. The team stays.
        let department = group(0..8);
        let team = group(0..6);
        assert_eq!(
            judge(&[department, team], &[], 5),
            [Verdict::WouldRevealOthers, Verdict::Shown { respondents: 6 }]
        );
    }

    #[test]
    fn a_segment_gives_way_to_a_unit_and_the_smaller_segment_to_the_larger() {
        // All 20, and a function holding 18 of them.
        assert_eq!(
            judge(&[group(0..20), segment(0..18)], &[], 5),
            [Verdict::Shown { respondents: 20 }, Verdict::WouldRevealOthers]
        );
        assert_eq!(
            judge(&[segment(0..6), segment(0..8)], &[], 5),
            [Verdict::WouldRevealOthers, Verdict::Shown { respondents: 8 }]
        );
    }

    #[test]
    fn a_department_gives_way_when_its_shown_teams_leave_fewer_than_the_threshold() {
        // Fourteen in the department: two teams of six and two people who
        // belong to no team. Any pair is safe (14 − 6 = 8), but the
        // department minus both teams is those two.
        let groups = [group(0..14), group(0..6), group(6..12)];
        let department = Family { whole: 0, parts: vec![1, 2] };
        assert_eq!(
            judge(&groups, &[department], 5),
            [
                Verdict::WouldRevealOthers,
                Verdict::Shown { respondents: 6 },
                Verdict::Shown { respondents: 6 }
            ]
        );
        assert_eq!(judge(&groups, &[], 5)[0], Verdict::Shown { respondents: 14 }, "pairs alone miss it");
    }

    #[test]
    fn of_a_segments_values_the_smallest_shown_gives_way_when_the_rest_would_add_up() {
        // A unit of thirteen: two functions of five, and three people in
        // functions too small to show. Thirteen minus five minus five is three.
        let groups = [group(0..13), segment(0..5), segment(5..10), segment(10..13)];
        let functions = Family { whole: 0, parts: vec![1, 2, 3] };
        let verdicts = judge(&groups, &[functions], 5);
        assert_eq!(verdicts[0], Verdict::Shown { respondents: 13 }, "the unit stays");
        assert_eq!(verdicts[3], Verdict::TooFew);
        let shown_functions = verdicts[1..3].iter().filter(|v| matches!(v, Verdict::Shown { .. })).count();
        assert_eq!(shown_functions, 1, "one function of five gives way, so eight stay hidden: {verdicts:?}");
    }

    #[test]
    fn a_part_inside_another_shown_part_is_not_hidden_for_nothing() {
        // A value in a department (20): in one unit twelve, six of them in
        // a team below it; seven in another unit; one left over.
        let groups = [segment(0..20), segment(0..12), segment(0..6), segment(12..19)];
        let value = Family { whole: 0, parts: vec![1, 2, 3] };
        let verdicts = judge(&groups, &[value], 5);
        assert_eq!(verdicts[3], Verdict::WouldRevealOthers, "the smaller outermost part gives way");
        assert_eq!(
            verdicts[2],
            Verdict::Shown { respondents: 6 },
            "hiding the team's six would cover nothing less"
        );
    }

    #[test]
    fn the_threshold_never_drops_below_three() {
        assert_eq!(threshold(1), 3);
        assert_eq!(judge(&[group(0..2)], &[], 1), [Verdict::TooFew]);
        assert_eq!(judge(&[group(0..3)], &[], 1), [Verdict::Shown { respondents: 3 }]);
    }

    #[test]
    fn identical_groups_reveal_nothing_about_each_other() {
        let verdicts = judge(&[group(0..5), group(0..5)], &[], 5);
        assert!(verdicts.iter().all(|v| matches!(v, Verdict::Shown { .. })));
    }

    prop_compose! {
        /// Up to 12 groups out of 40 respondents, as filters on units and
        /// segments would cut them.
        fn groups()(picks in prop::collection::vec((prop::collection::btree_set(0u32..40, 0..40), any::<bool>()), 1..12)) -> Vec<Group> {
            picks
                .into_iter()
                .map(|(respondents, unit)| Group {
                    respondents,
                    kind: if unit { GroupKind::Structure } else { GroupKind::Segment },
                })
                .collect()
        }
    }

    proptest! {
        #[test]
        fn no_shown_number_comes_from_fewer_than_the_threshold(groups in groups(), asked in 0u32..8) {
            let k = threshold(asked) as usize;
            for (group, verdict) in groups.iter().zip(judge(&groups, &[], asked)) {
                if let Verdict::Shown { respondents } = verdict {
                    prop_assert!(group.respondents.len() >= k);
                    prop_assert_eq!(respondents as usize, group.respondents.len());
                }
            }
        }

        #[test]
        fn no_two_shown_numbers_isolate_fewer_than_the_threshold(groups in groups(), asked in 0u32..8) {
            let k = threshold(asked) as usize;
            let verdicts = judge(&groups, &[], asked);
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
            let verdict = judge(&[group(0..size)], &[], asked)[0];
            prop_assert_eq!(matches!(verdict, Verdict::Shown { .. }), size >= threshold(asked));
        }
    }
}
