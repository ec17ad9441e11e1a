//! The second factor of an account (issue 3): an authenticator app (TOTP)
//! with ten single-use recovery codes. Mandatory for admins of an
//! organisation and for all operator staff; any other user may set it up.
//!
//! An app is first *enrolled* (secret shown, not yet in force) and only
//! counts once a code from it was typed in, so nobody locks themselves out
//! with a half-scanned QR code. The shared secret is sealed under the
//! key-encryption key, bound to its row (DPA Bijlage 3).

mod qr;
mod recovery_codes;
mod totp;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, Set, TransactionTrait,
};

pub use recovery_codes::COUNT as RECOVERY_CODE_COUNT;
pub use totp::TotpSecret;

use super::session::Holder;
use super::sign_in::{Origin, record};
use super::throttle;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::server::config::KeyEncryptionKey;
use crate::server::crypto::{open_under_kek, seal_under_kek};
use crate::server::db::internal;
use crate::server::entity::{recovery_code, totp_credential};

/// What authenticator apps show above the codes.
pub const ISSUER: &str = "Koers";

/// Whether an account may not go without a second factor: every operator
/// and every admin, who can reach other people's accounts (DPA Bijlage 3).
pub fn is_required(holder: Holder, is_admin: bool) -> bool {
    matches!(holder, Holder::Operator { .. }) || is_admin
}

/// Whether the account has an authenticator app in force.
pub async fn is_enabled(db: &impl ConnectionTrait, holder: Holder) -> Result<bool, DbErr> {
    Ok(totp_credential::Entity::find()
        .filter(credentials_of(holder))
        .filter(totp_credential::Column::ConfirmedAt.is_not_null())
        .count(db)
        .await?
        > 0)
}

/// What the set-up page shows: the secret as a QR code and as text.
#[derive(Clone, Debug)]
pub struct Enrolment {
    pub secret_base32: String,
    pub provisioning_uri: String,
    pub qr_data_url: String,
}

/// Starts setting up a new authenticator app, replacing an earlier set-up
/// that was never confirmed. An app already in force stays in force until
/// the new one is confirmed.
pub async fn begin_enrolment(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    account_label: &str,
    now: DateTime<Utc>,
) -> Result<Enrolment, AppError> {
    let secret = TotpSecret::generate();
    store_unconfirmed(db, kek, holder, &secret, now).await.map_err(internal)?;
    let provisioning_uri = secret.provisioning_uri(ISSUER, account_label);
    let qr_data_url = qr::data_url(&provisioning_uri).ok_or_else(|| {
        tracing::error!("provisioning address too long for a QR code");
        AppError::Internal
    })?;
    Ok(Enrolment { secret_base32: secret.to_base32(), provisioning_uri, qr_data_url })
}

async fn store_unconfirmed(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    secret: &TotpSecret,
    now: DateTime<Utc>,
) -> Result<uuid::Uuid, DbErr> {
    totp_credential::Entity::delete_many()
        .filter(credentials_of(holder))
        .filter(totp_credential::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?;
    let id = uuid::Uuid::now_v7();
    let (user_id, operator_id) = owner_ids(holder);
    totp_credential::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        operator_id: Set(operator_id),
        sealed_secret: Set(seal_under_kek(kek, &secret_context(id), secret.bytes())),
        created_at: Set(now),
        confirmed_at: Set(None),
        last_used_step: Set(0),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Puts the app being set up in force once `code` is a current code from
/// it: the previous app (if any) stops working, and a fresh set of recovery
/// codes replaces the old one. Returns the codes, to be shown once. Without
/// an app being set up (say, the set-up page was left open too long and
/// reloaded elsewhere) no code can be right.
pub async fn confirm_enrolment(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let pending = totp_credential::Entity::find()
        .filter(credentials_of(holder))
        .filter(totp_credential::Column::ConfirmedAt.is_null())
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::SecondFactorInvalid)?;
    let step = open_secret(kek, &pending)?.verify(code, now, 0).ok_or(AppError::SecondFactorInvalid)?;
    let txn = db.begin().await.map_err(internal)?;
    totp_credential::Entity::delete_many()
        .filter(credentials_of(holder))
        .filter(totp_credential::Column::Id.ne(pending.id))
        .exec(&txn)
        .await
        .map_err(internal)?;
    totp_credential::ActiveModel {
        id: Set(pending.id),
        confirmed_at: Set(Some(now)),
        last_used_step: Set(step),
        ..Default::default()
    }
    .update(&txn)
    .await
    .map_err(internal)?;
    let codes = replace_recovery_codes(&txn, holder, now).await.map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    Ok(codes)
}

/// Puts an app with a known secret in force at once: for the demo accounts,
/// whose secret the README gives, and for tests.
pub async fn enrol_known_secret(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    secret: &TotpSecret,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let id = store_unconfirmed(db, kek, holder, secret, now).await?;
    totp_credential::ActiveModel { id: Set(id), confirmed_at: Set(Some(now)), ..Default::default() }
        .update(db)
        .await
        .map(|_| ())
}

/// How the second factor was given at sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proof {
    App,
    RecoveryCode,
}

