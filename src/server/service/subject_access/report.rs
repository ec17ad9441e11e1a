//! The subject-access export as a readable HTML page in the admin's
//! language: one self-contained file to print or hand over, with what was
//! withheld for review at the top.

use std::fmt::Write as _;

use serde_json::Value;

use super::{PersonalDataExport, Section};
use crate::i18n::{Key, Lang, format, text};
use crate::server::messages::escape;
use crate::server::service::local_time;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
color:#1c2733}h2{margin-top:2rem;border-bottom:1px solid #ccd}dl{display:grid;grid-template-columns:\
minmax(10rem,max-content) 1fr;gap:.2rem 1rem;padding:.6rem;border:1px solid #dde;border-radius:4px}\
dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}.review{background:#fff6dc;\
padding:.5rem 1rem;border-radius:4px}";

/// The page for `export`, times shown in `time_zone`.
pub fn to_html(export: &PersonalDataExport, lang: Lang, time_zone: chrono_tz::Tz) -> String {
    let title = format(lang, Key::SubjectAccessTitle, &[("name", &export.person.name)]);
    let produced = format(
        lang,
        Key::SubjectAccessProduced,
        &[("organisation", &export.organisation), ("at", &local_time::shown(export.produced_at, time_zone))],
    );
    let mut page = format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>{STYLE}</style></head><body><h1>{title}</h1><p>{produced}</p><p>{intro}</p>",
        code = lang.code(),
        title = escape(&title),
        produced = escape(&produced),
        intro = escape(text(lang, Key::SubjectAccessIntro)),
    );
    review_box(&mut page, export, lang);
    for section in &export.sections {
        section_html(&mut page, section, lang);
    }
    page.push_str("</body></html>");
    page
}

fn review_box(page: &mut String, export: &PersonalDataExport, lang: Lang) {
    let _ = write!(
        page,
        "<section class=\"review\"><h2>{}</h2><p>{}</p><ul>",
        escape(text(lang, Key::SubjectAccessReviewTitle)),
        escape(text(lang, Key::SubjectAccessReviewIntro)),
    );
    for withheld in &export.withheld {
        let label = label(lang, &format!("subject_access.withheld.{}", withheld.name));
        let _ = write!(page, "<li>{}: {}</li>", escape(&label), withheld.count);
    }
    for mention in &export.named_in {
        let label = label(lang, &format!("subject_access.named.{}.{}", mention.table, mention.column));
        let _ = write!(page, "<li>{}: {}</li>", escape(&label), mention.count);
    }
    page.push_str("</ul></section>");
}

fn section_html(page: &mut String, section: &Section, lang: Lang) {
    let title = label(lang, &format!("subject_access.section.{}", section.name));
    let _ = write!(page, "<section><h2>{} ({})</h2>", escape(&title), section.rows.len());
    if section.rows.is_empty() {
        let _ = write!(page, "<p>{}</p>", escape(text(lang, Key::SubjectAccessNone)));
    }
    for row in &section.rows {
        page.push_str("<dl>");
        for (column, value) in row {
            let field = label(lang, &format!("subject_access.field.{column}"));
            let _ = write!(page, "<dt>{}</dt><dd>{}</dd>", escape(&field), escape(&shown(value, lang)));
        }
        page.push_str("</dl>");
    }
    page.push_str("</section>");
}

fn shown(value: &Value, lang: Lang) -> String {
    match value {
        Value::Null => "—".to_owned(),
        Value::Bool(true) => text(lang, Key::SubjectAccessYes).to_owned(),
        Value::Bool(false) => text(lang, Key::SubjectAccessNo).to_owned(),
        Value::String(text) => text.clone(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

/// The text of the translation key named `id`; the id itself for a key
/// that does not exist (the tests of this module keep that from shipping).
pub(super) fn label(lang: Lang, id: &str) -> String {
    match Key::ALL.iter().find(|key| key.id() == id) {
        Some(key) => text(lang, *key).to_owned(),
        None => id.to_owned(),
    }
}
