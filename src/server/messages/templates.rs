//! The texts of outgoing messages, from the translation files, in the
//! recipient's language; plain text and HTML.

use crate::i18n::{Key, Lang, format, text};

use super::mail::Mail;
use super::sms::Sms;

/// The mail with a link to choose a new password.
pub fn password_reset_mail(
    lang: Lang,
    to: &str,
    name: &str,
    organisation: &str,
    link: &str,
    hours: u32,
) -> Mail {
    let hours = hours.to_string();
    let values = [("name", name), ("organisation", organisation), ("hours", hours.as_str())];
    let greeting = format(lang, Key::MailGreeting, &values);
    let body = format(lang, Key::MailPasswordResetBody, &values);
    let action = text(lang, Key::MailPasswordResetAction);
    let ignore = text(lang, Key::MailPasswordResetIgnore);
    Mail {
        to: to.to_owned(),
        subject: text(lang, Key::MailPasswordResetSubject).to_owned(),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{ignore}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, ignore),
    }
}

/// The mail that invites a user to choose a password.
pub fn invitation_mail(lang: Lang, to: &str, name: &str, organisation: &str, link: &str, days: u32) -> Mail {
    let days = days.to_string();
    let values = [("name", name), ("organisation", organisation), ("days", days.as_str())];
    let greeting = format(lang, Key::MailGreeting, &values);
    let body = format(lang, Key::MailInvitationBody, &values);
    let action = text(lang, Key::MailInvitationAction);
    let footer = text(lang, Key::MailInvitationIgnore);
    Mail {
        to: to.to_owned(),
        subject: format(lang, Key::MailInvitationSubject, &values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, footer),
    }
}

/// The registration text message: short, with the link to choose a password.
pub fn invitation_sms(lang: Lang, to: &str, organisation: &str, link: &str, days: u32) -> Sms {
    let days = days.to_string();
    let values = [("organisation", organisation), ("link", link), ("days", days.as_str())];
    Sms { to: to.to_owned(), text: format(lang, Key::SmsInvitation, &values) }
}

/// A link to choose a new password, by text message.
pub fn password_reset_sms(lang: Lang, to: &str, link: &str, hours: u32) -> Sms {
    let hours = hours.to_string();
    Sms { to: to.to_owned(), text: format(lang, Key::SmsPasswordReset, &[("link", link), ("hours", &hours)]) }
}

/// A one-time sign-in code by e-mail, with a link that fills it in.
pub fn sign_in_code_mail(lang: Lang, to: &str, name: &str, code: &str, link: &str, minutes: u32) -> Mail {
    let minutes = minutes.to_string();
    let values = [("name", name), ("code", code), ("minutes", minutes.as_str())];
    let greeting = format(lang, Key::MailGreeting, &values);
    let body = format(lang, Key::MailSignInCodeBody, &values);
    let action = text(lang, Key::MailSignInCodeAction);
    let ignore = text(lang, Key::MailSignInCodeIgnore);
    Mail {
        to: to.to_owned(),
        subject: format(lang, Key::MailSignInCodeSubject, &values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{ignore}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, ignore),
    }
}

/// A one-time sign-in code by text message.
pub fn sign_in_code_sms(lang: Lang, to: &str, code: &str, minutes: u32) -> Sms {
    let minutes = minutes.to_string();
    Sms {
        to: to.to_owned(),
        text: format(lang, Key::SmsSignInCode, &[("code", code), ("minutes", &minutes)]),
    }
}

/// What happened to a goal plan, for the mail that tells the other party.
#[derive(Clone, Copy, Debug)]
pub enum PlanNews<'a> {
    /// To the manager: `owner` asks for approval.
    Submitted {
        owner: &'a str,
    },
    /// To the owner: sent back with a comment, which stays in Koers.
    Returned,
    Approved,
}

/// The mail about a goal plan; a manager's comment is never in it.
pub fn goal_plan_mail(lang: Lang, to: &str, name: &str, news: PlanNews<'_>, year: i32, link: &str) -> Mail {
    let year = year.to_string();
    let owner = match news {
        PlanNews::Submitted { owner } => owner,
        _ => "",
    };
    let values = [("name", name), ("owner", owner), ("year", year.as_str())];
    let (subject, body) = match news {
        PlanNews::Submitted { .. } => (Key::MailGoalPlanSubmittedSubject, Key::MailGoalPlanSubmittedBody),
        PlanNews::Returned => (Key::MailGoalPlanReturnedSubject, Key::MailGoalPlanReturnedBody),
        PlanNews::Approved => (Key::MailGoalPlanApprovedSubject, Key::MailGoalPlanApprovedBody),
    };
    let greeting = format(lang, Key::MailGreeting, &values);
    let body = format(lang, body, &values);
    let action = text(lang, Key::MailGoalPlanAction);
    let footer = text(lang, Key::MailGoalPlanFooter);
    Mail {
        to: to.to_owned(),
        subject: format(lang, subject, &values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, footer),
    }
}

