//! Sealing an organisation's content under its data key.

use super::keys::{DataKey, KeyError, open, seal};
use crate::domain::ids::OrgId;

/// What a sealed value is: part of its associated data, so a private note
/// can never be opened as, say, feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Goal,
    Evaluation,
    Feedback,
    /// Questions of a feedback request and who outside was asked.
    FeedbackRequest,
    PrivateNote,
    /// Talking points, action items and notes of 1:1 conversations.
    Conversation,
    SurveyComment,
    Document,
}

impl Purpose {
    const fn code(self) -> &'static str {
        match self {
            Purpose::Goal => "goal",
            Purpose::Evaluation => "evaluation",
            Purpose::Feedback => "feedback",
            Purpose::FeedbackRequest => "feedback_request",
            Purpose::PrivateNote => "private_note",
            Purpose::Conversation => "conversation",
            Purpose::SurveyComment => "survey_comment",
            Purpose::Document => "document",
        }
    }
}

/// Seals and opens content of one organisation.
pub struct TenantCipher {
    org: OrgId,
    key: DataKey,
}

impl TenantCipher {
    pub fn new(org: OrgId, key: DataKey) -> Self {
        TenantCipher { org, key }
    }

    pub fn org(&self) -> OrgId {
        self.org
    }

    /// Encrypts `plaintext` for the record `record_id` of kind `purpose`.
    pub fn seal(&self, purpose: Purpose, record_id: &str, plaintext: &[u8]) -> Vec<u8> {
        seal(&self.key.0, &self.context(purpose, record_id), plaintext)
    }

    pub fn open(&self, purpose: Purpose, record_id: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        open(&self.key.0, &self.context(purpose, record_id), sealed)
    }

    pub fn seal_text(&self, purpose: Purpose, record_id: &str, text: &str) -> Vec<u8> {
        self.seal(purpose, record_id, text.as_bytes())
    }

    pub fn open_text(&self, purpose: Purpose, record_id: &str, sealed: &[u8]) -> Result<String, KeyError> {
        String::from_utf8(self.open(purpose, record_id, sealed)?).map_err(|_| KeyError::Undecryptable)
    }

    fn context(&self, purpose: Purpose, record_id: &str) -> Vec<u8> {
        format!("koers-content-v1|{}|{}|{record_id}", self.org, purpose.code()).into_bytes()
    }
}
