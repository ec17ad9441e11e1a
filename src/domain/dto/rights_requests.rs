//! The processor's inbox of rights requests (issue 8, DPA 3.G, 8.C), as its
//! staff keep it and as the organisation reads what was forwarded to it.

use serde::{Deserialize, Serialize};

use super::DeadlineState;
use crate::domain::ids::{OrgId, RightsRequestId};
use crate::domain::rights::RightsRequestKind;
use crate::domain::validation::{Checks, FieldError, Problem};

/// Longest requester or summary, in characters.
pub const RIGHTS_REQUEST_TEXT_MAX: u32 = 4_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightsRequestView {
    pub id: RightsRequestId,
    pub org: OrgId,
    pub organisation: String,
    pub kind: RightsRequestKind,
    pub requester: String,
    pub summary: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    /// Five working days after receipt: the last day to forward it (8.C).
    pub forward_by: String,
    pub forwarding: DeadlineState,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightsRequestForm {
    #[serde(default)]
    pub org: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub requester: String,
    #[serde(default)]
    pub summary: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub received_on: String,
}

/// A rights-request form whose fields passed their own checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedRightsRequest {
    pub org: OrgId,
    pub kind: RightsRequestKind,
    pub requester: String,
    pub summary: String,
    pub received_on: String,
}

impl RightsRequestForm {
    pub fn validate(&self) -> Result<CheckedRightsRequest, Vec<FieldError>> {
        let mut c = Checks::default();
        // A value in place of a refused field is never used: `finish` fails.
        let org = self.org.trim().parse().map(OrgId).unwrap_or_else(|_| {
            c.fail("org", Problem::NotAChoice);
            OrgId(uuid::Uuid::nil())
        });
        let kind = RightsRequestKind::from_code(self.kind.trim()).unwrap_or_else(|| {
            c.fail("kind", Problem::NotAChoice);
            RightsRequestKind::Other
        });
        let checked = CheckedRightsRequest {
            org,
            kind,
            requester: c.text("requester", &self.requester, RIGHTS_REQUEST_TEXT_MAX),
            summary: c.text("summary", &self.summary, RIGHTS_REQUEST_TEXT_MAX),
            received_on: c.date("received_on", &self.received_on),
        };
        c.finish().map(|()| checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_needed_to_forward_a_request() {
        let errors = RightsRequestForm::default().validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["org", "kind", "requester", "summary", "received_on"]);
    }
}
