use serde::{Deserialize, Serialize};

use crate::domain::ids::DocumentId;

/// A document as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: DocumentId,
    pub name: String,
    pub size: u64,
    /// Images and PDFs open in the browser; other kinds download.
    pub previewable: bool,
    /// Their name; `None` once the uploader's account was erased.
    pub uploaded_by: Option<String>,
    pub uploaded_at: String,
    pub may_delete: bool,
}

/// The documents on one holder, with what the viewer may do there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentList {
    pub documents: Vec<DocumentView>,
    pub may_add: bool,
    /// The largest file the server takes, for the page to say and check.
    pub max_megabytes: u64,
    /// What the file picker offers: the kinds the server keeps.
    pub accept: String,
    /// The person's name, for documents on a person.
    pub person: Option<String>,
}
