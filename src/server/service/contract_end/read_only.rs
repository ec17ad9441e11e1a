//! After its contract ends an organisation keeps its data within reach
//! (DPA 3.N, 8.B): its people sign in, read and export, and change nothing.
//! The server functions that stay open are listed here; every other one is
//! refused, so a function added later is closed until it is listed.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::domain::AppError;
use crate::domain::ids::OrgId;
use crate::server::db::internal;
use crate::server::entity::organisation;

/// Server functions (their path under `/api/`) that read, or that concern
/// only the caller's own session and account security.
const STILL_OPEN: &[&str] = &[
    "account/end_session",
    "account/sessions",
    "account/sign_out_everywhere",
    "audit_log/organisation",
    "competencies/list",
    "current_viewer",
    "evaluations/calibration",
    "evaluations/details",
    "evaluations/mine",
    "evaluations/progress",
    "evaluations/review_request",
    "evaluations/review_requests",
    "evaluations/talent",
    "feedback/choices",
    "feedback/list",
    "feedback_requests/externals",
    "feedback_requests/list",
    "feedback_requests/to_answer",
    // The full export stays open to the end (DPA 8.B).
    "full_export/start",
    "full_export/latest",
    "registers/dpia",
    "registers/processing",
    "support/grants",
    "functions/list",
    "documents/list",
    "goal_templates/choices",
    "goal_templates/details",
    "goal_templates/list",
    "goals/choices",
    "goals/details",
    "goals/list",
    "goals/plan",
    "goals/team",
    "goals/units",
    "language",
    "notes/list",
    "notifications/list",
    "notifications/open",
    "notifications/read_all",
    "notifications/settings",
    "notifications/unread",
    "one_on_ones/details",
    "one_on_ones/list",
    "org/level",
    "org/search",
    "org/team",
    "people/details",
    "people/list",
    "privacy/breaches",
    "privacy/rights_requests",
    "privacy/sub_processors",
    "review_cycles/details",
    "review_cycles/list",
    "review_forms/details",
    "review_forms/list",
    "second_factor/begin",
    "second_factor/confirm",
    "second_factor/overview",
    "second_factor/renew_recovery_codes",
    "settings/organisation",
    "settings/unit",
    "sign_out",
    "structure/tree",
    "structure/unit",
    "values/list",
];

/// Whether a member of an organisation whose contract ended may call the
/// server function at `path` (`/api/goals/list`).
pub fn is_allowed_after_end(path: &str) -> bool {
    path.strip_prefix("/api/").is_some_and(|name| STILL_OPEN.contains(&name))
}

/// The day the organisation's data will be destroyed, when its contract
/// has ended on or before `today`: until then it can only read and export.
pub async fn read_only_until(
    db: &impl ConnectionTrait,
    org: OrgId,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, AppError> {
    let found = organisation::Entity::find_by_id(org.0).one(db).await.map_err(internal)?;
    Ok(found.and_then(|o| read_only_until_of(&o, today)))
}

/// `read_only_until` for an organisation already loaded.
pub fn read_only_until_of(org: &organisation::Model, today: NaiveDate) -> Option<NaiveDate> {
    match (org.contract_end, org.destroy_on) {
        (Some(end), Some(destroy_on)) if end <= today => Some(destroy_on),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stays_open_and_changing_is_closed_after_the_contract_ends() {
        assert!(is_allowed_after_end("/api/goals/list"));
        assert!(is_allowed_after_end("/api/sign_out"));
        assert!(is_allowed_after_end("/api/full_export/start"), "the full export stays open (8.B)");
        assert!(is_allowed_after_end("/api/full_export/latest"));
        assert!(!is_allowed_after_end("/api/goals/create"));
        assert!(!is_allowed_after_end("/api/people/invite"));
        assert!(!is_allowed_after_end("/goals/list"), "only server functions");
    }
}
