//! The written notice of a breach (DPA 7.A) and its follow-ups (7.C). Unlike
//! other notices, it carries the facts themselves: the agreement asks the
//! processor to hand the controller all that is known, in writing.

use crate::i18n::{Key, Lang, format, text};

use super::mail::Mail;
use super::templates::html_page;

/// The facts of one notice, as text in the installation's time zone.
pub struct BreachMail<'a> {
    pub discovered: &'a str,
    pub nature: &'a str,
    /// Categories of data subjects and their approximate number.
    pub subjects: (&'a str, &'a str),
    /// Categories of records and their approximate number.
    pub records: (&'a str, &'a str),
    pub consequences: &'a str,
    pub measures: &'a str,
    pub contact_point: &'a str,
}

/// To an affected organisation's admin or privacy contact: the notice of 7.A.
pub fn breach_notice_mail(lang: Lang, to: &str, name: &str, facts: &BreachMail, link: &str) -> Mail {
    let approximately = |(categories, count): (&str, &str)| {
        format(lang, Key::BreachesApproximately, &[("categories", categories), ("count", count)])
    };
    let line = |label: Key, value: &str| format!("{}: {value}", text(lang, label));
    let paragraphs = [
        format(lang, Key::MailGreeting, &[("name", name)]),
        format(lang, Key::MailBreachBody, &[("date", facts.discovered)]),
        line(Key::BreachesNature, facts.nature),
        line(Key::BreachesSubjects, &approximately(facts.subjects)),
        line(Key::BreachesRecords, &approximately(facts.records)),
        line(Key::BreachesConsequences, facts.consequences),
        line(Key::BreachesMeasures, facts.measures),
        line(Key::BreachesContactPoint, facts.contact_point),
        text(lang, Key::BreachesControllersDuty).to_owned(),
    ];
    written(lang, to, format(lang, Key::MailBreachSubject, &[("date", facts.discovered)]), &paragraphs, link)
}

/// To the same people: news on the breach discovered at `discovered` (7.C).
pub fn breach_update_mail(
    lang: Lang,
    to: &str,
    name: &str,
    (discovered, body): (&str, &str),
    link: &str,
) -> Mail {
    let paragraphs = [
        format(lang, Key::MailGreeting, &[("name", name)]),
        format(lang, Key::MailBreachUpdateBody, &[("date", discovered)]),
        body.to_owned(),
    ];
    let subject = format(lang, Key::MailBreachUpdateSubject, &[("date", discovered)]);
    written(lang, to, subject, &paragraphs, link)
}

fn written(lang: Lang, to: &str, subject: String, paragraphs: &[String], link: &str) -> Mail {
    let action = text(lang, Key::MailBreachAction);
    let footer = text(lang, Key::MailBreachFooter);
    let paragraph_refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    Mail {
        to: to.to_owned(),
        subject,
        text: format!("{}\n\n{action}:\n{link}\n\n{footer}\n", paragraphs.join("\n\n")),
        html: html_page(lang, &paragraph_refs, action, link, footer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_carries_every_fact_of_dpa_7a_in_the_readers_language() {
        let facts = BreachMail {
            discovered: "2026-12-07 09:00",
            nature: "Een back-up stond open",
            subjects: ("Medewerkers", "40"),
            records: ("Doelen", "120"),
            consequences: "Inzage door derden",
            measures: "Toegang gesloten",
            contact_point: "privacy@koers.example",
        };
        let mail =
            breach_notice_mail(Lang::Nl, "femke@linde.example", "Femke", &facts, "https://k.example/p");
        for fact in ["Een back-up stond open", "Medewerkers", "40", "Doelen", "120", "Inzage door derden"] {
            assert!(mail.text.contains(fact), "{fact} missing from {}", mail.text);
        }
        assert!(mail.text.contains("Toegang gesloten") && mail.text.contains("privacy@koers.example"));
        assert!(mail.subject.contains("2026-12-07 09:00"));
        assert!(mail.html.contains("Een back-up stond open"));
        let english = breach_notice_mail(Lang::En, "f@l.example", "Femke", &facts, "https://k.example/p");
        assert_ne!(english.subject, mail.subject);
    }
}
