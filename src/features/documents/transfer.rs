//! One file's way up: sent as the request's body by `XMLHttpRequest`,
//! which (unlike `fetch`) reports how much of an upload has gone, and can
//! be aborted. Runs in the browser only; the requests on their way are
//! kept here, by key, outside the reactive graph (which the server also
//! runs, and whose values may move between its threads).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{File, ProgressEvent, XmlHttpRequest};

use crate::domain::AppError;
use crate::domain::validation::Problem;

/// How a transfer ended.
pub enum Outcome {
    Stored,
    Refused(AppError),
}

/// A file being sent; dropping it lets go of its event handlers.
struct Sending {
    request: XmlHttpRequest,
    _on_progress: Closure<dyn FnMut(ProgressEvent)>,
    _on_end: Closure<dyn FnMut(ProgressEvent)>,
}

thread_local! {
    static SENDING: RefCell<HashMap<u32, Sending>> = RefCell::new(HashMap::new());
    static NEXT_KEY: Cell<u32> = const { Cell::new(0) };
}

/// A key no other transfer of this page has.
pub fn next_key() -> u32 {
    NEXT_KEY.with(|next| {
        let key = next.get();
        next.set(key + 1);
        key
    })
}

/// Stops sending the file of `key`; its `done` hears it broke off.
pub fn cancel(key: u32) {
    SENDING.with(|sending| {
        if let Some(transfer) = sending.borrow().get(&key) {
            let _ = transfer.request.abort();
        }
    });
}

/// Starts sending `file` to `address` as `key`: `progress` hears the
/// percentage sent as it grows, `done` the outcome, once.
pub fn send(
    key: u32,
    address: &str,
    file: &File,
    progress: impl Fn(u8) + 'static,
    done: impl FnOnce(Outcome) + 'static,
) -> Result<(), AppError> {
    let failed = |_| AppError::invalid("file", Problem::UploadInterrupted);
    let request = XmlHttpRequest::new().map_err(failed)?;
    request.open("POST", address).map_err(failed)?;
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            let share = (event.loaded() / event.total() * 100.0).clamp(0.0, 100.0);
            progress(share as u8);
        }
    });
    request.upload().map_err(failed)?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let answered = request.clone();
    let mut done = Some(done);
    // `loadend` follows every ending: stored, refused, broken off, aborted.
    let on_end = Closure::<dyn FnMut(ProgressEvent)>::new(move |_: ProgressEvent| {
        let Some(done) = done.take() else { return };
        done(outcome_of(&answered));
        // Its handlers are let go of once this one has returned.
        set_timeout(move || forget(key), std::time::Duration::ZERO);
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    let body: &web_sys::Blob = file;
    request.send_with_opt_blob(Some(body)).map_err(failed)?;
    let sending = Sending { request, _on_progress: on_progress, _on_end: on_end };
    SENDING.with(|all| all.borrow_mut().insert(key, sending));
    Ok(())
}

fn forget(key: u32) {
    SENDING.with(|all| all.borrow_mut().remove(&key));
}

/// 201 with the new id; else the server's refusal, which it sends as JSON;
/// no status at all when the connection broke.
fn outcome_of(request: &XmlHttpRequest) -> Outcome {
    match request.status().unwrap_or(0) {
        201 => Outcome::Stored,
        0 => Outcome::Refused(AppError::invalid("file", Problem::UploadInterrupted)),
        _ => {
            let text = request.response_text().ok().flatten().unwrap_or_default();
            Outcome::Refused(serde_json::from_str(&text).unwrap_or(AppError::Internal))
        }
    }
}
