//! Review cycles (issue 7, PRODUCT.md §3.4): the question forms their
//! moments use; the cycles with their scope and moments; and the
//! evaluations written at each moment.

pub mod calibration;
pub mod cycles;
pub mod evaluations;
pub mod forms;
pub mod peers;
pub mod progress;
pub mod reminders;
pub mod scope;
pub mod talent;

#[cfg(test)]
pub(crate) mod test_fixture;
