//! Giving a review of someone else: `/reviews/give/{nomination}` for a
//! colleague who was asked, `/r/{token}` for someone outside with a
//! single-use link (no account, no JavaScript needed), and
//! `/reviews/thanks` where the latter lands.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::AppError;
use crate::domain::dto::ReviewerForm;
use crate::domain::ids::NominationId;
use crate::features::account::components::RequireSignIn;
use crate::features::evaluations::api::{
    GiveExternalReview, GiveReview, load_external_review, load_review_request,
};
use crate::features::evaluations::components::ReviewerFields;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FieldError, FormError};

#[component]
pub fn GiveReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let give = ServerAction::<GiveReview>::new();
    let nomination = move || use_params_map().with(|p| p.get("nomination")).unwrap_or_default();
    let asked = Resource::new(nomination, |id| async move {
        load_review_request(NominationId(id.parse().map_err(|_| AppError::NotFound)?)).await
    });
    view! {
        <Title text=i18n.t(Key::PeerReviewsGiveTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <section class="narrow-page">
                    <Suspense>
                        {move || Suspend::new(async move {
                            match asked.await {
                                Ok(form) => {
                                    let error = Signal::derive(move || give.value().get().and_then(Result::err));
                                    view! {
                                        {intro(i18n, &form)}
                                        <ActionForm action=give attr:class="form" attr:id="give-review">
                                            <input type="hidden" name="nomination" value=nomination()/>
                                            <ReviewerFields questions=form.questions error/>
                                            <FieldError error field="workflow"/>
                                            <FormError error/>
                                            <button type="submit" class="button-primary">{i18n.t(Key::PeerReviewsSend)}</button>
                                        </ActionForm>
                                    }
                                    .into_any()
                                }
                                Err(error) => view! { <ErrorMessage error/> }.into_any(),
                            }
                        })}
                    </Suspense>
                </section>
            }
        }/>
    }
}

#[component]
pub fn ExternalReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let give = ServerAction::<GiveExternalReview>::new();
    let token = move || use_params_map().with(|p| p.get("token")).unwrap_or_default();
    let asked = Resource::new(token, load_external_review);
    view! {
        <Title text=i18n.t(Key::PeerReviewsGiveTitle)/>
        <section class="narrow-page">
            <Suspense>
                {move || Suspend::new(async move {
                    match asked.await {
                        Ok(Some(form)) => {
                            let error = Signal::derive(move || give.value().get().and_then(Result::err));
                            let privacy = i18n.format(
                                Key::PeerReviewsExternalPrivacy,
                                &[("organisation", &form.organisation)],
                            );
                            view! {
                                {intro(i18n, &form)}
                                <ActionForm action=give attr:class="form" attr:id="give-review">
                                    <input type="hidden" name="token" value=token()/>
                                    <ReviewerFields questions=form.questions error/>
                                    <FormError error/>
                                    <button type="submit" class="button-primary">{i18n.t(Key::PeerReviewsSend)}</button>
                                </ActionForm>
                                <p class="hint">{privacy}</p>
                            }
                            .into_any()
                        }
                        Ok(None) => view! { <ErrorMessage error=AppError::FeedbackLinkInvalid/> }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn intro(i18n: I18n, form: &ReviewerForm) -> impl IntoView + use<> {
    let values = [
        ("person", form.employee.as_str()),
        ("organisation", form.organisation.as_str()),
        ("moment", i18n.t(form.kind.label_key())),
        ("date", form.closes_on.as_str()),
    ];
    let who = if form.named { Key::PeerReviewsYouAreNamed } else { Key::PeerReviewsYouAreAnonymous };
    view! {
        <h1>{i18n.format(Key::PeerReviewsGiveHeading, &values)}</h1>
        <p>{i18n.format(Key::PeerReviewsGiveIntro, &values)}</p>
        <p class="notice">{i18n.t(who)}</p>
    }
}

/// `/reviews/thanks`: where someone outside lands after answering.
#[component]
pub fn ReviewThanksPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Key::PeerReviewsThanksTitle)/>
        <section class="narrow-page">
            <h1>{i18n.t(Key::PeerReviewsThanksTitle)}</h1>
            <p>{i18n.t(Key::PeerReviewsThanksBody)}</p>
        </section>
    }
}
