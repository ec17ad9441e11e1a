//! Header with navigation, the content area, and the footer with the version.

use leptos::prelude::*;
use leptos_router::components::A;

use super::LanguageSwitcher;
use crate::domain::dto::ViewerKind;
use crate::domain::roles::Role;
use crate::features::account::components::{UserMenu, use_viewer};
use crate::features::notifications::components::{NotificationLink, UnreadChanged};
use crate::i18n::{Key, use_i18n};

#[component]
pub fn AppLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    UnreadChanged::provide();
    // Links follow who is signed in: members see their pages, operator staff the console.
    let links = move || {
        Suspend::new(async move {
            let links: Vec<(&str, Key)> = match viewer.await {
                Ok(Some(viewer)) => match viewer.kind {
                    ViewerKind::Operator => {
                        vec![
                            ("/operator", Key::NavOrganisations),
                            ("/operator/sub-processors", Key::NavSubProcessors),
                            ("/operator/breaches", Key::NavBreaches),
                            ("/operator/rights-requests", Key::NavRightsRequests),
                            ("/operator/audit-log", Key::NavAuditLog),
                        ]
                    }
                    ViewerKind::Member { roles, .. } => {
                        let mut links = vec![
                            ("/", Key::NavHome),
                            ("/goals", Key::NavGoals),
                            ("/feedback", Key::NavFeedback),
                            ("/one-on-ones", Key::NavOneOnOnes),
                            ("/reviews", Key::NavReviews),
                            ("/surveys", Key::NavSurveys),
                            ("/notes", Key::NavNotes),
                            ("/org", Key::NavOrgChart),
                        ];
                        if roles.contains(&Role::Manager) {
                            links.push(("/team", Key::NavTeam));
                            links.push(("/team/goals", Key::NavTeamGoals));
                        }
                        if roles.contains(&Role::Manager) || roles.contains(&Role::Admin) {
                            links.push(("/reviews/progress", Key::NavReviewProgress));
                            links.push(("/reviews/calibration", Key::NavCalibration));
                            links.push(("/reviews/talent", Key::NavTalent));
                        }
                        if roles.contains(&Role::Admin) {
                            links.push(("/admin/people", Key::NavPeople));
                            links.push(("/admin/structure", Key::NavStructure));
                            links.push(("/admin/functions", Key::NavFunctions));
                            links.push(("/admin/values", Key::NavValues));
                            links.push(("/admin/competencies", Key::NavCompetencies));
                            links.push(("/admin/settings", Key::NavSettings));
                            links.push(("/admin/goals", Key::NavGoalOverview));
                            links.push(("/admin/goals/templates", Key::NavGoalTemplates));
                            links.push(("/admin/reviews", Key::NavReviewCycles));
                            links.push(("/privacy/externals", Key::NavExternalPeople));
                            links.push(("/privacy/export", Key::NavFullExport));
                            links.push(("/privacy/support-access", Key::NavSupportAccess));
                        }
                        if roles.contains(&Role::Admin) || roles.contains(&Role::Auditor) {
                            links.push(("/privacy/audit-log", Key::NavAuditLog));
                            links.push(("/privacy/sub-processors", Key::NavSubProcessors));
                            links.push(("/privacy/breaches", Key::NavBreaches));
                            links.push(("/privacy/rights-requests", Key::NavRightsRequests));
                            links.push(("/privacy/register", Key::NavRegister));
                            links.push(("/privacy/dpia", Key::NavDpia));
                        }
                        links
                    }
                },
                _ => vec![("/", Key::NavHome)],
            };
            links
                .into_iter()
                .map(|(href, key)| {
                    view! {
                        <li>
                            <A href=href exact=true>{i18n.t(key)}</A>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // After the contract ends, every page says until when the data can be read and exported (DPA 8.B).
    let read_only_banner = move || {
        Suspend::new(async move {
            match viewer.await {
                Ok(Some(crate::domain::dto::Viewer {
                    kind: ViewerKind::Member { read_only_until: Some(until), .. },
                    ..
                })) => Some(view! {
                    <p class="notice" role="status" id="read-only-banner">
                        {i18n.format(Key::ContractEndBanner, &[("date", &until)])}
                    </p>
                }),
                _ => None,
            }
        })
    };
    view! {
        // `rel="external"` keeps the router from handling this in-page link,
        // so the browser moves the focus to the content as it does without JS.
        <a class="skip-link" href="#content" rel="external">{i18n.t(Key::AppSkipToContent)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                <span>{i18n.t(Key::AppName)}</span>
            </A>
            <nav class="app-nav" aria-label=i18n.t(Key::NavLabel)>
                <ul>
                    <Transition>{links}</Transition>
                </ul>
            </nav>
            <NotificationLink/>
            <LanguageSwitcher/>
            <UserMenu/>
        </header>
        <main id="content" class="app-main" tabindex="-1">
            <Transition>{read_only_banner}</Transition>
            {children()}
        </main>
        <footer class="app-footer">
            <p>{i18n.format(Key::FooterVersion, &[("version", env!("CARGO_PKG_VERSION"))])}</p>
            <p>{i18n.t(Key::FooterOpenSource)}</p>
        </footer>
    }
}
