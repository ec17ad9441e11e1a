//! The anonymity promise, tested over random organisations: whatever unit
//! a viewer looks from and whatever segment they cut by, no number shown
//! comes from fewer respondents than the threshold, no two numbers shown
//! anywhere in the round can be subtracted to isolate fewer, and neither
//! can a group minus everything shown inside it along one cut (its units,
//! or one segment's values).

use proptest::prelude::*;

use super::*;

fn unit(n: u128) -> UnitId {
    UnitId(uuid::Uuid::from_u128(n))
}

fn respondent(units: &[u128], tenure: Option<TenureBand>) -> Respondent {
    Respondent { units: units.iter().copied().map(unit).collect(), function: None, tenure, age: None }
}

#[test]
fn a_team_of_six_is_shown_a_team_of_two_is_hidden_and_their_department_too() {
    // Department 1 holds team 2 (six people) and team 3 (two people).
    let mut people: Vec<Respondent> = (0..6).map(|_| respondent(&[2, 1], None)).collect();
    people.extend((0..2).map(|_| respondent(&[3, 1], None)));
    let judgement = Judgement::of(&people, 5);
    assert_eq!(judgement.verdict(GroupKey::Unit(unit(2))), Verdict::Shown { respondents: 6 });
    assert_eq!(judgement.verdict(GroupKey::Unit(unit(3))), Verdict::TooFew);
    // Eight in the department minus six in team 2 would give team 3 away:
    // only one of the two may show, and the whole round is the department.
    let department = judgement.verdict(GroupKey::Unit(unit(1)));
    let all = judgement.verdict(GroupKey::All);
    assert_eq!(department, all, "the round and the department hold the same eight");
    assert!(!matches!(department, Verdict::Shown { .. }), "{department:?}");
}

#[test]
fn comments_need_more_than_the_threshold() {
    let five: Vec<Respondent> = (0..5).map(|_| respondent(&[1], None)).collect();
    let judgement = Judgement::of(&five, 5);
    assert!(matches!(judgement.verdict(GroupKey::Unit(unit(1))), Verdict::Shown { .. }));
    assert!(!judgement.comments_shown(GroupKey::Unit(unit(1))));
    let six: Vec<Respondent> = (0..6).map(|_| respondent(&[1], None)).collect();
    assert!(Judgement::of(&six, 5).comments_shown(GroupKey::Unit(unit(1))));
}

/// Every group any viewer could be shown: each scope (the round, each unit)
/// and, within it, each unit below and each segment value.
fn every_visible_key(people: &[Respondent]) -> Vec<GroupKey> {
    let mut units: Vec<UnitId> = people.iter().flat_map(|p| p.units.clone()).collect();
    units.sort();
    units.dedup();
    let values: Vec<SegmentValue> = people
        .iter()
        .flat_map(|p| {
            [SegmentValue::Function(p.function), SegmentValue::Tenure(p.tenure), SegmentValue::Age(p.age)]
        })
        .collect();
    let mut keys = vec![GroupKey::All];
    for scope in std::iter::once(None).chain(units.iter().copied().map(Some)) {
        keys.push(GroupKey::scope(scope));
        keys.extend(values.iter().map(|value| GroupKey::within(scope, *value)));
    }
    keys
}

#[test]
fn a_department_whose_teams_leave_two_people_is_hidden() {
    // Department 1: teams 2 and 3 of six each, and two people of its own.
    let mut people: Vec<Respondent> = (0..6).map(|_| respondent(&[2, 1], None)).collect();
    people.extend((0..6).map(|_| respondent(&[3, 1], None)));
    people.extend((0..2).map(|_| respondent(&[1], None)));
    let judgement = Judgement::of(&people, 5);
    assert_eq!(judgement.verdict(GroupKey::Unit(unit(2))), Verdict::Shown { respondents: 6 });
    assert_eq!(judgement.verdict(GroupKey::Unit(unit(3))), Verdict::Shown { respondents: 6 });
    assert_eq!(judgement.verdict(GroupKey::Unit(unit(1))), Verdict::WouldRevealOthers);
}

