//! Review cycles (issue 7, PRODUCT.md §3.4). So far: the question forms
//! their moments use, and the cycles with their scope and moments.

pub mod cycles;
pub mod forms;
