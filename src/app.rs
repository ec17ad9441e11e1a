//! The root component and the route table.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::features::account::components::provide_viewer;
use crate::features::account::pages::{
    AccountPage, ChooseNewPasswordPage, InvitationCodePage, InvitePage, LoginPage, RequestResetPage,
    SignInCodePage, VerifySecondFactorPage,
};
use crate::features::audit_log::pages::{OrganisationAuditLogPage, PlatformAuditLogPage};
use crate::features::breaches::pages::{BreachesPage, OperatorBreachPage, OperatorBreachesPage};
use crate::features::dashboard::pages::DashboardPage;
use crate::features::documents::PersonDocumentsPage;
use crate::features::evaluations::pages::{
    CalibrationPage, EvaluationPage, EvaluationsPage, ExternalReviewPage, GiveReviewPage, ReviewProgressPage,
    ReviewThanksPage, TalentPage,
};
use crate::features::feedback::pages::{FeedbackPage, GiveFeedbackPage, NotesPage};
use crate::features::feedback_requests::pages::{
    AnswerRequestPage, AskFeedbackPage, ExternalFeedbackPage, ExternalPeoplePage, FeedbackRequestsPage,
    FeedbackThanksPage,
};
use crate::features::frame::pages::{CompetenciesPage, CompetencyPage, ValuesPage};
use crate::features::full_export::pages::FullExportPage;
use crate::features::functions::pages::FunctionsPage;
use crate::features::goal_templates::pages::{
    EditTemplatePage, NewTemplatePage, TemplatePage, TemplatesPage,
};
use crate::features::goals::pages::{
    EditGoalPage, GoalPage, GoalsPage, NewGoalPage, OrganisationGoalsPage, TeamGoalsPage, UnitGoalsPage,
};
use crate::features::import::pages::ImportPage;
use crate::features::notifications::pages::{NotificationSettingsPage, NotificationsPage};
use crate::features::one_on_ones::pages::{OneOnOnePage, OneOnOnesPage};
use crate::features::operator::pages::{NewOrganisationPage, OrganisationPage, OrganisationsPage};
use crate::features::org_chart::pages::{OrgChartPage, TeamPage};
use crate::features::people::pages::{InvitePersonPage, PeoplePage, PersonPage};
use crate::features::registers::pages::{DpiaPackPage, ProcessingRegisterPage};
use crate::features::reviews::pages::{ReviewCyclePage, ReviewCyclesPage, ReviewFormPage, ReviewFormsPage};
use crate::features::rights_inbox::pages::{OperatorRightsRequestsPage, RightsRequestsPage};
use crate::features::second_factor::pages::{SecondFactorPage, SecondFactorSetupPage};
use crate::features::settings::pages::SettingsPage;
use crate::features::shell::components::AppLayout;
use crate::features::shell::pages::NotFoundPage;
use crate::features::structure::pages::{StructurePage, UnitPage};
use crate::features::sub_processors::pages::{OperatorSubProcessorsPage, SubProcessorsPage};
use crate::features::support_access::pages::SupportAccessPage;
use crate::features::surveys::pages::{
    AnswerSurveyPage, ManageSurveysPage, SurveyBuilderPage, SurveyResultsPage, SurveysPage,
};
use crate::i18n::{Key, use_i18n};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = use_i18n();
    provide_viewer();
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", i18n.t(Key::AppName))/>
        <Router>
            <AppLayout>
                <Routes fallback=NotFoundPage>
                    // Async: every page is sent complete, so it works without
                    // JavaScript and can still redirect (e.g. to /login).
                    <Route path=path!("/") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/login/verify") view=VerifySecondFactorPage ssr=SsrMode::Async/>
                    <Route path=path!("/login/code") view=SignInCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/reset") view=RequestResetPage ssr=SsrMode::Async/>
                    <Route path=path!("/reset/:token") view=ChooseNewPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/invite") view=InvitationCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/invite/:token") view=InvitePage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/second-factor") view=SecondFactorPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/account/second-factor/setup")
                        view=SecondFactorSetupPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/org") view=OrgChartPage ssr=SsrMode::Async/>
                    <Route path=path!("/team") view=TeamPage ssr=SsrMode::Async/>
                    <Route path=path!("/team/goals") view=TeamGoalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals") view=GoalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/new") view=NewGoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/organisation") view=OrganisationGoalsPage ssr=SsrMode::Async/>
                    // After "/new" and "/organisation", which would otherwise be read as ids.
                    <Route path=path!("/goals/:id") view=GoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/:id/edit") view=EditGoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people") view=PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/audit-log") view=OrganisationAuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/externals") view=ExternalPeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/sub-processors") view=SubProcessorsPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator/sub-processors") view=OperatorSubProcessorsPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/breaches") view=BreachesPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/rights-requests") view=RightsRequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/export") view=FullExportPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/register") view=ProcessingRegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/dpia") view=DpiaPackPage ssr=SsrMode::Async/>
                    <Route path=path!("/privacy/support-access") view=SupportAccessPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator/rights-requests") view=OperatorRightsRequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator/breaches") view=OperatorBreachesPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator/breaches/:id") view=OperatorBreachPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator/audit-log") view=PlatformAuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people/new") view=InvitePersonPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people/import") view=ImportPage ssr=SsrMode::Async/>
                    // After "/new" and "/import", which would otherwise be read as ids.
                    <Route path=path!("/admin/people/:id") view=PersonPage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:id/documents") view=PersonDocumentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/structure") view=StructurePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/functions") view=FunctionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/settings") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/goals") view=UnitGoalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/goals/templates") view=TemplatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/goals/templates/new") view=NewTemplatePage ssr=SsrMode::Async/>
                    // After "/new", which would otherwise be read as an id.
                    <Route path=path!("/admin/goals/templates/:id") view=TemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/goals/templates/:id/edit") view=EditTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback") view=FeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback/give") view=GiveFeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback/requests") view=FeedbackRequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback/requests/new") view=AskFeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback/requests/:asked/answer") view=AnswerRequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/feedback/thanks") view=FeedbackThanksPage/>
                    <Route path=path!("/f/:token") view=ExternalFeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/notes") view=NotesPage ssr=SsrMode::Async/>
                    <Route path=path!("/one-on-ones") view=OneOnOnesPage ssr=SsrMode::Async/>
                    <Route path=path!("/one-on-ones/:id") view=OneOnOnePage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews") view=EvaluationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/progress") view=ReviewProgressPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/calibration") view=CalibrationPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/talent") view=TalentPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/give/:nomination") view=GiveReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/thanks") view=ReviewThanksPage/>
                    <Route path=path!("/r/:token") view=ExternalReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/reviews/:moment/:employee") view=EvaluationPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys") view=SurveysPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/answer/:round") view=AnswerSurveyPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/results/:round") view=SurveyResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/surveys") view=ManageSurveysPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/surveys/:id") view=SurveyBuilderPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/reviews") view=ReviewCyclesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/reviews/forms") view=ReviewFormsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/reviews/forms/:id") view=ReviewFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/reviews/:id") view=ReviewCyclePage ssr=SsrMode::Async/>
                    <Route path=path!("/account/notifications") view=NotificationSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/values") view=ValuesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/competencies") view=CompetenciesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/competencies/:id") view=CompetencyPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/structure/:id") view=UnitPage ssr=SsrMode::Async/>
                    <Route path=path!("/operator") view=OrganisationsPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/operator/organisations/new")
                        view=NewOrganisationPage
                        ssr=SsrMode::Async
                    />
                    // After "/new", which would otherwise be read as an id.
                    <Route
                        path=path!("/operator/organisations/:id")
                        view=OrganisationPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </AppLayout>
        </Router>
    }
}
