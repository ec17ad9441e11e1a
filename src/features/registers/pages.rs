//! One page for either document: its sections as headings, paragraphs,
//! lists and tables, and a link to the same as PDF.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::AppError;
use crate::domain::dto::{DocumentSection, PrivacyDocument};
use crate::features::account::components::RequireSignIn;
use crate::features::registers::api::{dpia_pack, processing_register};
use crate::i18n::{Key, use_i18n};
use crate::ui::ErrorMessage;

#[component]
pub fn ProcessingRegisterPage() -> impl IntoView {
    let document = Resource::new(|| (), |()| processing_register());
    document_page(Key::RegisterTitle, Key::RegisterIntro, "/privacy/register.pdf", document)
}

#[component]
pub fn DpiaPackPage() -> impl IntoView {
    let document = Resource::new(|| (), |()| dpia_pack());
    document_page(Key::DpiaTitle, Key::DpiaIntro, "/privacy/dpia.pdf", document)
}

fn document_page(
    title: Key,
    intro: Key,
    pdf: &'static str,
    document: Resource<Result<PrivacyDocument, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(title)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(title)}</h1>
                <p>{i18n.t(intro)}</p>
                <p><a class="button-primary" href=pdf download rel="external">{i18n.t(Key::RegisterDownloadPdf)}</a></p>
                <Suspense>
                    {move || Suspend::new(async move {
                        match document.await {
                            Ok(document) => view! {
                                <p class="muted">{document.subtitle}</p>
                                {document.sections.into_iter().map(section_view).collect_view()}
                            }
                            .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }/>
    }
}

fn section_view(section: DocumentSection) -> impl IntoView {
    let paragraphs = section.paragraphs.into_iter().map(|text| view! { <p>{text}</p> }).collect_view();
    let bullets = (!section.bullets.is_empty()).then(|| {
        view! { <ul>{section.bullets.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul> }
    });
    let table = section.table.map(|table| {
        view! {
            <div class="table-scroll">
            <table class="data-table">
                <thead><tr>{table.header.into_iter().map(|cell| view! { <th scope="col">{cell}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table
                        .rows
                        .into_iter()
                        .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        }
    });
    view! {
        <section>
            <h2>{section.heading}</h2>
            {paragraphs}
            {bullets}
            {table}
        </section>
    }
}
