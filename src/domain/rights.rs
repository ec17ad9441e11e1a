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
