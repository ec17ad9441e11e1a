//! `/admin/competencies`: every competency with whom it is asked of and
//! its number of levels, each opening its own page; add one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::domain::AppError;
use crate::domain::dto::{Competency, JobFunction, UnitNode};
use crate::features::account::components::RequireSignIn;
use crate::features::frame::api::{CreateCompetency, list_competencies};
use crate::features::functions::api::list_functions;
use crate::features::structure::api::unit_tree;
use crate::i18n::{I18n, Key, use_i18n};
use crate::ui::{ErrorMessage, FormError, bilingual_fields};

/// The competencies, and the names of the functions and units they refer to.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Listing {
    competencies: Vec<Competency>,
    functions: Vec<JobFunction>,
    units: Vec<UnitNode>,
}

#[component]
pub fn CompetenciesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCompetency>::new();
    let listing = Resource::new(
        move || create.version().get(),
        |_| async {
            let competencies = list_competencies().await?;
            Ok::<_, AppError>(Listing {
                competencies,
                functions: list_functions().await?,
                units: unit_tree().await?,
            })
        },
    );
    let create_error: Signal<Option<AppError>> =
        Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <Title text=i18n.t(Key::CompetenciesTitle)/>
        <RequireSignIn children=move |_| {
            view! {
                <h1>{i18n.t(Key::CompetenciesTitle)}</h1>
                <p>{i18n.t(Key::CompetenciesIntro)}</p>
                <Transition>
                    {move || Suspend::new(async move {
                        match listing.await {
                            Ok(listing) if listing.competencies.is_empty() => {
                                view! { <p>{i18n.t(Key::CompetenciesEmpty)}</p> }.into_any()
                            }
                            Ok(listing) => view! {
                                <ul class="chart-units">
                                    {listing.competencies.iter().map(|c| item(i18n, c, &listing)).collect_view()}
                                </ul>
                            }
                                .into_any(),
                            Err(error) => view! { <ErrorMessage error/> }.into_any(),
                        }
                    })}
                </Transition>
                <section aria-labelledby="add-competency-title">
                    <h2 id="add-competency-title">{i18n.t(Key::CompetenciesAdd)}</h2>
                    <ActionForm action=create attr:class="form wide-form">
                        {bilingual_fields("new".to_owned(), None, create_error)}
                        <FormError error=create_error/>
                        <button type="submit" class="button-primary">{i18n.t(Key::CompetenciesAdd)}</button>
                    </ActionForm>
                </section>
            }
        }/>
    }
}

fn item(i18n: I18n, competency: &Competency, listing: &Listing) -> impl IntoView + use<> {
    let levels = i18n.format(Key::CompetenciesLevelCount, &[("count", &competency.levels.len().to_string())]);
    let functions = listing
        .functions
        .iter()
        .filter(|function| competency.functions.contains(&function.id))
        .map(|function| function.name(i18n.lang).to_owned());
    let units =
        listing.units.iter().filter(|unit| competency.units.contains(&unit.id)).map(|unit| unit.name.clone());
    let whom: Vec<String> = functions.chain(units).collect();
    let whom = if whom.is_empty() {
        i18n.t(Key::CompetenciesForNobody).to_owned()
    } else {
        i18n.format(Key::CompetenciesFor, &[("whom", &whom.join(", "))])
    };
    let name = competency.name(i18n.lang).to_owned();
    let description = competency.description(i18n.lang).to_owned();
    view! {
        <li>
            <A href=format!("/admin/competencies/{}", competency.id)>{name}</A>
            <span class="hint">{levels}</span>
            <p>{description}</p>
            <p class="hint">{whom}</p>
        </li>
    }
}
