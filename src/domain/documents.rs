//! Documents (issue 10, PRODUCT.md §3.6): what a document hangs on, as the
//! browser names it in addresses, and the rules for a file's name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ids::{GoalId, MomentId, UserId};
use super::validation::Problem;

/// The longest name a document keeps, in characters.
pub const NAME_MAX: u32 = 200;

/// What a document hangs on: who may see, add or delete it follows who
/// may see or change that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Holder {
    /// A person's own file: certificates, agreements.
    Person(UserId),
    Goal(GoalId),
    /// One person's evaluation at one moment of a review cycle.
    Evaluation {
        moment: MomentId,
        employee: UserId,
    },
}

/// `person.{id}`, `goal.{id}` or `evaluation.{moment}.{employee}`: one
/// path segment, so an upload's address names its holder.
impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Holder::Person(person) => write!(f, "person.{person}"),
            Holder::Goal(goal) => write!(f, "goal.{goal}"),
            Holder::Evaluation { moment, employee } => write!(f, "evaluation.{moment}.{employee}"),
        }
    }
}

impl FromStr for Holder {
    type Err = ();

    fn from_str(text: &str) -> Result<Holder, ()> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        let id = |part: &str| part.parse::<uuid::Uuid>().map_err(|_| ());
        match parts.as_slice() {
            ["person", person] => Ok(Holder::Person(UserId(id(person)?))),
            ["goal", goal] => Ok(Holder::Goal(GoalId(id(goal)?))),
            ["evaluation", moment, employee] => {
                Ok(Holder::Evaluation { moment: MomentId(id(moment)?), employee: UserId(id(employee)?) })
            }
            _ => Err(()),
        }
    }
}

/// The name a document keeps of the file it was uploaded as: without the
/// folders a browser may send along, without control characters, trimmed.
pub fn checked_name(name: &str) -> Result<String, Problem> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        return Err(Problem::Required);
    }
    if clean.chars().count() > NAME_MAX as usize {
        return Err(Problem::TooLong { max: NAME_MAX });
    }
    Ok(clean.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_reads_back_from_its_address() {
        let [a, b] = [uuid::Uuid::now_v7(), uuid::Uuid::now_v7()];
        for holder in [
            Holder::Person(UserId(a)),
            Holder::Goal(GoalId(a)),
            Holder::Evaluation { moment: MomentId(a), employee: UserId(b) },
        ] {
            assert_eq!(holder.to_string().parse(), Ok(holder));
        }
        for wrong in ["", "goal", "goal.x", "person.{a}.{b}", "team.{a}", "evaluation.{a}"] {
            let wrong = wrong.replace("{a}", &a.to_string()).replace("{b}", &b.to_string());
            assert_eq!(wrong.parse::<Holder>(), Err(()), "{wrong}");
        }
    }

    #[test]
    fn a_name_keeps_only_the_file_name_without_control_characters() {
        assert_eq!(checked_name("  plan 2027.pdf "), Ok("plan 2027.pdf".to_owned()));
        assert_eq!(checked_name("C:\\Users\\sanne\\cv.pdf"), Ok("cv.pdf".to_owned()));
        assert_eq!(checked_name("../../etc/passwd"), Ok("passwd".to_owned()));
        assert_eq!(checked_name("a\u{0}b\nc.txt"), Ok("abc.txt".to_owned()));
        assert_eq!(checked_name("map/"), Err(Problem::Required));
        assert_eq!(checked_name(".."), Err(Problem::Required));
        assert_eq!(checked_name(&"x".repeat(NAME_MAX as usize + 1)), Err(Problem::TooLong { max: NAME_MAX }));
    }
}
