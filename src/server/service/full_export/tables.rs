//! Which tables a full export holds and how each finds the organisation's
//! rows: by its own `org_id`, or through the row it hangs on.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SimpleExpr};

use crate::domain::ids::OrgId;

/// How a table's rows belong to an organisation.
#[derive(Clone, Copy, Debug)]
pub enum Owner {
    /// The row holds `org_id`.
    Itself,
    /// The row's `column` holds the id of a row of `parent`, which holds `org_id`.
    Through { column: &'static str, parent: &'static str },
}

/// The organisation's business data, in an order a reader can follow.
/// Sign-in secrets and sessions are not part of it, nor the list of exports.
/// Nor are survey answers one by one: with their segments they could be
/// traced to the few who gave them, so surveys leave with their questions
/// and rounds, and their results only as the results page shows them,
/// through the anonymity engine (issue 9).
pub const EXPORTED: &[(&str, Owner)] = &[
    ("user_account", Owner::Itself),
    ("invitation", Owner::Itself),
    ("org_unit", Owner::Itself),
    ("unit_member", Owner::Through { column: "unit_id", parent: "org_unit" }),
    ("unit_manager", Owner::Through { column: "unit_id", parent: "org_unit" }),
    ("unit_setting", Owner::Through { column: "unit_id", parent: "org_unit" }),
    ("hr_reader_grant", Owner::Through { column: "unit_id", parent: "org_unit" }),
    ("manager_override", Owner::Through { column: "user_id", parent: "user_account" }),
    ("job_function", Owner::Itself),
    ("core_value", Owner::Itself),
    ("competency", Owner::Itself),
    ("competency_level", Owner::Through { column: "competency_id", parent: "competency" }),
    ("competency_function", Owner::Through { column: "competency_id", parent: "competency" }),
    ("competency_unit", Owner::Through { column: "competency_id", parent: "competency" }),
    ("organisation_setting", Owner::Itself),
    ("goal", Owner::Itself),
    ("key_result", Owner::Through { column: "goal_id", parent: "goal" }),
    ("goal_check_in", Owner::Through { column: "goal_id", parent: "goal" }),
    ("goal_plan", Owner::Through { column: "owner_id", parent: "user_account" }),
    ("goal_template", Owner::Itself),
    ("goal_template_assignment", Owner::Through { column: "template_id", parent: "goal_template" }),
    ("feedback", Owner::Itself),
    ("feedback_request", Owner::Itself),
    ("feedback_request_giver", Owner::Itself),
    ("private_note", Owner::Itself),
    ("one_on_one", Owner::Itself),
    ("one_on_one_meeting", Owner::Itself),
    ("one_on_one_point", Owner::Itself),
    ("one_on_one_action", Owner::Itself),
    ("review_form", Owner::Itself),
    ("review_question", Owner::Itself),
    ("review_cycle", Owner::Itself),
    ("review_cycle_scope", Owner::Through { column: "cycle_id", parent: "review_cycle" }),
    ("review_moment", Owner::Itself),
    ("review_reminder", Owner::Through { column: "moment_id", parent: "review_moment" }),
    ("review_evaluation", Owner::Itself),
    ("review_writing", Owner::Through { column: "evaluation_id", parent: "review_evaluation" }),
    ("review_nomination", Owner::Itself),
    ("review_calibration", Owner::Itself),
    ("talent_review", Owner::Itself),
    ("document", Owner::Itself),
    ("notification", Owner::Itself),
    ("notification_preference", Owner::Through { column: "user_id", parent: "user_account" }),
    ("digest_subscription", Owner::Through { column: "user_id", parent: "user_account" }),
    ("outbound_message", Owner::Itself),
    ("dpa_acceptance", Owner::Itself),
    ("sub_processor_objection", Owner::Itself),
    ("breach_tenant", Owner::Itself),
    ("rights_request", Owner::Itself),
    ("support_grant", Owner::Itself),
    ("survey", Owner::Itself),
    ("survey_question", Owner::Itself),
    ("survey_unit", Owner::Itself),
    ("survey_round", Owner::Itself),
    ("audit_event", Owner::Itself),
];

/// The condition that picks `org`'s rows of a table owned as `owner`.
pub fn rows_of(owner: Owner, org: OrgId) -> SimpleExpr {
    match owner {
        Owner::Itself => Expr::col(Alias::new("org_id")).eq(org.0),
        Owner::Through { column, parent } => Expr::col(Alias::new(column)).in_subquery(
            Query::select()
                .column(Alias::new("id"))
                .from(Alias::new(parent))
                .and_where(Expr::col(Alias::new("org_id")).eq(org.0))
                .to_owned(),
        ),
    }
}