/// Checks a code typed at sign-in: six digits from the app (each accepted
/// once), or one of the unused recovery codes (used up by this).
pub async fn verify(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    given: &str,
    now: DateTime<Utc>,
) -> Result<Option<Proof>, AppError> {
    if recovery_codes::looks_like_recovery_code(given) {
        let used = recovery_code::Entity::update_many()
            .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
            .filter(recovery_codes_of(holder))
            .filter(recovery_code::Column::CodeHash.eq(recovery_codes::hash(given)))
            .filter(recovery_code::Column::UsedAt.is_null())
            .exec(db)
            .await
            .map_err(internal)?;
        return Ok((used.rows_affected == 1).then_some(Proof::RecoveryCode));
    }
    let Some(credential) = totp_credential::Entity::find()
        .filter(credentials_of(holder))
        .filter(totp_credential::Column::ConfirmedAt.is_not_null())
        .one(db)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let Some(step) = open_secret(kek, &credential)?.verify(given, now, credential.last_used_step) else {
        return Ok(None);
    };
    // Conditional, so two requests racing with the same code cannot both win.
    let claimed = totp_credential::Entity::update_many()
        .col_expr(totp_credential::Column::LastUsedStep, Expr::value(step))
        .filter(totp_credential::Column::Id.eq(credential.id))
        .filter(totp_credential::Column::LastUsedStep.lt(step))
        .exec(db)
        .await
        .map_err(internal)?;
    Ok((claimed.rows_affected == 1).then_some(Proof::App))
}

/// [`verify`] for someone already at the door (sign-in, or a change to the
/// second factor itself): wrong codes are counted per account and, past the
/// limit, refused with the time to wait; each failure is audited.
pub async fn verify_limited(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    holder: Holder,
    given: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Proof, AppError> {
    let key = throttle::second_factor_key(holder);
    throttle::check(db, &[(key.clone(), throttle::PER_ACCOUNT)], now).await?;
    let Some(proof) = verify(db, kek, holder, given, now).await? else {
        throttle::record_failure(db, &key, throttle::PER_ACCOUNT, now).await.map_err(internal)?;
        record(db, holder, AuditAction::SecondFactorFailed, origin, now).await?;
        return Err(AppError::SecondFactorInvalid);
    };
    throttle::clear(db, &key).await.map_err(internal)?;
    if proof == Proof::RecoveryCode {
        record(db, holder, AuditAction::RecoveryCodeUsed, origin, now).await?;
    }
    Ok(proof)
}

/// Replaces the recovery codes with a fresh set, shown once.
pub async fn renew_recovery_codes(
    db: &DatabaseConnection,
    holder: Holder,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    if !is_enabled(db, holder).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    let txn = db.begin().await.map_err(internal)?;
    let codes = replace_recovery_codes(&txn, holder, now).await.map_err(internal)?;
    txn.commit().await.map_err(internal)?;
    Ok(codes)
}

pub async fn unused_recovery_codes(db: &DatabaseConnection, holder: Holder) -> Result<u64, DbErr> {
    recovery_code::Entity::find()
        .filter(recovery_codes_of(holder))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await
}

/// Removes the app and the recovery codes of the account.
pub async fn remove(db: &DatabaseConnection, holder: Holder) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    totp_credential::Entity::delete_many().filter(credentials_of(holder)).exec(&txn).await?;
    recovery_code::Entity::delete_many().filter(recovery_codes_of(holder)).exec(&txn).await?;
    txn.commit().await
}

async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    holder: Holder,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbErr> {
    recovery_code::Entity::delete_many().filter(recovery_codes_of(holder)).exec(db).await?;
    let codes = recovery_codes::generate();
    let (user_id, operator_id) = owner_ids(holder);
    let rows = codes.iter().map(|code| recovery_code::ActiveModel {
        code_hash: Set(recovery_codes::hash(code)),
        user_id: Set(user_id),
        operator_id: Set(operator_id),
        created_at: Set(now),
        used_at: Set(None),
    });
    recovery_code::Entity::insert_many(rows).exec(db).await?;
    Ok(codes)
}

fn open_secret(kek: &KeyEncryptionKey, credential: &totp_credential::Model) -> Result<TotpSecret, AppError> {
    open_under_kek(kek, &secret_context(credential.id), &credential.sealed_secret)
        .map(TotpSecret::from_bytes)
        .map_err(|error| {
            tracing::error!(%error, credential = %credential.id, "authenticator secret does not open");
            AppError::Internal
        })
}

fn secret_context(credential: uuid::Uuid) -> String {
    format!("koers-totp-secret-v1|{credential}")
}

fn owner_ids(holder: Holder) -> (Option<uuid::Uuid>, Option<uuid::Uuid>) {
    match holder {
        Holder::User { user, .. } => (Some(user), None),
        Holder::Operator { operator } => (None, Some(operator)),
    }
}

fn credentials_of(holder: Holder) -> Condition {
    match holder {
        Holder::User { user, .. } => Condition::all().add(totp_credential::Column::UserId.eq(user)),
        Holder::Operator { operator } => {
            Condition::all().add(totp_credential::Column::OperatorId.eq(operator))
        }
    }
}

fn recovery_codes_of(holder: Holder) -> Condition {
    match holder {
        Holder::User { user, .. } => Condition::all().add(recovery_code::Column::UserId.eq(user)),
        Holder::Operator { operator } => Condition::all().add(recovery_code::Column::OperatorId.eq(operator)),
    }
}

#[cfg(test)]
mod tests;