/// The reminder that a goal is due; its title stays in Koers.
pub fn goal_due_mail(lang: Lang, to: &str, name: &str, due_on: &str, link: &str) -> Mail {
    let values = [("name", name), ("date", due_on)];
    notice_mail(lang, to, (Key::MailGoalDueSubject, Key::MailGoalDueBody), &values, Key::MailGoalAction, link)
}

/// The news that an admin gave the recipient a goal from a template.
pub fn goal_assigned_mail(lang: Lang, to: &str, name: &str, year: i32, link: &str) -> Mail {
    let year = year.to_string();
    let values = [("name", name), ("year", year.as_str())];
    let keys = (Key::MailGoalAssignedSubject, Key::MailGoalAssignedBody);
    notice_mail(lang, to, keys, &values, Key::MailGoalAction, link)
}

/// The news that `giver` gave the recipient feedback; the text stays in Koers.
pub fn feedback_received_mail(lang: Lang, to: &str, name: &str, giver: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", giver)];
    let keys = (Key::MailFeedbackReceivedSubject, Key::MailFeedbackReceivedBody);
    notice_mail(lang, to, keys, &values, Key::MailFeedbackAction, link)
}

/// To a manager: feedback about `report` for the managers only.
pub fn feedback_for_manager_mail(lang: Lang, to: &str, name: &str, report: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", report)];
    let keys = (Key::MailFeedbackForManagerSubject, Key::MailFeedbackForManagerBody);
    notice_mail(lang, to, keys, &values, Key::MailFeedbackAction, link)
}

/// To a colleague: `person` asks them for feedback by `deadline`, or
/// reminds them; the questions stay in Koers.
pub fn feedback_requested_mail(
    lang: Lang,
    to: &str,
    name: &str,
    person: &str,
    deadline: &str,
    reminder: bool,
    link: &str,
) -> Mail {
    let values = [("name", name), ("person", person), ("date", deadline)];
    let keys = if reminder {
        (Key::MailFeedbackReminderSubject, Key::MailFeedbackReminderBody)
    } else {
        (Key::MailFeedbackRequestedSubject, Key::MailFeedbackRequestedBody)
    };
    notice_mail(lang, to, keys, &values, Key::MailFeedbackAnswerAction, link)
}

/// To one of a 1:1's two people: it meets with `person` at `at`.
pub fn one_on_one_mail(lang: Lang, to: &str, name: &str, person: &str, at: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", person), ("at", at)];
    let keys = (Key::MailOneOnOneSubject, Key::MailOneOnOneBody);
    notice_mail(lang, to, keys, &values, Key::MailOneOnOneAction, link)
}

/// To the other party of an evaluation: `person` shared their writing.
pub fn evaluation_shared_mail(lang: Lang, to: &str, name: &str, person: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", person)];
    let keys = (Key::MailReviewSharedSubject, Key::MailReviewSharedBody);
    notice_mail(lang, to, keys, &values, Key::MailReviewAction, link)
}

/// To a writer on a moment's reminder date: `person`'s evaluation waits
/// for them, preferably by `date`.
pub fn review_reminder_mail(lang: Lang, to: &str, name: &str, person: &str, date: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", person), ("date", date)];
    let keys = (Key::MailReviewReminderSubject, Key::MailReviewReminderBody);
    notice_mail(lang, to, keys, &values, Key::MailReviewAction, link)
}

/// To someone a survey round is for: it is open until `date`.
pub fn survey_opened_mail(lang: Lang, to: &str, name: &str, title: &str, date: &str, link: &str) -> Mail {
    let values = [("name", name), ("title", title), ("date", date)];
    notice_mail(
        lang,
        to,
        (Key::MailSurveyOpenedSubject, Key::MailSurveyOpenedBody),
        &values,
        Key::MailSurveyAction,
        link,
    )
}

/// To someone who has not answered an open round yet.
pub fn survey_reminder_mail(lang: Lang, to: &str, name: &str, title: &str, date: &str, link: &str) -> Mail {
    let values = [("name", name), ("title", title), ("date", date)];
    let keys = (Key::MailSurveyReminderSubject, Key::MailSurveyReminderBody);
    notice_mail(lang, to, keys, &values, Key::MailSurveyAction, link)
}

