//! The permission table: every server function, called by every kind of
//! caller, with the outcome each must get (DPA 7.F, least privilege; issue 3).
//!
//! The list of server functions comes from the registry the server itself
//! routes by, so a new server function that is not in `TABLE` fails this
//! test until someone decides who may call it. "Other tenant" is an admin of
//! a second organisation, calling with the first organisation's ids: it must
//! fare no better than a stranger.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use chrono::Utc;
use leptos::server_fn::axum::server_fn_paths;
use sea_orm::{DatabaseConnection, EntityTrait};
use tower::ServiceExt;

use super::build;
use crate::domain::dto::{
    ActionItemForm, AssignTemplateForm, BilingualForm, CompetencyLevelForm, CycleForm, FeedbackForm,
    FeedbackRequestForm, GoalForm, GoalTemplateForm, MomentForm, NoteForm, PlanOneOnOneForm, PointForm,
    QuestionForm,
};
use crate::domain::ids::{ActionItemId, OneOnOneId, OrgId, PointId, UnitId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::roles::Roles;
use crate::i18n::Lang;
use crate::server::AppState;
use crate::server::auth::OrgScope;
use crate::server::auth::session::{self, Holder};
use crate::server::config::Config;
use crate::server::messages::goal_assigned_mail;
use crate::server::service::notifications::{self, Notice};
use crate::server::service::{
    accounts, competencies, core_values, functions, goals, organisations, structure,
};
use crate::server::service::{feedback, notes, one_on_ones, reviews};
use crate::server::testing::TestDb;

/// Fleur manages Tess in a unit of their own; their 1:1 has a private
/// point of Tess's and an action item.
async fn one_on_one_of(
    db: &DatabaseConnection,
    keys: &crate::server::crypto::Keyring,
    admin: &OrgScope,
    (fleur, tess): (&OrgScope, &OrgScope),
    now: chrono::DateTime<Utc>,
) -> (OneOnOneId, PointId, ActionItemId) {
    let unit = structure::create(db, admin, "Nachtdienst", None, now).await.expect("unit");
    structure::set_manager(db, admin, unit, fleur.user, true, now).await.expect("manager");
    structure::add_member(db, admin, unit, tess.user, true, now).await.expect("member");
    let first = (now + chrono::Duration::days(7)).format("%Y-%m-%dT09:00").to_string();
    let form = PlanOneOnOneForm { with: tess.user.to_string(), first, cadence: "weekly".into() };
    let pair = one_on_ones::plan(db, fleur, &form, chrono_tz::UTC, now).await.expect("1:1");
    let private = PointForm { body: "Verlof".into(), private: Some("on".into()) };
    let point = one_on_ones::add_point(db, keys, tess, pair, &private, now).await.expect("point");
    let item =
        ActionItemForm { owner: tess.user.to_string(), body: "Rooster sturen".into(), due_on: String::new() };
    let action_item = one_on_ones::add_action(db, keys, fleur, pair, &item, now).await.expect("action");
    (pair, point, action_item)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Employee,
    Manager,
    Admin,
    Operator,
    OtherTenantAdmin,
}

const CALLERS: [Caller; 6] = [
    Caller::Anonymous,
    Caller::Employee,
    Caller::Manager,
    Caller::Admin,
    Caller::Operator,
    Caller::OtherTenantAdmin,
];

/// Who may call a server function.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Everyone gets this status (public functions such as sign-in).
    Anyone(u16),
    /// Anyone signed in gets this status; signed out, 401.
    SignedIn(u16),
    /// Operator staff only: 200 for them, 401 signed out, 403 for members.
    OperatorOnly,
    /// Members of an organisation (each sees their own): 200 for them, 401
    /// signed out, 403 for operator staff.
    MemberOnly,
    /// Operator staff only, called with input that fails validation: 422 for
    /// them (so nothing is created), 401 signed out, 403 for members.
    OperatorOnlyRejectsInput,
    /// Operator staff get this status (an object that does not exist, say);
    /// 401 signed out, 403 for members.
    OperatorOnlyAnswers(u16),
    /// Members, called with input that fails validation: 422 for them (so
    /// nothing is created), 401 signed out, 403 for operator staff.
    MemberOnlyRejectsInput,
    /// Members get this status (an object that is only someone else's);
    /// 401 signed out, 403 for operator staff.
    MemberOnlyAnswers(u16),
    /// Members of the first organisation, on an object every member of it
    /// may see: 200 for them, 404 for the other organisation's admin.
    MemberOfTheObject,
    /// An object of the target person's that only they (and their managers)
    /// may change: 403 for everyone else of the first organisation, 404 for
    /// the other organisation's admin.
    NobodyButTheOwner,
    /// Admins of the organisation: 200 for them (the other organisation's
    /// admin sees their own organisation), 401 signed out, 403 for the rest.
    AdminOnly,
    /// Admins, called with input that fails validation: 422 for admins.
    AdminOnlyRejectsInput,
    /// Admins of either organisation get this status (an object that is
    /// nobody's, say); 401 signed out, 403 for the rest.
    AdminOnlyAnswers(u16),
    /// Admins, on an object of the first organisation: the other
    /// organisation's admin gets 404, as if it did not exist.
    AdminOfTheObject,
    /// Like `AdminOfTheObject`, with a change the admin is refused (422).
    AdminOfTheObjectRejectsInput,
    /// Managers and admins, on an object of the first organisation: 200 for
    /// them, 404 for the other organisation's admin, 403 for employees.
    ManagerOrAdminOfTheObject,
    /// Anyone signed in; callers with an authenticator app (the admins and
    /// the operator, who must have one) get `with`, the others `without`.
    BySecondFactor { with: u16, without: u16 },
}

