//! The second factor, from set-up to sign-in (issue 3; DPA Bijlage 3).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::totp::step_of;
use super::*;
use crate::domain::roles::Roles;
use crate::server::auth::session;
use crate::server::auth::sign_in::{Origin, SignedIn, complete_second_factor, sign_in};
use crate::server::testing::{self, TEST_PASSWORD, TEST_SECURITY, for_each_backend, test_kek};

/// A user with an authenticator app in force whose secret the test knows.
async fn user_with_app(db: &DatabaseConnection) -> (Holder, String, TotpSecret) {
    let org = testing::organisation(db, "Testorganisatie").await;
    let (user, email) = testing::member(db, org, "Anna", Roles::default()).await;
    let holder = Holder::User { user: user.0, org: org.0 };
    let secret = TotpSecret::generate();
    enrol_known_secret(db, &test_kek(), holder, &secret, Utc::now()).await.expect("enrolled");
    (holder, email, secret)
}

fn code_at(secret: &TotpSecret, at: DateTime<Utc>) -> String {
    secret.code_at_step(step_of(at))
}

/// Six digits that are not a code of `secret` near `at`.
fn wrong_code(secret: &TotpSecret, at: DateTime<Utc>) -> String {
    let near: Vec<String> = (-1..=1).map(|d| secret.code_at_step(step_of(at) + d)).collect();
    (0..4).map(|n| format!("{n}{n}{n}{n}{n}{n}")).find(|c| !near.contains(c)).unwrap_or_default()
}

async fn password_step(db: &DatabaseConnection, email: &str, now: DateTime<Utc>) -> SignedIn {
    sign_in(db, &TEST_SECURITY, email, TEST_PASSWORD, &Origin::default(), now)
        .await
        .expect("password accepted")
}

async fn code_step(
    db: &DatabaseConnection,
    pending: &SignedIn,
    code: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    complete_second_factor(db, &test_kek(), &TEST_SECURITY, &pending.token, code, &Origin::default(), now)
        .await
}