/// To a colleague whose review the manager approved: `person` asks for it.
pub fn review_requested_mail(lang: Lang, to: &str, name: &str, person: &str, date: &str, link: &str) -> Mail {
    let values = [("name", name), ("person", person), ("date", date)];
    let keys = (Key::MailReviewRequestedSubject, Key::MailReviewRequestedBody);
    notice_mail(lang, to, keys, &values, Key::MailReviewRequestedAction, link)
}

/// To an organisation's admin: a new sub-processor `name`, used from
/// `date`, to which they may object within 14 days (DPA 4.C–D).
pub fn sub_processor_mail(lang: Lang, to: &str, person: &str, name: &str, date: &str, link: &str) -> Mail {
    let values = [("name", person), ("sub_processor", name), ("date", date)];
    let keys = (Key::MailSubProcessorSubject, Key::MailSubProcessorBody);
    notice_mail(lang, to, keys, &values, Key::MailSubProcessorAction, link)
}

/// To an organisation's admin or privacy contact: the contract ends on
/// `end`, the data is destroyed on `destroy` (DPA 8.A–B).
pub fn contract_end_mail(lang: Lang, to: &str, name: &str, (end, destroy): (&str, &str), link: &str) -> Mail {
    let values = [("name", name), ("end", end), ("destroy", destroy)];
    let keys = (Key::MailContractEndSubject, Key::MailContractEndBody);
    notice_mail(lang, to, keys, &values, Key::MailContractEndAction, link)
}

/// To an organisation's admin or privacy contact: a data subject's request
/// that reached the processor, received on `received`, forwarded (DPA 8.C).
pub fn rights_request_mail(
    lang: Lang,
    to: &str,
    name: &str,
    (received, (kind, requester, summary)): (&str, (&str, &str, &str)),
    link: &str,
) -> Mail {
    let values =
        [("name", name), ("date", received), ("kind", kind), ("requester", requester), ("summary", summary)];
    let keys = (Key::MailRightsRequestSubject, Key::MailRightsRequestBody);
    notice_mail(lang, to, keys, &values, Key::MailRightsRequestAction, link)
}

/// Whom an external person is asked to review, for which organisation,
/// until when.
pub struct ReviewAsk<'a> {
    pub name: &'a str,
    pub person: &'a str,
    pub organisation: &'a str,
    pub deadline: &'a str,
}

/// To someone outside the organisation: a single-use link to review an
/// employee without an account.
pub fn external_review_mail(lang: Lang, to: &str, ask: &ReviewAsk<'_>, link: &str) -> Mail {
    let values = [
        ("name", ask.name),
        ("person", ask.person),
        ("organisation", ask.organisation),
        ("date", ask.deadline),
    ];
    let greeting = format(lang, Key::MailExternalFeedbackGreeting, &values);
    let body = format(lang, Key::MailExternalReviewBody, &values);
    let action = text(lang, Key::MailExternalReviewAction);
    let footer = format(lang, Key::MailExternalReviewFooter, &values);
    Mail {
        to: to.to_owned(),
        subject: format(lang, Key::MailExternalReviewSubject, &values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, &footer),
    }
}

/// Who asks an external person for feedback, and until when.
pub struct ExternalAsk<'a> {
    pub name: &'a str,
    pub requester: &'a str,
    pub organisation: &'a str,
    pub deadline: &'a str,
    pub reminder: bool,
}

/// To someone outside the organisation: a single-use link to answer a
/// feedback request without an account.
pub fn external_feedback_mail(lang: Lang, to: &str, ask: &ExternalAsk<'_>, link: &str) -> Mail {
    let values = [
        ("name", ask.name),
        ("person", ask.requester),
        ("organisation", ask.organisation),
        ("date", ask.deadline),
    ];
    let subject = if ask.reminder {
        Key::MailExternalFeedbackReminderSubject
    } else {
        Key::MailExternalFeedbackSubject
    };
    let greeting = format(lang, Key::MailExternalFeedbackGreeting, &values);
    let body = format(lang, Key::MailExternalFeedbackBody, &values);
    let action = text(lang, Key::MailExternalFeedbackAction);
    let footer = format(lang, Key::MailExternalFeedbackFooter, &values);
    Mail {
        to: to.to_owned(),
        subject: format(lang, subject, &values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, &footer),
    }
}

/// What the weekly digest counts for its recipient.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DigestFigures {
    /// Their goals due within two weeks, not done.
    pub due_soon: u32,
    /// Their goals of this year at risk or behind.
    pub behind: u32,
    /// Goal plans of their reports waiting for their approval.
    pub awaiting_approval: u32,
    pub unread: u32,
}

impl DigestFigures {
    pub fn is_empty(&self) -> bool {
        *self == DigestFigures::default()
    }
}

