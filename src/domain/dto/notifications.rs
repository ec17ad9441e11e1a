//! Notifications as the app shows them, and the settings of who wants which.

use serde::{Deserialize, Serialize};

use super::{GoalRef, PersonRef};
use crate::domain::ids::NotificationId;
use crate::domain::notifications::{Channels, NotificationKind};

/// One notification, composed when read from what it refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: NotificationId,
    pub kind: NotificationKind,
    /// Whom it is about (the owner of a submitted plan).
    pub about: Option<PersonRef>,
    /// The goal it is about, while the reader may see it.
    pub goal: Option<GoalRef>,
    /// The goal's due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub year: Option<i32>,
    /// `YYYY-MM-DD HH:MM` in the installation's time zone.
    pub at: String,
    pub read: bool,
}

/// The newest notifications and how many are unread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub unread: u32,
}

/// Where a person wants each kind of notification, and the weekly digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    pub kinds: Vec<(NotificationKind, Channels)>,
    pub weekly_digest: bool,
}

/// The settings form as sent: the codes of the kinds ticked per channel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettingsForm {
    #[serde(default)]
    pub by_email: Vec<String>,
    #[serde(default)]
    pub in_app: Vec<String>,
    /// `on` when ticked.
    #[serde(default)]
    pub weekly_digest: String,
}
