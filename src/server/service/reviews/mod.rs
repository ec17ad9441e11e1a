//! Review cycles (issue 7, PRODUCT.md §3.4). So far: the question forms
//! their moments use.

pub mod forms;