for_each_backend! {
    async fn an_app_counts_only_after_a_first_code_from_it(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (user, _) = testing::member(&db, org, "Anna", Roles::default()).await;
        let holder = Holder::User { user: user.0, org: org.0 };
        let now = Utc::now();
        let enrolment = begin_enrolment(&db, &test_kek(), holder, "anna@example.org", now).await.expect("begun");
        assert!(!is_enabled(&db, holder).await.expect("status"), "scanned is not yet confirmed");
        assert!(enrolment.provisioning_uri.contains(&enrolment.secret_base32));

        let secret = TotpSecret::from_base32(&enrolment.secret_base32).expect("secret");
        let wrong = confirm_enrolment(&db, &test_kek(), holder, &wrong_code(&secret, now), now).await;
        assert_eq!(wrong.err(), Some(AppError::SecondFactorInvalid));
        assert!(!is_enabled(&db, holder).await.expect("status"));

        let codes = confirm_enrolment(&db, &test_kek(), holder, &code_at(&secret, now), now).await.expect("confirmed");
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        assert!(is_enabled(&db, holder).await.expect("status"));
        assert_eq!(unused_recovery_codes(&db, holder).await.expect("count"), RECOVERY_CODE_COUNT as u64);
    }

    async fn the_secret_is_stored_sealed_under_the_key_encryption_key(db) {
        let (_, _, secret) = user_with_app(&db).await;
        let stored = totp_credential::Entity::find().one(&db).await.expect("read").expect("credential");
        assert!(!stored.sealed_secret.windows(secret.bytes().len()).any(|w| w == secret.bytes()));
        let other_kek = crate::server::config::KeyEncryptionKey::from_base64(
            "HxwdHhobGBkWFxQVEhMQEQ4PDA0KCwgJBgcEBQIDAAE=",
        )
        .expect("key");
        assert!(open_secret(&other_kek, &stored).is_err(), "another key opens nothing");
        assert_eq!(open_secret(&test_kek(), &stored).expect("opens").bytes(), secret.bytes());
    }

    async fn with_an_app_the_password_alone_signs_nobody_in(db) {
        let (_, email, secret) = user_with_app(&db).await;
        let now = Utc::now();
        let pending = password_step(&db, &email, now).await;
        assert!(pending.awaiting_second_factor);
        let found = session::resolve(&db, &pending.token, &TEST_SECURITY, now).await.expect("lookup");
        assert!(found.is_some_and(|s| s.second_factor_pending), "the session waits for the code");

        let signed_in = code_step(&db, &pending, &code_at(&secret, now), now).await.expect("signed in");
        assert!(!signed_in.awaiting_second_factor);
        assert!(session::resolve(&db, &pending.token, &TEST_SECURITY, now).await.expect("lookup").is_none(),
            "the waiting session is replaced by one with a fresh token");
        let full = session::resolve(&db, &signed_in.token, &TEST_SECURITY, now).await.expect("lookup");
        assert!(full.is_some_and(|s| !s.second_factor_pending));
    }

    async fn a_code_is_accepted_only_once(db) {
        let (_, email, secret) = user_with_app(&db).await;
        let now = Utc::now();
        let code = code_at(&secret, now);
        let first = password_step(&db, &email, now).await;
        code_step(&db, &first, &code, now).await.expect("first use");
        let second = password_step(&db, &email, now).await;
        assert_eq!(code_step(&db, &second, &code, now).await.err(), Some(AppError::SecondFactorInvalid));
    }

    async fn a_recovery_code_replaces_the_app_once(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (user, email) = testing::member(&db, org, "Anna", Roles::default()).await;
        let holder = Holder::User { user: user.0, org: org.0 };
        let now = Utc::now();
        let enrolment = begin_enrolment(&db, &test_kek(), holder, &email, now).await.expect("begun");
        let secret = TotpSecret::from_base32(&enrolment.secret_base32).expect("secret");
        let codes = confirm_enrolment(&db, &test_kek(), holder, &code_at(&secret, now), now).await.expect("on");

        let later = now + Duration::minutes(5);
        let pending = password_step(&db, &email, later).await;
        let typed = codes[3].to_uppercase().replace('-', " ");
        code_step(&db, &pending, &typed, later).await.expect("recovery code accepted");
        assert_eq!(unused_recovery_codes(&db, holder).await.expect("count"), RECOVERY_CODE_COUNT as u64 - 1);
        let again = password_step(&db, &email, later).await;
        assert_eq!(code_step(&db, &again, &codes[3], later).await.err(), Some(AppError::SecondFactorInvalid));
    }

    async fn wrong_codes_are_rate_limited_like_passwords(db) {
        let (_, email, secret) = user_with_app(&db).await;
        let now = Utc::now();
        let pending = password_step(&db, &email, now).await;
        let right = code_at(&secret, now);
        let wrong = wrong_code(&secret, now);
        for _ in 0..5 {
            assert_eq!(code_step(&db, &pending, &wrong, now).await.err(), Some(AppError::SecondFactorInvalid));
        }
        let limited = code_step(&db, &pending, &right, now).await;
        assert!(matches!(limited, Err(AppError::RateLimited { .. })), "{limited:?}");
        let actions = crate::server::entity::audit_event::Entity::find().all(&db).await.expect("audit");
        let failures = actions.iter().filter(|e| e.action == "auth.second_factor_failed").count();
        assert_eq!(failures, 5);
    }

    async fn a_sign_in_waiting_too_long_for_its_code_must_start_again(db) {
        let (_, email, secret) = user_with_app(&db).await;
        let now = Utc::now();
        let pending = password_step(&db, &email, now).await;
        let late = now + session::SECOND_FACTOR_WAIT;
        assert_eq!(
            code_step(&db, &pending, &code_at(&secret, late), late).await.err(),
            Some(AppError::SecondFactorExpired)
        );
    }

    async fn a_new_app_replaces_the_old_one_only_when_confirmed(db) {
        let (holder, _, old) = user_with_app(&db).await;
        let now = Utc::now() + Duration::minutes(1);
        let enrolment = begin_enrolment(&db, &test_kek(), holder, "anna", now).await.expect("begun");
        let pending = pending_step_check(&db, holder, &old, now).await;
        assert!(pending, "the old app still works while the new one is being set up");
        let new = TotpSecret::from_base32(&enrolment.secret_base32).expect("secret");
        let later = now + Duration::minutes(1);
        confirm_enrolment(&db, &test_kek(), holder, &code_at(&new, later), later).await.expect("confirmed");
        let even_later = later + Duration::minutes(1);
        assert!(!pending_step_check(&db, holder, &old, even_later).await, "the old app stopped working");
        assert!(pending_step_check(&db, holder, &new, even_later).await);
    }
}

/// Whether a current code of `secret` is accepted for `holder` at `now`.
async fn pending_step_check(
    db: &DatabaseConnection,
    holder: Holder,
    secret: &TotpSecret,
    now: DateTime<Utc>,
) -> bool {
    verify(db, &test_kek(), holder, &code_at(secret, now), now).await.expect("checked").is_some()
}
