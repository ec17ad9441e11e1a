//! Outgoing messages. A service enqueues a message in `outbound_message`
//! (in the same transaction as the change it reports, where it has one); the
//! worker delivers it over SMTP or the SMS provider's HTTP API, or in
//! development into an outbox directory,
//! and retries with growing pauses while the mail server fails, so no
//! message is lost. Several app servers may run workers: each claims a
//! message before delivering it.

mod breach_mail;
mod declaration_mail;
mod mail;
mod outbox;
mod sms;
mod templates;
mod worker;

pub use breach_mail::{BreachMail, breach_notice_mail, breach_update_mail};
pub use declaration_mail::{Declaration, declaration_mail};
pub use mail::{Mail, MailTransport};
pub use outbox::{Delivery, Transports, deliver_due, enqueue_mail, enqueue_mail_at, enqueue_sms};
pub use sms::{Sms, SmsTransport};
pub use templates::{
    DigestFigures, ExternalAsk, PlanNews, ReviewAsk, contract_end_mail, escape, evaluation_shared_mail,
    external_feedback_mail, external_review_mail, feedback_for_manager_mail, feedback_received_mail,
    feedback_requested_mail, goal_assigned_mail, goal_due_mail, goal_plan_mail, invitation_mail,
    invitation_sms, one_on_one_mail, password_reset_mail, password_reset_sms, review_reminder_mail,
    review_requested_mail, rights_request_mail, sign_in_code_mail, sign_in_code_sms, sub_processor_mail,
    survey_opened_mail, survey_reminder_mail, weekly_digest_mail,
};
pub use worker::{Wakeup, spawn_worker};

#[cfg(test)]
mod tests;
