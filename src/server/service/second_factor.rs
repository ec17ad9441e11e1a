//! Setting up, renewing and turning off one's own second factor (issue 3).
//! Every change is audited. New recovery codes and turning it off take a
//! current code, so a session left open on someone's desk cannot quietly
//! strip the account of its second factor.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{SecondFactorEnrolment, SecondFactorOverview, SecondFactorStatus};
use crate::server::auth::second_factor;
use crate::server::auth::sign_in::{Origin, record};
use crate::server::auth::{Principal, SignedInAccount};
use crate::server::config::KeyEncryptionKey;
use crate::server::db::internal;
use crate::server::entity::{operator_account, user_account};

pub async fn overview(
    db: &DatabaseConnection,
    account: &SignedInAccount,
) -> Result<SecondFactorOverview, AppError> {
    let holder = account.principal.holder();
    Ok(SecondFactorOverview {
        status: account.second_factor,
        can_turn_off: !second_factor::is_required(holder, is_admin(&account.principal)),
        unused_recovery_codes: second_factor::unused_recovery_codes(db, holder).await.map_err(internal)?,
    })
}

/// A new secret for an authenticator app, not in force until confirmed.
pub async fn begin_setup(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    account: &SignedInAccount,
    now: DateTime<Utc>,
) -> Result<SecondFactorEnrolment, AppError> {
    let label = account_label(db, &account.principal).await?;
    let enrolment = second_factor::begin_enrolment(db, kek, account.principal.holder(), &label, now).await?;
    Ok(SecondFactorEnrolment {
        secret: enrolment.secret_base32,
        provisioning_uri: enrolment.provisioning_uri,
        qr_image: enrolment.qr_data_url,
    })
}

/// Puts the app being set up in force with a first code from it; returns
/// the new recovery codes, to be shown once.
pub async fn confirm_setup(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    account: &SignedInAccount,
    code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let holder = account.principal.holder();
    let codes = second_factor::confirm_enrolment(db, kek, holder, code, now).await?;
    record(db, holder, AuditAction::SecondFactorEnabled, origin, now).await?;
    Ok(codes)
}

/// A fresh set of recovery codes in exchange for a current code.
pub async fn renew_recovery_codes(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    account: &SignedInAccount,
    code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let holder = require_on(account)?;
    second_factor::verify_limited(db, kek, holder, code, origin, now).await?;
    let codes = second_factor::renew_recovery_codes(db, holder, now).await?;
    record(db, holder, AuditAction::RecoveryCodesRenewed, origin, now).await?;
    Ok(codes)
}

/// Removes the app and the recovery codes, for accounts that may go without.
pub async fn turn_off(
    db: &DatabaseConnection,
    kek: &KeyEncryptionKey,
    account: &SignedInAccount,
    code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let holder = require_on(account)?;
    if second_factor::is_required(holder, is_admin(&account.principal)) {
        return Err(AppError::SecondFactorMandatory);
    }
    second_factor::verify_limited(db, kek, holder, code, origin, now).await?;
    second_factor::remove(db, holder).await.map_err(internal)?;
    record(db, holder, AuditAction::SecondFactorDisabled, origin, now).await
}

fn require_on(account: &SignedInAccount) -> Result<crate::server::auth::session::Holder, AppError> {
    if account.second_factor == SecondFactorStatus::On {
        Ok(account.principal.holder())
    } else {
        Err(AppError::NotFound)
    }
}

fn is_admin(principal: &Principal) -> bool {
    matches!(principal, Principal::User(scope) if scope.roles.admin)
}

/// How the authenticator app names the account: its sign-in name.
async fn account_label(db: &DatabaseConnection, principal: &Principal) -> Result<String, AppError> {
    let label = match principal {
        Principal::User(scope) => user_account::Entity::find_by_id(scope.user.0)
            .one(db)
            .await
            .map_err(internal)?
            .and_then(|user| user.email.or(user.username)),
        Principal::Operator(scope) => operator_account::Entity::find_by_id(scope.operator.0)
            .one(db)
            .await
            .map_err(internal)?
            .map(|operator| operator.email),
    };
    Ok(label.unwrap_or_else(|| match principal {
        Principal::User(scope) => scope.name.clone(),
        Principal::Operator(scope) => scope.name.clone(),
    }))
}