impl Rule {
    fn expected(self, caller: Caller) -> u16 {
        match (self, caller) {
            (Rule::Anyone(status), _) => status,
            (Rule::SignedIn(_), Caller::Anonymous) => 401,
            (Rule::SignedIn(status), _) => status,
            (Rule::OperatorOnly, Caller::Operator) => 200,
            (Rule::MemberOnly, Caller::Anonymous) => 401,
            (Rule::MemberOnly, Caller::Operator) => 403,
            (Rule::MemberOnly, _) => 200,
            (Rule::MemberOnlyAnswers(_), Caller::Anonymous) => 401,
            (Rule::MemberOnlyAnswers(_), Caller::Operator) => 403,
            (Rule::MemberOnlyAnswers(status), _) => status,
            (
                Rule::MemberOnlyRejectsInput | Rule::MemberOfTheObject | Rule::NobodyButTheOwner,
                Caller::Anonymous,
            ) => 401,
            (
                Rule::MemberOnlyRejectsInput | Rule::MemberOfTheObject | Rule::NobodyButTheOwner,
                Caller::Operator,
            ) => 403,
            (Rule::MemberOnlyRejectsInput, _) => 422,
            (Rule::MemberOfTheObject | Rule::NobodyButTheOwner, Caller::OtherTenantAdmin) => 404,
            (Rule::MemberOfTheObject, _) => 200,
            (Rule::NobodyButTheOwner, _) => 403,
            (Rule::OperatorOnly, Caller::Anonymous) => 401,
            (Rule::OperatorOnly, _) => 403,
            (Rule::OperatorOnlyRejectsInput, Caller::Operator) => 422,
            (Rule::OperatorOnlyRejectsInput, Caller::Anonymous) => 401,
            (Rule::OperatorOnlyRejectsInput, _) => 403,
            (Rule::OperatorOnlyAnswers(status), Caller::Operator) => status,
            (Rule::OperatorOnlyAnswers(_), Caller::Anonymous) => 401,
            (Rule::OperatorOnlyAnswers(_), _) => 403,
            (Rule::AdminOnly, Caller::Admin | Caller::OtherTenantAdmin) => 200,
            (Rule::AdminOnlyRejectsInput, Caller::Admin | Caller::OtherTenantAdmin) => 422,
            (Rule::AdminOnlyAnswers(status), Caller::Admin | Caller::OtherTenantAdmin) => status,
            (Rule::AdminOfTheObject, Caller::Admin) => 200,
            (Rule::AdminOfTheObject, Caller::OtherTenantAdmin) => 404,
            (Rule::AdminOfTheObjectRejectsInput, Caller::Admin) => 422,
            (Rule::AdminOfTheObjectRejectsInput, Caller::OtherTenantAdmin) => 404,
            (
                Rule::AdminOnly
                | Rule::AdminOnlyRejectsInput
                | Rule::AdminOnlyAnswers(_)
                | Rule::AdminOfTheObject
                | Rule::AdminOfTheObjectRejectsInput,
                Caller::Anonymous,
            ) => 401,
            (
                Rule::AdminOnly
                | Rule::AdminOnlyRejectsInput
                | Rule::AdminOnlyAnswers(_)
                | Rule::AdminOfTheObject
                | Rule::AdminOfTheObjectRejectsInput,
                _,
            ) => 403,
            (Rule::ManagerOrAdminOfTheObject, Caller::Manager | Caller::Admin) => 200,
            (Rule::ManagerOrAdminOfTheObject, Caller::OtherTenantAdmin) => 404,
            (Rule::ManagerOrAdminOfTheObject, Caller::Anonymous) => 401,
            (Rule::ManagerOrAdminOfTheObject, _) => 403,
            (Rule::BySecondFactor { .. }, Caller::Anonymous) => 401,
            (
                Rule::BySecondFactor { with, .. },
                Caller::Admin | Caller::OtherTenantAdmin | Caller::Operator,
            ) => with,
            (Rule::BySecondFactor { without, .. }, _) => without,
        }
    }
}

