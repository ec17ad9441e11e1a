//! The workflow of an evaluation (issue 7, PRODUCT.md §3.4): at each moment
//! of a cycle, the employee writes a self-reflection and the manager an
//! evaluation — or one of them only, as the moment says. Each writing is a
//! draft until its author shares it with the other party; once every
//! writing is shared, both acknowledge (with an optional comment), and the
//! second acknowledgement locks the evaluation. An admin can reopen it: the
//! writings become drafts again and the acknowledgements are cleared.
//!
//! The rules live here, apart from storage, so they can be read and tested
//! as one state machine.

use serde::{Deserialize, Serialize};

use crate::domain::reviews::Writers;

coded!(
    /// The two people of an evaluation.
    Party {
        Employee => "employee", ReviewsPartyEmployee;
        Manager => "manager", ReviewsPartyManager;
    }
);

impl Party {
    pub const fn other(self) -> Party {
        match self {
            Party::Employee => Party::Manager,
            Party::Manager => Party::Employee,
        }
    }
}

impl Writers {
    /// Whether `party` writes at a moment with these writers.
    pub const fn include(self, party: Party) -> bool {
        matches!(
            (self, party),
            (Writers::Both, _) | (Writers::Employee, Party::Employee) | (Writers::Manager, Party::Manager)
        )
    }
}

/// Where one party's writing stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Writing {
    #[default]
    Unwritten,
    Draft,
    Shared,
}

coded!(
    /// Where an evaluation stands as a whole, as overviews show it.
    Stage {
        /// Nothing written yet.
        NotStarted => "not_started", ReviewsStageNotStarted;
        /// Written, not every writing shared yet.
        Draft => "draft", ReviewsStageDraft;
        /// Every writing shared; waiting for acknowledgements.
        Shared => "shared", ReviewsStageShared;
        /// Acknowledged by both: closed for changes.
        Locked => "locked", ReviewsStageLocked;
    }
);

/// Why the workflow refuses a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// This party does not write at this moment.
    NotAWriter,
    /// The writing was shared already and can no longer change.
    AlreadyShared,
    /// There is no draft to share.
    NothingWritten,
    /// Not every writing is shared yet, so there is nothing to acknowledge.
    NotAllShared,
    AlreadyAcknowledged,
    Locked,
    /// Only a shared or locked evaluation can be reopened.
    NothingToReopen,
}

/// Everything the workflow decides on, for one person at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflow {
    pub writers: Writers,
    pub employee: Writing,
    pub manager: Writing,
    pub employee_acknowledged: bool,
    pub manager_acknowledged: bool,
    pub locked: bool,
}

impl Workflow {
    /// An evaluation nobody has written in yet.
    pub const fn new(writers: Writers) -> Workflow {
        Workflow {
            writers,
            employee: Writing::Unwritten,
            manager: Writing::Unwritten,
            employee_acknowledged: false,
            manager_acknowledged: false,
            locked: false,
        }
    }

    pub const fn writing(&self, party: Party) -> Writing {
        match party {
            Party::Employee => self.employee,
            Party::Manager => self.manager,
        }
    }

    pub const fn acknowledged(&self, party: Party) -> bool {
        match party {
            Party::Employee => self.employee_acknowledged,
            Party::Manager => self.manager_acknowledged,
        }
    }

    pub fn stage(&self) -> Stage {
        if self.locked {
            Stage::Locked
        } else if self.all_shared() {
            Stage::Shared
        } else if self.employee == Writing::Unwritten && self.manager == Writing::Unwritten {
            Stage::NotStarted
        } else {
            Stage::Draft
        }
    }

    /// Whether every party that writes has shared.
    pub fn all_shared(&self) -> bool {
        [Party::Employee, Party::Manager]
            .into_iter()
            .filter(|party| self.writers.include(*party))
            .all(|party| self.writing(party) == Writing::Shared)
    }

    /// Whether `party` may save (a draft of) its writing now.
    pub fn may_write(&self, party: Party) -> Result<(), Refusal> {
        if self.locked {
            Err(Refusal::Locked)
        } else if !self.writers.include(party) {
            Err(Refusal::NotAWriter)
        } else if self.writing(party) == Writing::Shared {
            Err(Refusal::AlreadyShared)
        } else {
            Ok(())
        }
    }

    /// After `party` saved a draft.
    pub fn save(self, party: Party) -> Result<Workflow, Refusal> {
        self.may_write(party)?;
        Ok(self.with_writing(party, Writing::Draft))
    }

    /// After `party` shared its draft with the other party.
    pub fn share(self, party: Party) -> Result<Workflow, Refusal> {
        self.may_write(party)?;
        if self.writing(party) == Writing::Unwritten {
            return Err(Refusal::NothingWritten);
        }
        Ok(self.with_writing(party, Writing::Shared))
    }

    /// After `party` acknowledged; the second acknowledgement locks.
    pub fn acknowledge(self, party: Party) -> Result<Workflow, Refusal> {
        if self.locked {
            return Err(Refusal::Locked);
        }
        if !self.all_shared() {
            return Err(Refusal::NotAllShared);
        }
        if self.acknowledged(party) {
            return Err(Refusal::AlreadyAcknowledged);
        }
        let mut next = self;
        match party {
            Party::Employee => next.employee_acknowledged = true,
            Party::Manager => next.manager_acknowledged = true,
        }
        next.locked = next.employee_acknowledged && next.manager_acknowledged;
        Ok(next)
    }

