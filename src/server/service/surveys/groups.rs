//! The groups a round's results can be cut into, and the anonymity
//! engine's verdict on each — decided once for the whole round, over every
//! group any viewer could ask for, so that no two screens, filters or
//! exports can be played off against each other. Pure: no database.
//!
//! A respondent counts in the whole round, in their unit and every unit
//! above it, in their value of each segment (function, tenure band, age
//! band — unknown is a value too), and in each of those within each of
//! their units: the groups the results page shows as a unit's rows.
//!
//! The engine also hears which groups lie inside which (its families), so
//! that no number can be subtracted from another together with others:
//! each scope with every unit below it, each scope with every value of a
//! segment in it, and each value in a scope with that value in every unit
//! below.

use std::collections::{BTreeSet, HashMap};

use crate::domain::anonymity::{Family, Group, GroupKind, Verdict, judge};
use crate::domain::ids::UnitId;
use crate::domain::surveys::Segment;
use crate::domain::surveys::bands::{AgeBand, TenureBand};

/// What is known of one respondent: the segments they answered in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Respondent {
    /// Their unit and the units above it, nearest first.
    pub units: Vec<UnitId>,
    pub function: Option<uuid::Uuid>,
    pub tenure: Option<TenureBand>,
    pub age: Option<AgeBand>,
}

/// One value of a segment; `None` where it is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegmentValue {
    Function(Option<uuid::Uuid>),
    Tenure(Option<TenureBand>),
    Age(Option<AgeBand>),
}

impl SegmentValue {
    pub fn segment(self) -> Segment {
        match self {
            SegmentValue::Function(_) => Segment::Function,
            SegmentValue::Tenure(_) => Segment::Tenure,
            SegmentValue::Age(_) => Segment::Age,
        }
    }
}

/// A group of respondents the results could show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// Everyone who answered the round.
    All,
    /// A unit with the units below it.
    Unit(UnitId),
    /// A segment's value, in the whole round.
    Segment(SegmentValue),
    /// A segment's value within a unit (with the units below it).
    UnitSegment(UnitId, SegmentValue),
}

impl GroupKey {
    /// The group of `value` within the group looked from (a unit or the whole round).
    pub fn within(scope: Option<UnitId>, value: SegmentValue) -> GroupKey {
        match scope {
            Some(unit) => GroupKey::UnitSegment(unit, value),
            None => GroupKey::Segment(value),
        }
    }

    pub fn scope(scope: Option<UnitId>) -> GroupKey {
        scope.map_or(GroupKey::All, GroupKey::Unit)
    }

    /// The scope and value of a segment's group; none for a scope itself.
    fn scope_and_value(self) -> Option<(Option<UnitId>, SegmentValue)> {
        match self {
            GroupKey::Segment(value) => Some((None, value)),
            GroupKey::UnitSegment(unit, value) => Some((Some(unit), value)),
            GroupKey::All | GroupKey::Unit(_) => None,
        }
    }

    fn kind(self) -> GroupKind {
        match self {
            GroupKey::All | GroupKey::Unit(_) => GroupKind::Structure,
            GroupKey::Segment(_) | GroupKey::UnitSegment(..) => GroupKind::Segment,
        }
    }
}

/// The verdict on every group of a round, and who is in it.
pub struct Judgement {
    groups: HashMap<GroupKey, (Vec<usize>, Verdict)>,
    threshold: u32,
}

impl Judgement {
    /// Cuts `respondents` into every group and has the engine judge them all at once.
    pub fn of(respondents: &[Respondent], threshold: u32) -> Judgement {
        // Groups in the order they first occur, so the same answers are
        // always judged the same way.
        let mut keys: Vec<GroupKey> = Vec::new();
        let mut members: HashMap<GroupKey, BTreeSet<u32>> = HashMap::new();
        for (number, respondent) in (0u32..).zip(respondents) {
            for key in keys_of(respondent) {
                let group = members.entry(key).or_insert_with(|| {
                    keys.push(key);
                    BTreeSet::new()
                });
                group.insert(number);
            }
        }
        let groups: Vec<Group> = keys
            .iter()
            .map(|key| Group { respondents: members.remove(key).unwrap_or_default(), kind: key.kind() })
            .collect();
        let verdicts = judge(&groups, &families_of(&keys, respondents), threshold);
        let groups = keys
            .into_iter()
            .zip(groups)
            .zip(verdicts)
            .map(|((key, group), verdict)| {
                (key, (group.respondents.into_iter().map(|n| n as usize).collect(), verdict))
            })
            .collect();
        Judgement { groups, threshold: crate::domain::anonymity::threshold(threshold) }
    }

