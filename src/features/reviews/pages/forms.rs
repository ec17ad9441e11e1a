//! `/admin/reviews/forms`: the organisation's review forms, and a new one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::features::account::components::RequireSignIn;
use crate::features::reviews::api::{CreateReviewForm, list_review_forms};
use crate::i18n::{Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, bilingual_fields};

#[component]
pub fn ReviewFormsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateReviewForm>::new();
    let forms = Resource::new(|| (), |_| list_review_forms());
    let error: Signal<Option<AppError>> = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::ReviewFormsTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::ReviewFormsTitle)}</h1>
                <p>{i18n.t(Key::ReviewFormsIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match forms.await {
                            Ok(forms) if forms.is_empty() => view! { <p>{i18n.t(Key::ReviewFormsEmpty)}</p> }.into_any(),
                            Ok(forms) => {
                                let items = forms
                                    .into_iter()
                                    .map(|form| {
                                        let count = i18n.format(Key::ReviewFormsQuestionsCount, &[("count", &form.questions.to_string())]);
                                        view! {
                                            <li class="inline-pair">
                                                <A href=format!("/admin/reviews/forms/{}", form.id)>{form.name.in_language(i18n.lang).to_owned()}</A>
                                                <span class="hint">{count}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view();
                                view! { <ul class="request-list" id="review-forms">{items}</ul> }.into_any()
                            }
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="new-form-title">
                    <h2 id="new-form-title">{i18n.t(Key::ReviewFormsNew)}</h2>
                    <ActionForm action=create attr:class="form wide-form">
                        {bilingual_fields("new".to_owned(), None, error)}
                        <FormError error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::ReviewFormsCreate)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}