    /// After an admin reopened it: shared writings are drafts again and
    /// nobody has acknowledged.
    pub fn reopen(self) -> Result<Workflow, Refusal> {
        if !matches!(self.stage(), Stage::Shared | Stage::Locked) {
            return Err(Refusal::NothingToReopen);
        }
        let back = |writing: Writing| if writing == Writing::Shared { Writing::Draft } else { writing };
        Ok(Workflow {
            employee: back(self.employee),
            manager: back(self.manager),
            employee_acknowledged: false,
            manager_acknowledged: false,
            locked: false,
            ..self
        })
    }

    /// Whether `viewer` may read what `author` wrote: their own always, the
    /// other party's once shared.
    pub fn reads(&self, viewer: Party, author: Party) -> bool {
        viewer == author || self.writing(author) == Writing::Shared
    }

    fn with_writing(self, party: Party, writing: Writing) -> Workflow {
        match party {
            Party::Employee => Workflow { employee: writing, ..self },
            Party::Manager => Workflow { manager: writing, ..self },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both_shared() -> Workflow {
        let written =
            Workflow::new(Writers::Both).save(Party::Employee).unwrap().save(Party::Manager).unwrap();
        written.share(Party::Employee).unwrap().share(Party::Manager).unwrap()
    }

    #[test]
    fn a_draft_is_read_by_its_author_only_until_shared() {
        let draft = Workflow::new(Writers::Both).save(Party::Employee).unwrap();
        assert_eq!(draft.stage(), Stage::Draft);
        assert!(draft.reads(Party::Employee, Party::Employee));
        assert!(!draft.reads(Party::Manager, Party::Employee));
        let shared = draft.share(Party::Employee).unwrap();
        assert!(shared.reads(Party::Manager, Party::Employee));
        assert_eq!(shared.stage(), Stage::Draft, "the manager has not shared yet");
    }

    #[test]
    fn nothing_can_be_shared_before_it_is_written() {
        assert_eq!(Workflow::new(Writers::Both).share(Party::Manager), Err(Refusal::NothingWritten));
    }

    #[test]
    fn a_shared_writing_no_longer_changes() {
        let shared =
            Workflow::new(Writers::Both).save(Party::Employee).unwrap().share(Party::Employee).unwrap();
        assert_eq!(shared.save(Party::Employee), Err(Refusal::AlreadyShared));
        assert_eq!(shared.share(Party::Employee), Err(Refusal::AlreadyShared));
    }

    #[test]
    fn only_the_parties_the_moment_names_write() {
        let self_reflection_only = Workflow::new(Writers::Employee);
        assert_eq!(self_reflection_only.save(Party::Manager), Err(Refusal::NotAWriter));
        assert!(self_reflection_only.save(Party::Employee).is_ok());
        assert_eq!(Workflow::new(Writers::Manager).save(Party::Employee), Err(Refusal::NotAWriter));
    }

    #[test]
    fn acknowledging_waits_until_every_writing_is_shared() {
        let half =
            Workflow::new(Writers::Both).save(Party::Employee).unwrap().share(Party::Employee).unwrap();
        assert_eq!(half.acknowledge(Party::Employee), Err(Refusal::NotAllShared));
        assert_eq!(both_shared().stage(), Stage::Shared);
    }

    #[test]
    fn the_second_acknowledgement_locks_and_nothing_changes_after() {
        let once = both_shared().acknowledge(Party::Manager).unwrap();
        assert!(!once.locked);
        assert_eq!(once.acknowledge(Party::Manager), Err(Refusal::AlreadyAcknowledged));
        let locked = once.acknowledge(Party::Employee).unwrap();
        assert_eq!(locked.stage(), Stage::Locked);
        assert_eq!(locked.save(Party::Employee), Err(Refusal::Locked));
        assert_eq!(locked.acknowledge(Party::Employee), Err(Refusal::Locked));
    }

    #[test]
    fn with_one_writer_both_still_acknowledge() {
        let shared =
            Workflow::new(Writers::Manager).save(Party::Manager).unwrap().share(Party::Manager).unwrap();
        assert_eq!(shared.stage(), Stage::Shared);
        let locked = shared.acknowledge(Party::Employee).unwrap().acknowledge(Party::Manager).unwrap();
        assert!(locked.locked);
    }

    #[test]
    fn reopening_makes_drafts_of_the_writings_and_clears_acknowledgements() {
        let locked = both_shared().acknowledge(Party::Employee).unwrap().acknowledge(Party::Manager).unwrap();
        let reopened = locked.reopen().unwrap();
        assert_eq!(
            reopened,
            Workflow::new(Writers::Both).save(Party::Employee).unwrap().save(Party::Manager).unwrap()
        );
        assert!(reopened.save(Party::Employee).is_ok());
    }

    #[test]
    fn only_a_shared_or_locked_evaluation_is_reopened() {
        let draft = Workflow::new(Writers::Both).save(Party::Employee).unwrap();
        assert_eq!(draft.reopen(), Err(Refusal::NothingToReopen));
        assert_eq!(Workflow::new(Writers::Both).reopen(), Err(Refusal::NothingToReopen));
        assert!(both_shared().reopen().is_ok());
    }
}
