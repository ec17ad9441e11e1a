//! The written declaration that an organisation's data was destroyed
//! (DPA 8.E): what, when, which key, and how many rows of each table.

use crate::i18n::{Key, Lang, format, text};

use super::mail::Mail;
use super::templates::escape;

pub struct Declaration<'a> {
    pub organisation: &'a str,
    /// The last day of the contract, `YYYY-MM-DD`.
    pub contract_end: &'a str,
    /// When the data was destroyed, as shown in the installation's time zone.
    pub destroyed_at: &'a str,
    pub key_fingerprint: &'a str,
    /// Rows destroyed per table.
    pub counts: &'a [(String, u64)],
}

pub fn declaration_mail(lang: Lang, to: &str, name: &str, declaration: &Declaration) -> Mail {
    let values = [
        ("name", name),
        ("organisation", declaration.organisation),
        ("date", declaration.destroyed_at),
        ("end", declaration.contract_end),
        ("key", declaration.key_fingerprint),
    ];
    let greeting = format(lang, Key::MailGreeting, &values);
    let body = format(lang, Key::MailDestructionBody, &values);
    let counts_title = text(lang, Key::MailDestructionCounts);
    let footer = text(lang, Key::MailDestructionFooter);
    let lines: Vec<String> =
        declaration.counts.iter().map(|(table, rows)| format!("{table}: {rows}")).collect();
    let items: String = lines.iter().map(|line| format!("<li>{}</li>", escape(line))).collect();
    Mail {
        to: to.to_owned(),
        subject: format(lang, Key::MailDestructionSubject, &values),
        text: format!("{greeting}\n\n{body}\n\n{counts_title}\n{}\n\n{footer}\n", lines.join("\n")),
        html: format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;line-height:1.5\">\
             <p>{greeting}</p><p>{body}</p><p>{counts_title}</p><ul>{items}</ul>\
             <p style=\"color:#5a6675\">{footer}</p></body></html>",
            lang = lang.code(),
            greeting = escape(&greeting),
            body = escape(&body),
            counts_title = escape(counts_title),
            footer = escape(footer),
        ),
    }
}