/// Every group with what lies inside it along one cut, as a reader could
/// subtract it all at once: each scope with every unit below it; each
/// scope with every value of one segment in it; each value in a scope
/// with that value in every unit below the scope.
fn cuts(people: &[Respondent]) -> Vec<(GroupKey, Vec<GroupKey>)> {
    let mut units: Vec<UnitId> = people.iter().flat_map(|p| p.units.clone()).collect();
    units.sort();
    units.dedup();
    let is_below = |unit: UnitId, scope: Option<UnitId>| match scope {
        None => true,
        // Someone's chain, nearest first, passes the unit before the scope.
        Some(scope) => people.iter().any(|p| {
            let at = |wanted: UnitId| p.units.iter().position(|u| *u == wanted);
            matches!((at(unit), at(scope)), (Some(unit), Some(scope)) if unit < scope)
        }),
    };
    let values: Vec<SegmentValue> = people
        .iter()
        .flat_map(|p| {
            [SegmentValue::Function(p.function), SegmentValue::Tenure(p.tenure), SegmentValue::Age(p.age)]
        })
        .collect();
    let mut cuts = Vec::new();
    for scope in std::iter::once(None).chain(units.iter().copied().map(Some)) {
        let below: Vec<UnitId> =
            units.iter().copied().filter(|unit| Some(*unit) != scope && is_below(*unit, scope)).collect();
        cuts.push((GroupKey::scope(scope), below.iter().map(|unit| GroupKey::Unit(*unit)).collect()));
        for segment in [Segment::Function, Segment::Tenure, Segment::Age] {
            let inside = values
                .iter()
                .filter(|v| v.segment() == segment)
                .map(|v| GroupKey::within(scope, *v))
                .collect();
            cuts.push((GroupKey::scope(scope), inside));
        }
        for value in &values {
            let inside = below.iter().map(|unit| GroupKey::UnitSegment(*unit, *value)).collect();
            cuts.push((GroupKey::within(scope, *value), inside));
        }
    }
    cuts
}

prop_compose! {
    /// An organisation of up to eight units in a random tree, and up to 40
    /// respondents spread over them with random tenure and age bands.
    fn organisation()(
        parents in prop::collection::vec(prop::option::of(0usize..8), 8),
        picks in prop::collection::vec((0usize..8, prop::option::of(0usize..5), prop::option::of(0usize..5), prop::option::of(0u128..3)), 0..40),
    ) -> Vec<Respondent> {
        // Unit i's parent is a unit with a smaller number, so the tree has no cycle.
        let ancestry = |mut at: usize| {
            let mut chain = vec![unit(at as u128)];
            while let Some(parent) = parents[at].filter(|p| *p < at) {
                chain.push(unit(parent as u128));
                at = parent;
            }
            chain
        };
        picks.into_iter().map(|(at, tenure, age, function)| Respondent {
            units: ancestry(at),
            function: function.map(|f| uuid::Uuid::from_u128(100 + f)),
            tenure: tenure.map(|i| TenureBand::ALL[i]),
            age: age.map(|i| AgeBand::ALL[i]),
        }).collect()
    }
}

proptest! {
    #[test]
    fn no_number_shown_comes_from_fewer_than_the_threshold(people in organisation(), asked in 0u32..7) {
        let judgement = Judgement::of(&people, asked);
        for key in every_visible_key(&people) {
            if let Some(members) = judgement.shown_members(key) {
                prop_assert!(members.len() as u32 >= judgement.threshold(), "{key:?}");
            }
        }
    }

    #[test]
    fn no_two_numbers_shown_anywhere_isolate_fewer_than_the_threshold(people in organisation(), asked in 0u32..7) {
        let judgement = Judgement::of(&people, asked);
        let shown: Vec<&[usize]> = every_visible_key(&people)
            .into_iter()
            .filter_map(|key| judgement.shown_members(key))
            .collect();
        for a in &shown {
            for b in &shown {
                let isolated = a.iter().filter(|m| !b.contains(m)).count() as u32;
                prop_assert!(isolated == 0 || isolated >= judgement.threshold(), "{} isolated", isolated);
            }
        }
    }

    #[test]
    fn no_group_minus_everything_shown_inside_it_isolates_fewer_than_the_threshold(people in organisation(), asked in 0u32..7) {
        let judgement = Judgement::of(&people, asked);
        for (whole, inside) in cuts(&people) {
            let Some(members) = judgement.shown_members(whole) else { continue };
            let covered: BTreeSet<usize> =
                inside.iter().filter_map(|key| judgement.shown_members(*key)).flatten().copied().collect();
            let left = members.iter().filter(|m| !covered.contains(m)).count() as u32;
            prop_assert!(left == 0 || left >= judgement.threshold(), "{whole:?} minus what is inside leaves {left}");
        }
    }
}
