use serde::{Deserialize, Serialize};

use super::SecondFactorStatus;

/// How many recovery codes a set has.
pub const RECOVERY_CODE_COUNT: usize = 10;

/// The account page's view of the second factor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorOverview {
    pub status: SecondFactorStatus,
    /// Whether the account may turn it off (not admins, not operator staff).
    pub can_turn_off: bool,
    pub unused_recovery_codes: u64,
}

/// A new authenticator app being set up: what it must scan or be given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorEnrolment {
    /// The shared secret in Base32, for typing into an app by hand.
    pub secret: String,
    /// The `otpauth://` address, for a phone that opens it directly.
    pub provisioning_uri: String,
    /// The same address as a QR code image (`data:image/svg+xml`).
    pub qr_image: String,
}
