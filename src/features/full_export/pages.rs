//! The full-export page: what the export holds, the latest one's progress
//! or download, and the button to prepare a new one.

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::dto::{FullExportState, FullExportStatus};
use crate::features::account::components::RequireSignIn;
use crate::features::full_export::api::{StartFullExport, latest_full_export};
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, successes};

/// How often the progress is asked for while an export is written.
const POLL_EVERY: Duration = Duration::from_millis(500);

#[component]
pub fn FullExportPage() -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartFullExport>::new();
    let started = successes(move || [start.value().get()]);
    let tick = RwSignal::new(0u32);
    let status = Resource::new(move || (started.get(), tick.get()), |_| latest_full_export());
    // While the file is being written, ask again shortly.
    Effect::new(move || {
        if let Some(Ok(Some(FullExportStatus { state: FullExportState::Running { .. }, .. }))) = status.get()
        {
            set_timeout(move || tick.update(|n| *n += 1), POLL_EVERY);
        }
    });
    let error = Signal::derive(move || start.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::FullExportTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::FullExportTitle)}</h1>
                <p>{i18n.t(Key::FullExportIntro)}</p>
                <section aria-labelledby="full-export-latest" id="full-export">
                    <h2 id="full-export-latest">{i18n.t(Key::FullExportLatest)}</h2>
                    <Transition>
                        {move || Suspend::new(async move {
                            match status.await {
                                Ok(latest) => latest_view(i18n, latest).into_any(),
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })}
                    </Transition>
                    <ActionForm action=start>
                        <FormError error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::FullExportStart)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn latest_view(i18n: I18n, latest: Option<FullExportStatus>) -> impl IntoView {
    let Some(latest) = latest else {
        return view! { <p>{i18n.t(Key::FullExportNone)}</p> }.into_any();
    };
    let asked = i18n.format(Key::FullExportRequested, &[("at", &latest.requested_at)]);
    let state = match latest.state {
        FullExportState::Running { done, total } => {
            let label = i18n.format(
                Key::FullExportProgress,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            );
            view! {
                <div class="form">
                    <label for="full-export-progress">{label}</label>
                    <progress id="full-export-progress" max=total.max(1) value=done></progress>
                </div>
            }
            .into_any()
        }
        FullExportState::Ready { expires_at, size_bytes, download } => {
            let size = format!("{:.1}", size_bytes as f64 / 1_000_000.0);
            let ready = i18n.format(Key::FullExportReady, &[("until", &expires_at), ("size", &size)]);
            view! {
                <p role="status">{ready}</p>
                <p><a class="button-primary" href=download download rel="external">{i18n.t(Key::FullExportDownload)}</a></p>
            }
            .into_any()
        }
        FullExportState::Expired => view! { <p>{i18n.t(Key::FullExportExpired)}</p> }.into_any(),
        FullExportState::Failed => view! { <p role="alert">{i18n.t(Key::FullExportFailed)}</p> }.into_any(),
    };
    view! { <p>{asked}</p> {state} }.into_any()
}