/// Path, a request body naming the first organisation's objects (`{caller}`
/// is replaced by the caller's name, `{target}` by the id of a person of the
/// first organisation who is not one of the callers), and the rule.
const TABLE: &[(&str, &str, Rule)] = &[
    ("/api/language", "lang=en&return_to=%2F", Rule::Anyone(200)),
    // Wrong credentials on purpose: the call is public, the answer is the same for all.
    ("/api/sign_in", "identifier=nobody-{caller}%40example.org&password=wrong&next=%2F", Rule::Anyone(401)),
    ("/api/sign_out", "", Rule::Anyone(200)),
    ("/api/current_viewer", "", Rule::Anyone(200)),
    ("/api/operator/organisations", "", Rule::OperatorOnly),
    ("/api/operator/organisation", "id={first_org}", Rule::OperatorOnly),
    ("/api/operator/add_organisation", EMPTY_ORGANISATION_FORM, Rule::OperatorOnlyRejectsInput),
    ("/api/invitation/details", "token=not-a-token", Rule::Anyone(200)),
    ("/api/account/sessions", "", Rule::SignedIn(200)),
    // Someone else's session: not found, whoever asks.
    ("/api/account/end_session", "id={target_session}", Rule::SignedIn(404)),
    ("/api/account/sign_out_everywhere", "", Rule::SignedIn(200)),
    // Not their current password: refused beside the field, nothing changes.
    (
        "/api/account/change_password",
        "current_password=wrong&password=paarse+olifant+op+de+fiets",
        Rule::SignedIn(422),
    ),
    ("/api/people/list", "filter[page]=0", Rule::AdminOnly),
    ("/api/audit_log/organisation", "page=0", Rule::AdminOnly),
    ("/api/audit_log/platform", "page=0", Rule::OperatorOnly),
    ("/api/people/invite", "form[name]=&form[email]=nobody&form[language]=nl", Rule::AdminOnlyRejectsInput),
    // Without a name: refused, nothing changes.
    (
        "/api/people/rectify",
        "user={target}&form[name]=&form[language]=nl",
        Rule::AdminOfTheObjectRejectsInput,
    ),
    ("/api/people/restrict", "user={person_to_restrict}", Rule::AdminOfTheObject),
    ("/api/full_export/start", "", Rule::AdminOnly),
    ("/api/registers/processing", "", Rule::AdminOnly),
    // Without a case: refused, nothing is granted.
    ("/api/support/grant", "form[case_reference]=&form[hours]=4", Rule::AdminOnlyRejectsInput),
    ("/api/support/end", "id={target}", Rule::AdminOnlyAnswers(404)),
    ("/api/support/grants", "", Rule::AdminOnly),
    // No organisation has granted access: closed to the processor's staff too.
    ("/api/operator/support_view", "id={first_org}", Rule::OperatorOnlyAnswers(403)),
    ("/api/registers/dpia", "", Rule::AdminOnly),
    ("/api/full_export/latest", "", Rule::AdminOnly),
    // With a confirmation that does not repeat the name: refused, nobody is erased.
    (
        "/api/people/erase",
        "user={target}&form[authored]=anonymise&form[confirmation]=someone",
        Rule::AdminOfTheObjectRejectsInput,
    ),
    ("/api/people/lift_restriction", "user={restricted_person}", Rule::AdminOfTheObject),
    ("/api/people/deactivate", "user={target}", Rule::AdminOfTheObject),
    ("/api/people/reactivate", "user={target}", Rule::AdminOfTheObject),
    ("/api/people/set_roles", "user={target}", Rule::AdminOfTheObject),
    ("/api/people/reset_second_factor", "user={target}", Rule::AdminOfTheObject),
    ("/api/people/details", "user={target}", Rule::AdminOfTheObject),
    // No choice made: refused before anything changes.
    ("/api/people/offboard", "user={target}&choice=&successor=", Rule::AdminOnlyRejectsInput),
    ("/api/people/manager_override", "user={target}&manager=", Rule::AdminOfTheObject),
    ("/api/org/level", "unit=", Rule::MemberOnly),
    ("/api/org/search", "query=Tess", Rule::MemberOnly),
    ("/api/org/team", "", Rule::MemberOnly),
    ("/api/structure/tree", "", Rule::AdminOnly),
    ("/api/functions/list", "", Rule::MemberOnly),
    ("/api/functions/create", "form[name_nl]=", Rule::AdminOnlyRejectsInput),
    ("/api/functions/update", "function={function}&form[name_nl]=Verpleegkundige", Rule::AdminOfTheObject),
    // A function of its own, so deleting it changes nothing the other calls use.
    ("/api/functions/delete", "function={spare_function}", Rule::AdminOfTheObject),
    ("/api/functions/assign", "user={target}&function={function}", Rule::AdminOfTheObject),
    ("/api/structure/unit", "unit={unit}", Rule::AdminOfTheObject),
    ("/api/structure/create", "name=&parent=", Rule::AdminOnlyRejectsInput),
    ("/api/structure/update", "unit={unit}&name=Zorg&parent=", Rule::AdminOfTheObject),
    // The unit has a sub-unit, so it cannot be deleted: nothing changes.
    ("/api/structure/delete", "unit={unit}", Rule::AdminOfTheObjectRejectsInput),
    ("/api/structure/manager", "unit={unit}&user={target}&manager=false", Rule::AdminOfTheObject),
    ("/api/structure/add_member", "unit={unit}&user={target}", Rule::AdminOfTheObject),
    ("/api/structure/remove_member", "unit={unit}&user={target}", Rule::AdminOfTheObject),
    ("/api/structure/hr_reader", "unit={unit}&user={target}&granted=false", Rule::AdminOfTheObject),
    ("/api/values/list", "", Rule::MemberOnly),
    ("/api/values/create", "form[name_nl]=", Rule::AdminOnlyRejectsInput),
    ("/api/values/update", "value={value}&form[name_nl]=Betrokken", Rule::AdminOfTheObject),
    ("/api/values/delete", "value={spare_value}", Rule::AdminOfTheObject),
    ("/api/competencies/list", "", Rule::MemberOnly),
    ("/api/competencies/create", "form[name_nl]=", Rule::AdminOnlyRejectsInput),
    ("/api/competencies/update", "competency={competency}&form[name_nl]=Luisteren", Rule::AdminOfTheObject),
    ("/api/competencies/delete", "competency={spare_competency}", Rule::AdminOfTheObject),
    ("/api/competencies/scope", "competency={competency}&scope[units][0]={unit}", Rule::AdminOfTheObject),
    ("/api/competencies/add_level", "competency={competency}&level[name_nl]=Expert", Rule::AdminOfTheObject),
    ("/api/competencies/update_level", "id={level}&level[name_nl]=Basis", Rule::AdminOfTheObject),
    ("/api/competencies/delete_level", "id={spare_level}", Rule::AdminOfTheObject),
    // An empty file: the preview names the problem, nothing is written.
    ("/api/import/preview", "content=", Rule::AdminOnly),
    // Not the file that was previewed: refused, nothing is imported.
    ("/api/import/start", "content=&fingerprint=0&invite=false", Rule::AdminOnlyRejectsInput),
    // No such import, whoever asks.
    ("/api/import/follow", "job=00000000-0000-0000-0000-000000000000", Rule::AdminOnlyAnswers(404)),
    ("/api/goals/list", "year=2027&owner=&status=", Rule::MemberOnly),
    ("/api/goals/details", "id={goal}", Rule::MemberOfTheObject),
    ("/api/goals/choices", "year=2027", Rule::MemberOnly),
    ("/api/goals/create", "form[kind]=&form[year]=2027&form[title]=", Rule::MemberOnlyRejectsInput),
    ("/api/goals/update", "id={goal}&form[title]=Anders&form[year]=2027", Rule::NobodyButTheOwner),
    ("/api/goals/delete", "id={goal}", Rule::NobodyButTheOwner),
    ("/api/documents/list", "on=goal.{goal}", Rule::MemberOfTheObject),
    // No such document, whoever asks (the service tests go through who may delete what).
    ("/api/documents/delete", "id=00000000-0000-0000-0000-000000000000", Rule::MemberOnlyAnswers(404)),
    ("/api/goals/check_in", "id={goal}&form[status]=done", Rule::NobodyButTheOwner),
    ("/api/goals/plan", "owner=&year=2027", Rule::MemberOnly),
    // Nobody's plan needs approval in this world: refused, nothing changes.
    ("/api/goals/plan_step", "owner=&year=2027&step=submit&comment=", Rule::MemberOnlyRejectsInput),
    ("/api/goals/team", "year=2027", Rule::MemberOnly),
    ("/api/goals/units", "year=2027", Rule::AdminOnly),
    ("/api/goal_templates/list", "", Rule::AdminOnly),
    ("/api/goal_templates/details", "id={template}", Rule::AdminOfTheObject),
    ("/api/goal_templates/choices", "", Rule::AdminOnly),
    ("/api/goal_templates/create", "form[kind]=team&form[title]=", Rule::AdminOnlyRejectsInput),
    (
        "/api/goal_templates/update",
        "id={template}&form[kind]=performance&form[title]=BHV",
        Rule::AdminOfTheObject,
    ),
    ("/api/goal_templates/delete", "id={spare_template}", Rule::AdminOfTheObject),
    // Given to the unit, which has nobody in it: no copies are made.
    (
        "/api/goal_templates/assign",
        "id={template}&form[to]=unit:{unit}&form[year]=2027",
        Rule::AdminOfTheObject,
    ),
    ("/api/goal_templates/assign_again", "assignment={assignment}", Rule::AdminOfTheObject),
    ("/api/notifications/list", "", Rule::MemberOnly),
    ("/api/notifications/unread", "", Rule::MemberOnly),
    // Tess's notification: nobody but Tess opens it.
    ("/api/notifications/open", "id={notification}", Rule::MemberOnlyAnswers(404)),
    ("/api/notifications/read_all", "", Rule::MemberOnly),
    ("/api/notifications/settings", "", Rule::MemberOnly),
    ("/api/notifications/save_settings", "form[by_email][0]=gossip", Rule::MemberOnlyRejectsInput),
    ("/api/feedback/list", "feedback_box=received", Rule::MemberOnly),
    ("/api/feedback/choices", "", Rule::MemberOnly),
    // Fleur stays active, whatever other calls do to Tess.
    ("/api/feedback/preview", "recipient={colleague}&visibility=recipient", Rule::MemberOfTheObject),
    (
        "/api/feedback/give",
        "form[recipient]={target}&form[visibility]=recipient&form[body]=",
        Rule::MemberOnlyRejectsInput,
    ),
    // Feedback to Tess: only she ties it to a goal.
    ("/api/feedback/link_goal", "id={feedback}&goal=", Rule::MemberOnlyAnswers(404)),
    ("/api/notes/list", "subject=", Rule::MemberOnly),
    ("/api/notes/add", "form[subject]={target}&form[body]=", Rule::MemberOnlyRejectsInput),
    // Tess's note about herself: nobody else can change or delete it.
    ("/api/notes/update", "id={note}&form[body]=Anders", Rule::MemberOnlyAnswers(404)),
    ("/api/notes/delete", "id={note}", Rule::MemberOnlyAnswers(404)),
    ("/api/feedback_requests/list", "", Rule::MemberOnly),
    ("/api/feedback_requests/externals", "", Rule::AdminOnly),
    ("/api/feedback_requests/ask", "form[deadline]=", Rule::MemberOnlyRejectsInput),
    // Tess asked Fleur: nobody else answers it, nobody else reminds or withdraws.
    ("/api/feedback_requests/to_answer", "asked={asked}", Rule::MemberOnlyAnswers(404)),
    (
        "/api/feedback_requests/answer",
        "asked={asked}&form[answers][0]=Prima&form[visibility]=recipient",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/feedback_requests/remind", "request={feedback_request}", Rule::MemberOnlyAnswers(404)),
    ("/api/feedback_requests/withdraw", "request={feedback_request}", Rule::MemberOnlyAnswers(404)),
    ("/api/surveys/list", "", Rule::AdminOnly),
    ("/api/surveys/details", "id={survey}", Rule::AdminOfTheObject),
    ("/api/surveys/create", "form[title_nl]=", Rule::AdminOnlyRejectsInput),
    (
        "/api/surveys/update",
        "id={survey}&form[title_nl]=Peiling&form[kind]=once&form[open_days]=14",
        Rule::AdminOfTheObject,
    ),
    // Changes go to surveys that never opened; the first one is closed.
    ("/api/surveys/delete", "id={spare_survey}", Rule::AdminOfTheObject),
    ("/api/surveys/add_library_question", "id={survey_draft}&key=engagement.energy", Rule::AdminOfTheObject),
    (
        "/api/surveys/add_custom_question",
        "id={survey_draft}&question[theme]=general&question[kind]=open&question[text_nl]=Tip",
        Rule::AdminOfTheObject,
    ),
    ("/api/surveys/remove_question", "id={spare_survey_question}", Rule::AdminOfTheObject),
    ("/api/surveys/move_question", "id={survey_question}&up=false", Rule::AdminOfTheObject),
    ("/api/surveys/set_units", "id={survey_draft}&audience[units][0]={unit}", Rule::AdminOfTheObject),
    ("/api/surveys/schedule", "id={survey_draft}&opens_on=gisteren", Rule::AdminOfTheObjectRejectsInput),
    // The round is closed already.
    ("/api/surveys/close_round", "round={survey_round}", Rule::AdminOfTheObjectRejectsInput),
    ("/api/surveys/set_threshold", "threshold=2", Rule::AdminOnlyRejectsInput),
    ("/api/surveys/mine", "", Rule::MemberOnly),
    // Nobody of the first organisation was asked in that round.
    ("/api/surveys/to_answer", "round={survey_round}", Rule::MemberOnlyAnswers(404)),
    ("/api/surveys/answer", "round={survey_round}&send=1", Rule::MemberOnlyAnswers(404)),
    ("/api/surveys/readable", "", Rule::MemberOnly),
    ("/api/surveys/results", "query[round]={survey_round}&query[breakdown]=unit", Rule::AdminOfTheObject),
    ("/api/surveys/reply", "answer={survey_question}&reply[text]=Dank", Rule::MemberOnlyAnswers(404)),
    ("/api/surveys/own_comments", "", Rule::MemberOnly),
    (
        "/api/surveys/respond",
        "round={survey_round}&answer={survey_question}&reply[text]=Dank",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/review_forms/list", "", Rule::AdminOnly),
    ("/api/review_forms/details", "id={review_form}", Rule::AdminOfTheObject),
    ("/api/review_forms/create", "form[name_nl]=", Rule::AdminOnlyRejectsInput),
    ("/api/review_forms/update", "id={review_form}&form[name_nl]=Eindgesprek", Rule::AdminOfTheObject),
    // A form of its own, so deleting it changes nothing the other calls use.
    ("/api/review_forms/delete", "id={spare_review_form}", Rule::AdminOfTheObject),
    ("/api/review_forms/copy", "id={review_form}", Rule::AdminOfTheObject),
    (
        "/api/review_forms/add_question",
        "id={review_form}&question[kind]=open&question[text_nl]=Terugblik",
        Rule::AdminOfTheObject,
    ),
    (
        "/api/review_forms/update_question",
        "id={review_question}&question[kind]=open&question[text_nl]=Terugblik",
        Rule::AdminOfTheObject,
    ),
    ("/api/review_forms/move_question", "id={review_question}&up=true", Rule::AdminOfTheObject),
    // A question of its own, so deleting it changes nothing the other calls use.
    ("/api/review_forms/delete_question", "id={spare_review_question}", Rule::AdminOfTheObject),
    ("/api/review_cycles/list", "", Rule::AdminOnly),
    ("/api/review_cycles/details", "id={review_cycle}", Rule::AdminOfTheObject),
    ("/api/review_cycles/create", "form[name]=", Rule::AdminOnlyRejectsInput),
    (
        "/api/review_cycles/update",
        "id={review_cycle}&form[name]=Cyclus&form[starts_on]=2027-01-01&form[ends_on]=2027-12-31",
        Rule::AdminOfTheObject,
    ),
    // A cycle of its own, so deleting it changes nothing the other calls use.
    ("/api/review_cycles/delete", "id={spare_review_cycle}", Rule::AdminOfTheObject),
    ("/api/review_cycles/scope", "id={review_cycle}", Rule::AdminOfTheObject),
    (
        "/api/review_cycles/add_moment",
        "id={review_cycle}&moment[kind]=end&moment[opens_on]=2027-11-01&moment[closes_on]=2027-12-15&moment[writers]=both&moment[form]={review_form}",
        Rule::AdminOfTheObject,
    ),
    (
        "/api/review_cycles/update_moment",
        "id={review_moment}&moment[kind]=end&moment[opens_on]=2027-11-01&moment[closes_on]=2027-12-15&moment[writers]=both&moment[form]={review_form}",
        Rule::AdminOfTheObject,
    ),
    ("/api/review_cycles/delete_moment", "id={spare_review_moment}", Rule::AdminOfTheObject),
    ("/api/evaluations/mine", "", Rule::MemberOnly),
    // Nobody is in the scope of the world's cycle: nobody reaches its evaluations.
    ("/api/evaluations/details", "moment={review_moment}&employee={target}", Rule::MemberOnlyAnswers(404)),
    (
        "/api/evaluations/save",
        "moment={review_moment}&employee={target}&writing[answers][0][text]=Goed",
        Rule::MemberOnlyAnswers(404),
    ),
    (
        "/api/evaluations/share",
        "moment={review_moment}&employee={target}&writing[answers][0][text]=Goed",
        Rule::MemberOnlyAnswers(404),
    ),
    (
        "/api/evaluations/acknowledge",
        "moment={review_moment}&employee={target}",
        Rule::MemberOnlyAnswers(404),
    ),
    // Admins see everyone in scope, managers their people; employees nothing.
    ("/api/evaluations/progress", "cycle={review_cycle}", Rule::ManagerOrAdminOfTheObject),
    // The world's moment asks nobody else, and nobody is in its scope.
    (
        "/api/evaluations/nominate",
        "moment={review_moment}&employee={target}&nomination[reviewer]={target}",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/evaluations/withdraw_nomination", "nomination={review_moment}", Rule::MemberOnlyAnswers(404)),
    (
        "/api/evaluations/approve_nominations",
        "moment={review_moment}&employee={target}",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/evaluations/review_requests", "", Rule::MemberOnly),
    ("/api/evaluations/review_request", "nomination={review_moment}", Rule::MemberOnlyAnswers(404)),
    ("/api/evaluations/give_review", "nomination={review_moment}", Rule::MemberOnlyAnswers(404)),
    // Public: a link that never worked shows nothing and takes no answer.
    ("/api/evaluations/external_review", "token=geraden", Rule::Anyone(200)),
    ("/api/evaluations/give_external_review", "token=geraden", Rule::Anyone(410)),
    // Nobody is in the scope of the world's cycle: nobody's score to propose or set.
    (
        "/api/evaluations/propose_score",
        "moment={review_moment}&employee={target}&score=3",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/evaluations/calibration", "cycle={review_cycle}", Rule::ManagerOrAdminOfTheObject),
    (
        "/api/evaluations/calibrate",
        "moment={review_moment}&employee={target}&calibration[score]=3&calibration[rationale]=Reden",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/evaluations/talent", "cycle={review_cycle}", Rule::ManagerOrAdminOfTheObject),
    // Nobody is in the world's cycle's scope: nobody to place.
    (
        "/api/evaluations/place_talent",
        "cycle={review_cycle}&employee={target}&placement[performance]=high&placement[potential]=high",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/privacy/sub_processors", "", Rule::AdminOnly),
    // No such sub-processor: refused as not found, nothing is recorded.
    ("/api/privacy/object_sub_processor", "id={target}&reason=Bezwaar", Rule::AdminOnlyAnswers(404)),
    ("/api/operator/sub_processors", "", Rule::OperatorOnly),
    // The first day of use is not 30 days ahead: refused, nothing is announced.
    (
        "/api/operator/announce_sub_processor",
        "form[name]=Postbode&form[function]=Mail&form[data_categories]=Namen&form[head_office]=Utrecht&form[data_location]=Frankfurt&form[effective_from]=2020-01-01",
        Rule::OperatorOnlyRejectsInput,
    ),
    // No such organisation: not found, nothing changes.
    ("/api/operator/end_contract", "id={target}&last_day=2999-01-01", Rule::OperatorOnlyAnswers(404)),
    (
        "/api/operator/postpone_destruction",
        "id={target}&destroy_on=2999-01-01",
        Rule::OperatorOnlyAnswers(404),
    ),
    ("/api/privacy/breaches", "", Rule::AdminOnly),
    ("/api/privacy/rights_requests", "", Rule::AdminOnly),
    ("/api/operator/rights_requests", "", Rule::OperatorOnly),
    // Received in the future: refused, nothing is recorded.
    (
        "/api/operator/record_rights_request",
        "form[org]={first_org}&form[kind]=erasure&form[requester]=Bram&form[summary]=Wissen&form[received_on]=2999-01-01",
        Rule::OperatorOnlyRejectsInput,
    ),
    // A person's id is no request: not found.
    ("/api/operator/forward_rights_request", "id={target}", Rule::OperatorOnlyAnswers(404)),
    ("/api/operator/breaches", "", Rule::OperatorOnly),
    // A person's id is no incident: not found.
    ("/api/operator/breach", "id={target}", Rule::OperatorOnlyAnswers(404)),
    // Discovered in the future: refused, nothing is recorded.
    (
        "/api/operator/record_breach",
        "form[nature]=Lek&form[discovered_at]=2999-01-01T09:00&form[contact_point]=Olga&form[consequences]=Inzage&form[measures]=Dicht",
        Rule::OperatorOnlyRejectsInput,
    ),
    (
        "/api/operator/add_breach_organisation",
        "id={target}&form[org]={first_org}&form[subject_categories]=Medewerkers&form[subjects_approx]=4&form[record_categories]=Doelen&form[records_approx]=9",
        Rule::OperatorOnlyAnswers(404),
    ),
    ("/api/operator/send_breach_notice", "id={target}&org={first_org}", Rule::OperatorOnlyAnswers(404)),
    ("/api/operator/send_breach_update", "id={target}&body=Nieuws", Rule::OperatorOnlyAnswers(404)),
    // Nothing was written, so there is nothing to reopen.
    (
        "/api/evaluations/reopen",
        "moment={review_moment}&employee={target}&reason=Fout",
        Rule::AdminOnlyAnswers(404),
    ),
    ("/api/one_on_ones/list", "", Rule::MemberOnly),
    // Nobody to plan with is chosen: refused, nothing is planned.
    ("/api/one_on_ones/plan", "form[with]=&form[first]=&form[cadence]=weekly", Rule::MemberOnlyRejectsInput),
    // Tess and Fleur's 1:1: nobody else reaches it.
    ("/api/one_on_ones/details", "id={one_on_one}", Rule::MemberOnlyAnswers(404)),
    ("/api/one_on_ones/add_point", "id={one_on_one}&form[body]=Rooster", Rule::MemberOnlyAnswers(404)),
    ("/api/one_on_ones/discussed", "point={point}&discussed=true", Rule::MemberOnlyAnswers(404)),
    ("/api/one_on_ones/delete_point", "point={point}", Rule::MemberOnlyAnswers(404)),
    (
        "/api/one_on_ones/add_action",
        "id={one_on_one}&form[owner]={target}&form[body]=Bellen",
        Rule::MemberOnlyAnswers(404),
    ),
    ("/api/one_on_ones/action_done", "action={action_item}&done=true", Rule::MemberOnlyAnswers(404)),
    ("/api/one_on_ones/hold", "id={one_on_one}&form[notes]=", Rule::MemberOnlyAnswers(404)),
    ("/api/one_on_ones/reschedule", "id={one_on_one}&at=2099-01-05T09:00", Rule::MemberOnlyAnswers(404)),
    // An external person's link is the permission: a wrong one opens nothing.
    ("/api/feedback_requests/external", "token=not-a-token", Rule::Anyone(200)),
    ("/api/feedback_requests/answer_external", "token=not-a-token&form[answers][0]=Prima", Rule::Anyone(410)),
    ("/api/settings/organisation", "", Rule::AdminOnly),
    ("/api/settings/unit", "unit={unit}", Rule::AdminOfTheObject),
    ("/api/settings/choose", "unit={unit}&setting=feature.surveys&value=", Rule::AdminOfTheObject),
    ("/api/invitation/accept", "token=not-a-token&password=paarse+olifant+op+de+fiets", Rule::Anyone(410)),
    ("/api/password_reset/request", "identifier=nobody-{caller}%40example.org", Rule::Anyone(200)),
    ("/api/password_reset/check", "token=not-a-token", Rule::Anyone(200)),
    ("/api/sign_in/request_code", "identifier=nobody-{caller}%40example.org", Rule::Anyone(200)),
    ("/api/sign_in/code", "code=zzzzz-zzzzz&next=%2F", Rule::Anyone(401)),
    // No session is waiting for a second factor, whoever asks.
    ("/api/sign_in/second_factor", "code=123456&next=%2F", Rule::Anyone(401)),
    ("/api/second_factor/overview", "", Rule::SignedIn(200)),
    ("/api/second_factor/begin", "", Rule::SignedIn(200)),
    // A recovery-code-shaped code that no set contains: never right.
    ("/api/second_factor/confirm", "code=zzzzz-zzzzz", Rule::SignedIn(401)),
    (
        "/api/second_factor/renew_recovery_codes",
        "code=zzzzz-zzzzz",
        Rule::BySecondFactor { with: 401, without: 404 },
    ),
    // Admins and operators may not turn it off; the others have none to turn off.
    ("/api/second_factor/turn_off", "code=zzzzz-zzzzz", Rule::BySecondFactor { with: 409, without: 404 }),
    (
        "/api/password_reset/complete",
        "token=not-a-token&password=paarse+olifant+op+de+fiets",
        Rule::Anyone(410),
    ),
];

/// Every field of the new-organisation form, all empty.
const EMPTY_ORGANISATION_FORM: &str = "form[name]=&form[kvk_number]=&form[address]=&form[representative]=\
    &form[privacy_contact_name]=&form[privacy_contact_email]=&form[contract_start]=&form[signer_name]=\
    &form[signer_function]=&form[signed_on]=&form[signed_at]=&form[admin_name]=&form[admin_email]=\
    &form[admin_language]=";

struct World {
    app: axum::Router,
    db: DatabaseConnection,
    config: Arc<Config>,
    holders: Vec<(Caller, Holder)>,
    target: uuid::Uuid,
    /// The hash of a session of the target person.
    target_session: String,
    first_org: OrgId,
    /// A unit of the first organisation, with a sub-unit.
    unit: UnitId,
    /// Objects of the first organisation by placeholder: a job function,
    /// core value, competency and level, each with a spare one to delete.
    objects: Vec<(&'static str, String)>,
}

fn export_directory() -> std::collections::BTreeMap<String, String> {
    let directory = std::env::temp_dir().join(format!("koers-permissions-{}", uuid::Uuid::new_v4().simple()));
    [("KOERS_SITE_DATA_DIRECTORY".to_owned(), directory.display().to_string())].into()
}

async fn world(db: DatabaseConnection) -> World {
    let config = Arc::new(
        // Full exports the checks start go to a scratch directory, not the project.
        Config::parse(std::path::Path::new("test.toml"), None, &export_directory()).expect("config"),
    );
    let keys = crate::server::testing::test_keyring();
    let now = Utc::now();
    let first = organisations::create(&db, &keys, "Eerste organisatie", now).await.expect("first");
    let second = organisations::create(&db, &keys, "Tweede organisatie", now).await.expect("second");
    let password = "paarse olifant op de fiets";
    let member = |org: OrgId, name: &'static str, roles: Roles| {
        let db = db.clone();
        async move {
            let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
            let user = accounts::NewUser { name, email: Some(&email), language: Lang::Nl, roles };
            accounts::create_user(&db, org, user, Some(password), Utc::now()).await.expect("user").0
        }
    };
    let holder = |org: OrgId, user: uuid::Uuid| Holder::User { user, org: org.0 };
    let admin = Roles { admin: true, ..Roles::default() };
    let target = member(first, "Tess", Roles::default()).await;
    let holders = [
        (Caller::Employee, holder(first, member(first, "Eva", Roles::default()).await)),
        (
            Caller::Manager,
            holder(first, member(first, "Mark", Roles { manager: true, ..Roles::default() }).await),
        ),
        (Caller::Admin, holder(first, member(first, "Ada", admin).await)),
        (Caller::OtherTenantAdmin, holder(second, member(second, "Bob", admin).await)),
        (Caller::Operator, {
            let email = format!("{}@koers.example", uuid::Uuid::new_v4().simple());
            let id = accounts::create_operator(&db, "Olga", &email, password, now).await.expect("operator");
            Holder::Operator { operator: id.0 }
        }),
    ];
    // Their mandatory second factor, so they can do what their role allows.
    for (caller, holder) in &holders {
        if matches!(caller, Caller::Admin | Caller::OtherTenantAdmin | Caller::Operator) {
            crate::server::testing::enrol_app(&db, *holder).await;
        }
    }
    let admin_user = holders.iter().find_map(|(caller, holder)| match (caller, holder) {
        (Caller::Admin, Holder::User { user, .. }) => Some(UserId(*user)),
        _ => None,
    });
    let first_admin =
        OrgScope { org: first, user: admin_user.expect("an admin"), name: "Ada".into(), roles: admin };
    let unit = structure::create(&db, &first_admin, "Zorg", None, now).await.expect("unit");
    structure::create(&db, &first_admin, "Team", Some(unit), now).await.expect("sub-unit");
    let mut objects = objects_of(&db, &first_admin).await;
    objects.extend(survey_objects(&db, &first_admin, unit).await);
    let tess = OrgScope { org: first, user: UserId(target), name: "Tess".into(), roles: Roles::default() };
    let goal = GoalForm {
        kind: "performance".into(),
        year: "2027".into(),
        title: "Drie intakes per week".into(),
        visibility: "organisation".into(),
        ..Default::default()
    };
    let goal = goals::create(&db, &keys, &tess, &goal, now).await.expect("goal");
    objects.push(("{goal}", goal.to_string()));
    let tess_account = crate::server::entity::user_account::Entity::find_by_id(target)
        .one(&db)
        .await
        .expect("read")
        .expect("Tess");
    let notice = Notice::new(NotificationKind::GoalAssigned).goal(goal).year(2027);
    let mail = |lang, to: &str, name: &str| goal_assigned_mail(lang, to, name, 2027, "https://koers.example");
    notifications::notify(&db, first, &tess_account, notice, mail, now).await.expect("notification");
    let notification = crate::server::entity::notification::Entity::find().one(&db).await.expect("read");
    objects.push(("{notification}", notification.expect("Tess's notification").id.to_string()));
    let eva = holders.iter().find_map(|(caller, holder)| match (caller, holder) {
        (Caller::Employee, Holder::User { user, .. }) => Some(UserId(*user)),
        _ => None,
    });
    let eva = OrgScope { org: first, user: eva.expect("Eva"), name: "Eva".into(), roles: Roles::default() };
    let to_tess = FeedbackForm {
        recipient: target.to_string(),
        visibility: "recipient".into(),
        about: String::new(),
        body: "Fijn samengewerkt".into(),
    };
    let given =
        feedback::give(&db, &keys, &eva, &to_tess, "https://koers.example", now).await.expect("feedback");
    objects.push(("{feedback}", given.to_string()));
    let fleur = member(first, "Fleur", Roles::default()).await;
    objects.push(("{colleague}", fleur.to_string()));
    let ask_fleur = FeedbackRequestForm {
        questions: vec!["Hoe ging de overdracht?".into()],
        deadline: (now + chrono::Duration::days(30)).format("%Y-%m-%d").to_string(),
        colleagues: vec![fleur.to_string()],
        externals: Vec::new(),
    };
    let site = feedback::requests::Site { public_url: "https://koers.example", time_zone: chrono_tz::UTC };
    let request = feedback::requests::ask(&db, &keys, &tess, &ask_fleur, site, now).await.expect("request");
    objects.push(("{feedback_request}", request.to_string()));
    let fleur_scope =
        OrgScope { org: first, user: UserId(fleur), name: "Fleur".into(), roles: Roles::default() };
    let to_fleur = feedback::requests::overview(&db, &keys, &fleur_scope, site, now).await.expect("overview");
    objects.push(("{asked}", to_fleur.to_answer[0].asked.to_string()));
    let (pair, point, action_item) =
        one_on_one_of(&db, &keys, &first_admin, (&fleur_scope, &tess), now).await;
    objects.push(("{one_on_one}", pair.to_string()));
    objects.push(("{point}", point.to_string()));
    objects.push(("{action_item}", action_item.to_string()));
    let own_note = NoteForm { subject: target.to_string(), body: "Cursus plannen".into() };
    let note = notes::add(&db, &keys, &tess, &own_note, now).await.expect("note");
    objects.push(("{note}", note.to_string()));
    let leptos_options = leptos::prelude::LeptosOptions::builder().output_name("koers").build();
    let state = AppState {
        leptos_options,
        db: db.clone(),
        config: config.clone(),
        keys: Arc::new(keys),
        outbox: Default::default(),
        imports: Default::default(),
        storage: crate::server::testing::local_storage(),
    };
    let target_holder = holder(first, target);
    let target_session =
        session::start(&db, target_holder, "test", &config.security, now).await.expect("session").hash();
    World {
        app: build(state),
        db,
        config,
        holders: holders.to_vec(),
        target,
        target_session,
        first_org: first,
        unit,
        objects,
    }
}

/// Two of each kind of object an admin keeps, so that deleting the spare one
/// changes nothing the other calls use.
async fn objects_of(db: &DatabaseConnection, admin: &OrgScope) -> Vec<(&'static str, String)> {
    let now = Utc::now();
    let named = |name: &str| BilingualForm { name_nl: name.into(), ..Default::default() };
    let level = CompetencyLevelForm { name_nl: "Basis".into(), ..Default::default() };
    let mut objects = Vec::new();
    for (placeholder, name) in [("{function}", "Verpleegkundige"), ("{spare_function}", "Reserve")] {
        let id = functions::create(db, admin, &named(name), now).await.expect("function");
        objects.push((placeholder, id.to_string()));
    }
    for (placeholder, name) in [("{value}", "Betrokken"), ("{spare_value}", "Reserve")] {
        let id = core_values::create(db, admin, &named(name), now).await.expect("value");
        objects.push((placeholder, id.to_string()));
    }
    // One person to restrict and one restricted already, so neither call
    // depends on the order the table is run in.
    let free = crate::server::testing::member(db, admin.org, "Rik", Roles::default()).await.0;
    let frozen = crate::server::testing::member(db, admin.org, "Roos", Roles::default()).await.0;
    crate::server::service::restriction::restrict(db, admin, frozen, now).await.expect("restricted");
    objects.extend([("{person_to_restrict}", free.to_string()), ("{restricted_person}", frozen.to_string())]);
    let competency = competencies::create(db, admin, &named("Luisteren"), now).await.expect("competency");
    let spare = competencies::create(db, admin, &named("Reserve"), now).await.expect("competency");
    objects.extend([("{competency}", competency.to_string()), ("{spare_competency}", spare.to_string())]);
    // Both levels belong to the competency that stays, whatever is deleted first.
    for placeholder in ["{level}", "{spare_level}"] {
        let id = competencies::add_level(db, admin, competency, &level).await.expect("level");
        objects.push((placeholder, id.to_string()));
    }
    let keys = crate::server::testing::test_keyring();
    let template = GoalTemplateForm { kind: "performance".into(), title: "BHV".into(), ..Default::default() };
    for placeholder in ["{template}", "{spare_template}"] {
        let id = goals::create_template(db, &keys, admin, &template, now).await.expect("template");
        objects.push((placeholder, id.to_string()));
    }
    let template = objects.iter().find(|(p, _)| *p == "{template}").map(|(_, id)| id.parse().expect("id"));
    let unit = structure::create(db, admin, "Leeg", None, now).await.expect("unit");
    let to_unit =
        AssignTemplateForm { to: format!("unit:{unit}"), year: "2027".into(), due_on: String::new() };
    let template = crate::domain::ids::TemplateId(template.expect("template"));
    goals::assign(db, &keys, admin, template, &to_unit, "https://koers.example", now).await.expect("given");
    let details = goals::template_details(db, &keys, admin, template, chrono_tz::UTC).await.expect("details");
    objects.push(("{assignment}", details.assignments[0].id.clone()));
    for placeholder in ["{review_form}", "{spare_review_form}"] {
        let id = reviews::forms::create(db, admin, &named("Eindgesprek"), now).await.expect("review form");
        objects.push((placeholder, id.to_string()));
    }
    let form = objects.iter().find(|(p, _)| *p == "{review_form}").map(|(_, id)| id.parse().expect("id"));
    let form = crate::domain::ids::ReviewFormId(form.expect("review form"));
    let question = QuestionForm { kind: "open".into(), text_nl: "Terugblik".into(), ..Default::default() };
    for placeholder in ["{review_question}", "{spare_review_question}"] {
        let id = reviews::forms::add_question(db, admin, form, &question).await.expect("question");
        objects.push((placeholder, id.to_string()));
    }
    let year = CycleForm {
        name: "Cyclus 2027".into(),
        starts_on: "2027-01-01".into(),
        ends_on: "2027-12-31".into(),
        repeats_yearly: None,
        ..Default::default()
    };
    for placeholder in ["{review_cycle}", "{spare_review_cycle}"] {
        let id = reviews::cycles::create(db, admin, &year, now).await.expect("cycle");
        objects.push((placeholder, id.to_string()));
    }
    let cycle = objects.iter().find(|(p, _)| *p == "{review_cycle}").map(|(_, id)| id.parse().expect("id"));
    let cycle = crate::domain::ids::ReviewCycleId(cycle.expect("cycle"));
    let end = MomentForm {
        kind: "end".into(),
        opens_on: "2027-11-01".into(),
        closes_on: "2027-12-15".into(),
        writers: "both".into(),
        form: form.to_string(),
        ..Default::default()
    };
    for placeholder in ["{review_moment}", "{spare_review_moment}"] {
        let id = reviews::cycles::add_moment(db, admin, cycle, &end).await.expect("moment");
        objects.push((placeholder, id.to_string()));
    }
    objects
}

/// A fresh session for each call: one call (sign-out) must not change the next.
async fn cookie_of(world: &World, caller: Caller) -> Option<String> {
    let (_, holder) = world.holders.iter().find(|(c, _)| *c == caller)?;
    let token = session::start(&world.db, *holder, "test", &world.config.security, Utc::now())
        .await
        .expect("session");
    Some(format!("{}={}", session::cookie_name(false), token.expose()))
}

async fn call(world: &World, path: &str, body: &str, cookie: Option<&str>) -> StatusCode {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let request = request.body(Body::from(body.to_owned())).expect("request");
    world.app.clone().oneshot(request).await.expect("answer").status()
}

async fn every_server_function_enforces_its_rule(db: DatabaseConnection) {
    let world = world(db).await;
    let mut missing: Vec<&str> = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    for (path, method) in server_fn_paths() {
        let Some((_, body, rule)) = TABLE.iter().find(|(p, _, _)| *p == path) else {
            missing.push(path);
            continue;
        };
        assert_eq!(method, Method::POST, "{path} changes state only through POST");
        for caller in CALLERS {
            let cookie = cookie_of(&world, caller).await;
            let body = world.objects.iter().fold(
                body.replace("{caller}", &format!("{caller:?}").to_lowercase())
                    .replace("{target}", &world.target.to_string())
                    .replace("{target_session}", &world.target_session)
                    .replace("{first_org}", &world.first_org.to_string())
                    .replace("{unit}", &world.unit.to_string()),
                |body, (placeholder, id)| body.replace(placeholder, id),
            );
            let status = call(&world, path, &body, cookie.as_deref()).await.as_u16();
            if status != rule.expected(caller) {
                wrong.push(format!("{path} as {caller:?}: got {status}, expected {}", rule.expected(caller)));
            }
        }
    }
    assert!(missing.is_empty(), "server functions missing from the permission table: {missing:?}");
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(world.holders.len() + 1, CALLERS.len(), "every caller but the anonymous one has an account");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_enforces_its_rule_on_sqlite() {
    every_server_function_enforces_its_rule(TestDb::sqlite().await.db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_enforces_its_rule_on_postgres() {
    every_server_function_enforces_its_rule(TestDb::postgres().await.db).await;
}

/// Surveys of the first organisation: one run once and closed (its round
/// has results), and two that never opened, one of them to delete.
async fn survey_objects(
    db: &DatabaseConnection,
    admin: &OrgScope,
    unit: UnitId,
) -> Vec<(&'static str, String)> {
    use crate::domain::dto::surveys::SurveyForm;
    use crate::server::service::surveys::builder;

    let now = Utc::now();
    let form = SurveyForm {
        title_nl: "Peiling".into(),
        kind: "once".into(),
        open_days: "14".into(),
        ..Default::default()
    };
    let mut objects = Vec::new();
    let mut ids = Vec::new();
    for placeholder in ["{survey}", "{survey_draft}", "{spare_survey}"] {
        let id = builder::create(db, admin, &form, now).await.expect("survey");
        objects.push((placeholder, id.to_string()));
        ids.push(id);
    }
    builder::set_units(db, admin, ids[0], &[unit]).await.expect("units");
    let round = builder::schedule(db, admin, ids[0], "", chrono_tz::UTC, now).await.expect("opened");
    builder::close_now(db, admin, round, chrono_tz::UTC, now).await.expect("closed");
    objects.push(("{survey_round}", round.to_string()));
    let draft = builder::details(db, admin, ids[1], chrono_tz::UTC).await.expect("draft");
    objects.push(("{survey_question}", draft.questions[0].id.to_string()));
    objects.push(("{spare_survey_question}", draft.questions[1].id.to_string()));
    objects
}
