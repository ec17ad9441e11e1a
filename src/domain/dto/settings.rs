use serde::{Deserialize, Serialize};

use crate::domain::ids::UnitId;
use crate::domain::settings::Setting;

/// One setting as a settings page shows it: what this level chose, what
/// holds here and where that comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SettingRow {
    pub setting: Setting,
    /// This level's own choice; `None` inherits.
    pub own: Option<String>,
    /// The value in force here.
    pub effective: String,
    /// Where the value in force was chosen.
    pub source: SettingSource,
}

/// Where a setting's value in force was chosen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SettingSource {
    /// Nobody chose: Koers's default.
    Default,
    Organisation,
    /// This unit or one above it.
    Unit {
        id: UnitId,
        name: String,
    },
}