/// Calls `$run::<entity::Entity>($args)` for the entity of `$table`.
macro_rules! for_table {
    ($table:expr, $run:ident($($args:expr),*)) => {{
        use crate::server::entity::*;
        match $table {
            "user_account" => $run::<user_account::Entity>($($args),*).await,
            "invitation" => $run::<invitation::Entity>($($args),*).await,
            "org_unit" => $run::<org_unit::Entity>($($args),*).await,
            "unit_member" => $run::<unit_member::Entity>($($args),*).await,
            "unit_manager" => $run::<unit_manager::Entity>($($args),*).await,
            "unit_setting" => $run::<unit_setting::Entity>($($args),*).await,
            "hr_reader_grant" => $run::<hr_reader_grant::Entity>($($args),*).await,
            "manager_override" => $run::<manager_override::Entity>($($args),*).await,
            "job_function" => $run::<job_function::Entity>($($args),*).await,
            "core_value" => $run::<core_value::Entity>($($args),*).await,
            "competency" => $run::<competency::Entity>($($args),*).await,
            "competency_level" => $run::<competency_level::Entity>($($args),*).await,
            "competency_function" => $run::<competency_function::Entity>($($args),*).await,
            "competency_unit" => $run::<competency_unit::Entity>($($args),*).await,
            "organisation_setting" => $run::<organisation_setting::Entity>($($args),*).await,
            "goal" => $run::<goal::Entity>($($args),*).await,
            "key_result" => $run::<key_result::Entity>($($args),*).await,
            "goal_check_in" => $run::<goal_check_in::Entity>($($args),*).await,
            "goal_plan" => $run::<goal_plan::Entity>($($args),*).await,
            "goal_template" => $run::<goal_template::Entity>($($args),*).await,
            "goal_template_assignment" => $run::<goal_template_assignment::Entity>($($args),*).await,
            "feedback" => $run::<feedback::Entity>($($args),*).await,
            "feedback_request" => $run::<feedback_request::Entity>($($args),*).await,
            "feedback_request_giver" => $run::<feedback_request_giver::Entity>($($args),*).await,
            "private_note" => $run::<private_note::Entity>($($args),*).await,
            "one_on_one" => $run::<one_on_one::Entity>($($args),*).await,
            "one_on_one_meeting" => $run::<one_on_one_meeting::Entity>($($args),*).await,
            "one_on_one_point" => $run::<one_on_one_point::Entity>($($args),*).await,
            "one_on_one_action" => $run::<one_on_one_action::Entity>($($args),*).await,
            "review_form" => $run::<review_form::Entity>($($args),*).await,
            "review_question" => $run::<review_question::Entity>($($args),*).await,
            "review_cycle" => $run::<review_cycle::Entity>($($args),*).await,
            "review_cycle_scope" => $run::<review_cycle_scope::Entity>($($args),*).await,
            "review_moment" => $run::<review_moment::Entity>($($args),*).await,
            "review_reminder" => $run::<review_reminder::Entity>($($args),*).await,
            "review_evaluation" => $run::<review_evaluation::Entity>($($args),*).await,
            "review_writing" => $run::<review_writing::Entity>($($args),*).await,
            "review_nomination" => $run::<review_nomination::Entity>($($args),*).await,
            "review_calibration" => $run::<review_calibration::Entity>($($args),*).await,
            "talent_review" => $run::<talent_review::Entity>($($args),*).await,
            "document" => $run::<document::Entity>($($args),*).await,
            "notification" => $run::<notification::Entity>($($args),*).await,
            "notification_preference" => $run::<notification_preference::Entity>($($args),*).await,
            "digest_subscription" => $run::<digest_subscription::Entity>($($args),*).await,
            "outbound_message" => $run::<outbound_message::Entity>($($args),*).await,
            "dpa_acceptance" => $run::<dpa_acceptance::Entity>($($args),*).await,
            "sub_processor_objection" => $run::<sub_processor_objection::Entity>($($args),*).await,
            "breach_tenant" => $run::<breach_tenant::Entity>($($args),*).await,
            "rights_request" => $run::<rights_request::Entity>($($args),*).await,
            "support_grant" => $run::<support_grant::Entity>($($args),*).await,
            "survey" => $run::<survey::Entity>($($args),*).await,
            "survey_question" => $run::<survey_question::Entity>($($args),*).await,
            "survey_unit" => $run::<survey_unit::Entity>($($args),*).await,
            "survey_round" => $run::<survey_round::Entity>($($args),*).await,
            "audit_event" => $run::<audit_event::Entity>($($args),*).await,
            other => {
                tracing::error!(table = other, "a table to export without an entity");
                Err(crate::domain::AppError::Internal)
            }
        }
    }};
}
pub(super) use for_table;