/// The weekly digest: counts only, one line per figure that is not zero.
pub fn weekly_digest_mail(lang: Lang, to: &str, name: &str, figures: &DigestFigures, link: &str) -> Mail {
    let greeting = format(lang, Key::MailGreeting, &[("name", name)]);
    let intro = text(lang, Key::MailDigestIntro).to_owned();
    let lines: Vec<String> = [
        (figures.due_soon, Key::MailDigestDueSoon),
        (figures.behind, Key::MailDigestBehind),
        (figures.awaiting_approval, Key::MailDigestAwaitingApproval),
        (figures.unread, Key::MailDigestUnread),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, key)| format(lang, key, &[("count", &count.to_string())]))
    .collect();
    let action = text(lang, Key::MailGoalPlanAction);
    let footer = text(lang, Key::MailNotificationFooter);
    let mut paragraphs: Vec<&str> = vec![&greeting, &intro];
    paragraphs.extend(lines.iter().map(String::as_str));
    let listed: String = lines.iter().map(|line| format!("- {line}\n")).collect();
    Mail {
        to: to.to_owned(),
        subject: text(lang, Key::MailDigestSubject).to_owned(),
        text: format!("{greeting}\n\n{intro}\n{listed}\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &paragraphs, action, link, footer),
    }
}

/// A notification by e-mail: greeting, one paragraph, a link, and the
/// footer that says where to turn such mail off.
fn notice_mail(
    lang: Lang,
    to: &str,
    (subject, body): (Key, Key),
    values: &[(&str, &str)],
    action: Key,
    link: &str,
) -> Mail {
    let greeting = format(lang, Key::MailGreeting, values);
    let body = format(lang, body, values);
    let action = text(lang, action);
    let footer = text(lang, Key::MailNotificationFooter);
    Mail {
        to: to.to_owned(),
        subject: format(lang, subject, values),
        text: format!("{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{footer}\n"),
        html: html_page(lang, &[&greeting, &body], action, link, footer),
    }
}

pub(super) fn html_page(lang: Lang, paragraphs: &[&str], action: &str, link: &str, footer: &str) -> String {
    let paragraphs: String = paragraphs.iter().map(|p| format!("<p>{}</p>", escape(p))).collect();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;line-height:1.5\">\
         {paragraphs}<p><a href=\"{link}\">{action}</a></p><p style=\"color:#5a6675\">{footer}</p></body></html>",
        lang = lang.code(),
        link = escape(link),
        action = escape(action),
        footer = escape(footer),
    )
}

/// `text` safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_goal_plan_mails_name_the_owner_and_year_in_the_recipients_language() {
        let link = "https://k.example/goals?year=2027";
        let asked = goal_plan_mail(
            Lang::Nl,
            "a@example.org",
            "Ahmed",
            PlanNews::Submitted { owner: "Sanne" },
            2027,
            link,
        );
        assert_eq!(asked.subject, "Sanne vraagt je de doelen voor 2027 goed te keuren");
        let returned = goal_plan_mail(Lang::En, "s@example.org", "Sanne", PlanNews::Returned, 2027, link);
        assert_eq!(returned.subject, "Your goal plan for 2027 was returned");
        assert!(returned.text.contains(link) && returned.html.contains("Open your goals in Koers"));
    }

    #[test]
    fn the_digest_lists_only_the_figures_that_are_not_zero() {
        let figures = DigestFigures { due_soon: 2, behind: 0, awaiting_approval: 1, unread: 0 };
        let mail = weekly_digest_mail(Lang::En, "a@example.org", "Ann", &figures, "https://k.example/goals");
        assert!(mail.text.contains("- Goals due within two weeks: 2\n"), "{}", mail.text);
        assert!(mail.text.contains("- Goal plans waiting for your approval: 1\n"), "{}", mail.text);
        assert!(!mail.text.contains("behind") && !mail.text.contains("Unread"), "{}", mail.text);
        let dutch = weekly_digest_mail(Lang::Nl, "a@example.org", "Ann", &figures, "https://k.example/goals");
        assert_eq!(dutch.subject, "Je week in Koers");
    }

    #[test]
    fn the_reset_mail_speaks_the_recipients_language_and_escapes_html() {
        let mail = password_reset_mail(
            Lang::En,
            "a@example.org",
            "Ann <b>",
            "De Linde",
            "https://k.example/reset/x",
            1,
        );
        assert_eq!(mail.subject, "Choose a new password for Koers");
        assert!(mail.text.contains("https://k.example/reset/x"));
        assert!(mail.html.contains("Ann &lt;b&gt;") && !mail.html.contains("<b>"));
        let dutch =
            password_reset_mail(Lang::Nl, "a@example.org", "Ann", "De Linde", "https://k.example/reset/x", 1);
        assert_eq!(dutch.subject, "Kies een nieuw wachtwoord voor Koers");
    }
}
