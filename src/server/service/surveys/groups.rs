//! The groups a round's results can be cut into, and the anonymity
//! engine's verdict on each — decided once for the whole round, over every
//! group any viewer could ask for, so that no two screens, filters or
//! exports can be played off against each other. Pure: no database.
//!
//! A respondent counts in the whole round, in their unit and every unit
//! above it, in their value of each segment (function, tenure band, age
//! band — unknown is a value too), and in each of those within each of
//! their units: the groups the results page shows as a unit's rows.

use std::collections::{BTreeSet, HashMap};

use crate::domain::anonymity::{Group, GroupKind, Verdict, judge};
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
        let verdicts = judge(&groups, threshold);
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
