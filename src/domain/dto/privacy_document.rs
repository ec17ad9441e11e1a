//! A document an organisation keeps for its accountability, built on the
//! server in the reader's language from the live configuration: the
//! register of processing activities (GDPR art. 30) and the DPIA
//! information pack (DPA 3.H). The page and the PDF render the same.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyDocument {
    pub title: String,
    /// Whose it is and as of when.
    pub subtitle: String,
    pub sections: Vec<DocumentSection>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
    pub table: Option<DocumentTable>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
