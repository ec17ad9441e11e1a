//! The rights a data subject exercises (GDPR art. 15–21; DPA 3.G).

use serde::{Deserialize, Serialize};

coded!(
    /// What a data subject asks for.
    RightsRequestKind {
        /// A copy of their data (art. 15).
        Access => "access", RightsAccess;
        Rectification => "rectification", RightsRectification;
        Erasure => "erasure", RightsErasure;
        Restriction => "restriction", RightsRestriction;
        /// Their data in a machine-readable form, to take elsewhere (art. 20).
        Portability => "portability", RightsPortability;
        Objection => "objection", RightsObjection;
        Other => "other", RightsOther;
    }
);

coded!(
    /// What an erasure does with what the person wrote about or for
    /// others: feedback they gave, reviews of colleagues, evaluations they
    /// wrote as manager (GDPR art. 17).
    AuthoredContent {
        /// Kept for the people it concerns, without the author's name.
        Anonymise => "anonymise", ErasureAnonymise;
        Delete => "delete", ErasureDelete;
    }
);

/// The admin's erasure of a person, confirmed by typing their name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureForm {
    #[serde(default)]
    pub authored: String,
    #[serde(default)]
    pub confirmation: String,
}

/// Where the erasure's own check still found the person's name, e-mail
/// address, username or phone number after it ran: rows per table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureOutcome {
    /// Whom the erasure was of, to say so once they are gone.
    pub name: String,
    pub traces: Vec<TraceCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceCount {
    pub table: String,
    pub rows: u32,
}