    /// The verdict on a group; a group nobody is in has too few.
    pub fn verdict(&self, key: GroupKey) -> Verdict {
        self.groups.get(&key).map_or(Verdict::TooFew, |(_, verdict)| *verdict)
    }

    /// The respondents of a group, by their position in the list judged —
    /// only for a group that may be shown.
    pub fn shown_members(&self, key: GroupKey) -> Option<&[usize]> {
        match self.groups.get(&key) {
            Some((members, Verdict::Shown { .. })) => Some(members),
            _ => None,
        }
    }

    /// Comments are more telling than numbers: a group's comments are shown
    /// only when it has more respondents than the threshold.
    pub fn comments_shown(&self, key: GroupKey) -> bool {
        matches!(self.verdict(key), Verdict::Shown { respondents } if respondents > self.threshold)
    }

    pub fn threshold(&self) -> u32 {
        self.threshold
    }
}

/// Which groups lie inside which, by their position in `keys`.
fn families_of(keys: &[GroupKey], respondents: &[Respondent]) -> Vec<Family> {
    let index: HashMap<GroupKey, usize> = keys.iter().enumerate().map(|(at, key)| (*key, at)).collect();
    // The units below each scope (`None`: the whole round).
    let mut below: HashMap<Option<UnitId>, BTreeSet<UnitId>> = HashMap::new();
    for chain in respondents.iter().map(|respondent| &respondent.units) {
        for (at, unit) in chain.iter().enumerate() {
            below.entry(None).or_default().insert(*unit);
            for above in &chain[at + 1..] {
                below.entry(Some(*above)).or_default().insert(*unit);
            }
        }
    }
    let units_below = |scope: Option<UnitId>| below.get(&scope).into_iter().flatten().copied();
    let present = |key: GroupKey| index.get(&key).copied();
    // Each segment's values within each scope.
    let mut values_in: HashMap<(Option<UnitId>, Segment), Vec<usize>> = HashMap::new();
    for (at, key) in keys.iter().enumerate() {
        if let Some((scope, value)) = key.scope_and_value() {
            values_in.entry((scope, value.segment())).or_default().push(at);
        }
    }
    let mut families = Vec::new();
    for (whole, key) in keys.iter().enumerate() {
        match key.scope_and_value() {
            // A scope with the units below it, and with each segment's values in it.
            None => {
                let scope = match key {
                    GroupKey::Unit(unit) => Some(*unit),
                    _ => None,
                };
                let parts = units_below(scope).filter_map(|unit| present(GroupKey::Unit(unit))).collect();
                families.push(Family { whole, parts });
                for segment in [Segment::Function, Segment::Tenure, Segment::Age] {
                    let parts = values_in.get(&(scope, segment)).cloned().unwrap_or_default();
                    families.push(Family { whole, parts });
                }
            }
            // A value in a scope with the same value in each unit below it.
            Some((scope, value)) => {
                let parts = units_below(scope)
                    .filter_map(|unit| present(GroupKey::UnitSegment(unit, value)))
                    .collect();
                families.push(Family { whole, parts });
            }
        }
    }
    families
}

fn keys_of(respondent: &Respondent) -> Vec<GroupKey> {
    let values = [
        SegmentValue::Function(respondent.function),
        SegmentValue::Tenure(respondent.tenure),
        SegmentValue::Age(respondent.age),
    ];
    let mut keys = vec![GroupKey::All];
    keys.extend(values.map(GroupKey::Segment));
    for unit in &respondent.units {
        keys.push(GroupKey::Unit(*unit));
        keys.extend(values.map(|value| GroupKey::UnitSegment(*unit, value)));
    }
    keys
}

#[cfg(test)]
mod tests;
