use serde::{Deserialize, Serialize};

use crate::domain::ids::{UnitId, UserId};

/// A person as a list or select names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: UserId,
    pub name: String,
}

/// One unit of the structure, in depth-first order: `depth` 0 is right
/// under the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitNode {
    pub id: UnitId,
    pub parent: Option<UnitId>,
    pub name: String,
    pub depth: u32,
    pub managers: Vec<PersonRef>,
    pub member_count: u64,
}

/// A member of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitMember {
    pub person: PersonRef,
    /// Their primary unit: where their manager comes from.
    pub is_primary: bool,
}

/// A unit with everything its admin page shows and offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDetails {
    pub unit: UnitNode,
    pub members: Vec<UnitMember>,
    /// Admins who may read the content of people in this unit and below.
    pub hr_readers: Vec<PersonRef>,
    /// Admins who may read it because of a grant on a unit above.
    pub inherited_hr_readers: Vec<PersonRef>,
    /// Active people of the organisation, for choosing managers and members.
    pub people: Vec<PersonRef>,
    /// Admins of the organisation, for granting the HR reader right.
    pub admins: Vec<PersonRef>,
    /// Where the unit may move to: every unit that is not itself or below it.
    pub possible_parents: Vec<UnitNode>,
}
