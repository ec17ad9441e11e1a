//! The organisation's accountability documents, generated from the live
//! configuration for its admins and auditors (DPA 5.D): the register of
//! processing activities (GDPR art. 30) and the DPIA information pack the
//! processor owes the controller (DPA 3.H). Both read as a page and print
//! as PDF (`to_pdf`).

mod dpia;
mod facts;
mod register;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

pub use facts::Installation;

use crate::domain::AppError;
use crate::domain::dto::{DocumentSection, DocumentTable, PrivacyDocument};
use crate::domain::roles::Role;
use crate::i18n::{Key, Lang, format, text};
use crate::server::auth::OrgScope;
use crate::server::pdf::{Block, PdfDocument, render};

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    ProcessingActivities,
    DpiaPack,
}

/// The document for the viewer's organisation, in `lang`; for admins and auditors.
pub async fn document(
    db: &DatabaseConnection,
    viewer: &OrgScope,
    which: Register,
    installation: Installation,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<PrivacyDocument, AppError> {
    if !viewer.roles.has(Role::Admin) && !viewer.roles.has(Role::Auditor) {
        return Err(AppError::Forbidden);
    }
    let facts = facts::gather(db, viewer.org, installation, now).await?;
    let words = Words(lang);
    Ok(match which {
        Register::ProcessingActivities => register::build(&facts, words),
        Register::DpiaPack => dpia::build(&facts, words),
    })
}

/// The document as a PDF file.
pub fn to_pdf(document: &PrivacyDocument, lang: Lang) -> Vec<u8> {
    let mut blocks = vec![Block::Paragraph(document.subtitle.clone())];
    for section in &document.sections {
        blocks.push(Block::Heading(section.heading.clone()));
        blocks.extend(section.paragraphs.iter().cloned().map(Block::Paragraph));
        if !section.bullets.is_empty() {
            blocks.push(Block::Bullets(section.bullets.clone()));
        }
        if let Some(table) = &section.table {
            blocks.push(Block::Table { header: table.header.clone(), rows: table.rows.clone() });
        }
    }
    render(&PdfDocument {
        title: document.title.clone(),
        footer: document.subtitle.clone(),
        page_label: text(lang, Key::RegisterPage).to_owned(),
        blocks,
    })
}

/// The texts of one language, as the builders use them.
#[derive(Clone, Copy)]
struct Words(Lang);

impl Words {
    fn t(self, key: Key) -> String {
        text(self.0, key).to_owned()
    }

    fn f(self, key: Key, values: &[(&str, &str)]) -> String {
        format(self.0, key, values)
    }

    fn yes_no(self, yes: bool) -> String {
        self.t(if yes { Key::RegisterYes } else { Key::RegisterNo })
    }

    /// A section with a heading and paragraphs.
    fn section(self, heading: Key, paragraphs: &[Key]) -> DocumentSection {
        DocumentSection {
            heading: self.t(heading),
            paragraphs: paragraphs.iter().map(|key| self.t(*key)).collect(),
            ..Default::default()
        }
    }

    fn table(self, header: &[Key], rows: Vec<Vec<String>>) -> Option<DocumentTable> {
        Some(DocumentTable { header: header.iter().map(|key| self.t(*key)).collect(), rows })
    }
}

/// `value`, or a dash where the organisation left it empty.
fn or_dash(value: &str) -> String {
    if value.trim().is_empty() { "—".to_owned() } else { value.to_owned() }
}

#[cfg(test)]
mod tests;
