//! Reloading a page's data after a change that succeeded, and only then:
//! a form the server refused keeps what was typed.

use leptos::prelude::*;

use crate::domain::AppError;

/// A count that moves on whenever one of `outcomes` (the last result of
/// each of a page's actions) is a success. Key a resource on it.
pub fn successes<const N: usize>(
    outcomes: impl Fn() -> [Option<Result<(), AppError>>; N] + 'static,
) -> ReadSignal<u32> {
    let changed = RwSignal::new(0u32);
    Effect::new(move |_| {
        if outcomes().iter().any(|outcome| matches!(outcome, Some(Ok(())))) {
            changed.update(|n| *n += 1);
        }
    });
    changed.read_only()
}
