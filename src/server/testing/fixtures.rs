//! Shared building blocks for tests: one key-encryption key, one security
//! configuration, and a fresh organisation with a member, so each test
//! states only what is particular to it.

use chrono::Utc;
use sea_orm::DatabaseConnection;

use crate::domain::ids::{OperatorId, OrgId, UserId};
use crate::domain::roles::Roles;
use crate::i18n::Lang;
use crate::server::auth::second_factor::{self, TotpSecret};
use crate::server::auth::session::Holder;
use crate::server::auth::{OperatorScope, OrgScope};
use crate::server::config::{KeyEncryptionKey, SecurityConfig};
use crate::server::crypto::{KeyStore, Keyring};
use crate::server::service::{accounts, organisations};

/// A password that passes the strength rule.
pub const TEST_PASSWORD: &str = "paarse olifant op de fiets";

/// Session timeouts as in the shipped `Leptos.toml`.
pub const TEST_SECURITY: SecurityConfig = SecurityConfig {
    session_idle_minutes: 30,
    session_absolute_hours: 12,
    key_encryption_key: None,
    key_store_directory: std::path::PathBuf::new(),
};

/// The key-encryption key of every test (bytes 0 to 31).
pub fn test_kek() -> KeyEncryptionKey {
    KeyEncryptionKey::from_base64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").expect("valid key")
}

/// The test key-encryption key with a key store shared by all tests (each
/// organisation has a file of its own there).
pub fn test_keyring() -> Keyring {
    Keyring { kek: test_kek(), store: KeyStore::new(std::env::temp_dir().join("koers-test-key-store")) }
}

/// A fresh organisation with its data key.
pub async fn organisation(db: &DatabaseConnection, name: &str) -> OrgId {
    organisations::create(db, &test_keyring(), name, Utc::now()).await.expect("organisation")
}

/// A user of `org` with a unique e-mail address and [`TEST_PASSWORD`];
/// returns the user and that address.
pub async fn member(db: &DatabaseConnection, org: OrgId, name: &str, roles: Roles) -> (UserId, String) {
    let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
    let user = accounts::NewUser { name, email: Some(&email), language: Lang::Nl, roles };
    let id = accounts::create_user(db, org, user, Some(TEST_PASSWORD), Utc::now()).await.expect("user");
    (id, email)
}

/// A member of `org` with `roles`, as the services see them when signed in.
pub async fn scope(db: &DatabaseConnection, org: OrgId, name: &str, roles: Roles) -> OrgScope {
    let (user, _) = member(db, org, name, roles).await;
    OrgScope { org, user, name: name.into(), roles }
}

/// A member of the processor's staff with a unique e-mail address, as the
/// services see them when signed in.
pub async fn operator(db: &DatabaseConnection) -> OperatorScope {
    let email = format!("{}@koers.example", uuid::Uuid::new_v4().simple());
    let id =
        accounts::create_operator(db, "Olga", &email, TEST_PASSWORD, Utc::now()).await.expect("operator");
    OperatorScope { operator: OperatorId(id.0), name: "Olga".into() }
}

/// Puts an authenticator app in force for `holder` (as admins and operators
/// must have); returns its secret, from which a test computes codes.
pub async fn enrol_app(db: &DatabaseConnection, holder: Holder) -> TotpSecret {
    let secret = TotpSecret::generate();
    second_factor::enrol_known_secret(db, &test_kek(), holder, &secret, Utc::now())
        .await
        .expect("app enrolled");
    secret
}
