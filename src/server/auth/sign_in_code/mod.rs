//! Signing in without a password: a one-time code sent by e-mail or text
//! message (issue 3). An e-mail address gets the code by e-mail; a username
//! by text message to the account's number, or else by e-mail. Asking
//! answers the same whether or not an account matches, so it reveals
//! nothing about which accounts exist. A code has 50 random bits, works
//! once, for ten minutes, and counts as the first factor only: an account
//! with an authenticator app is asked for its code next.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use super::recipients::{Channel, recipients};
use super::session::Holder;
use super::sign_in::{Origin, SignedIn, first_factor_passed};
use super::throttle;
use super::token::{normalise_code, random_code, token_hash};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::server::config::SecurityConfig;
use crate::server::db::internal;
use crate::server::entity::{operator_account, sign_in_code, user_account};
use crate::server::messages::{enqueue_mail, enqueue_sms, sign_in_code_mail, sign_in_code_sms};

pub const VALID_MINUTES: u32 = 10;
/// Codes asked for one sign-in name: enough for a lost message, too few to flood anyone.
const REQUESTS_PER_NAME: throttle::Limit = throttle::Limit { failures: 3, window: Duration::minutes(15) };
const KIND: &str = "sign_in_code";

/// Sends a code to every active account with this sign-in name, if any.
pub async fn request(
    db: &DatabaseConnection,
    public_url: &str,
    identifier: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let name = identifier.trim().to_lowercase();
    let mut keys = vec![(format!("sign_in_code:{name}"), REQUESTS_PER_NAME)];
    if let Some(address) = origin.address {
        keys.push((throttle::address_key(address), throttle::PER_ADDRESS));
    }
    throttle::check(db, &keys, now).await?;
    for (key, limit) in &keys {
        throttle::record_failure(db, key, *limit, now).await.map_err(internal)?;
    }
    for recipient in recipients(db, &name).await? {
        let code = random_code(2, 5).to_uppercase();
        let (user_id, operator_id) = match recipient.holder {
            Holder::User { user, .. } => (Some(user), None),
            Holder::Operator { operator } => (None, Some(operator)),
        };
        let txn = db.begin().await.map_err(internal)?;
        sign_in_code::ActiveModel {
            code_hash: Set(token_hash(&normalise_code(&code))),
            user_id: Set(user_id),
            operator_id: Set(operator_id),
            created_at: Set(now),
            expires_at: Set(now + Duration::minutes(i64::from(VALID_MINUTES))),
            used_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(internal)?;
        match recipient.channel {
            Channel::Mail(address) => {
                let link = format!("{public_url}/login/code?code={code}");
                let mail = sign_in_code_mail(
                    recipient.language,
                    &address,
                    &recipient.name,
                    &code,
                    &link,
                    VALID_MINUTES,
                );
                enqueue_mail(&txn, recipient.org, KIND, mail, now).await.map_err(internal)?;
            }
            Channel::Sms(number) => {
                let sms = sign_in_code_sms(recipient.language, &number, &code, VALID_MINUTES);
                enqueue_sms(&txn, recipient.org, KIND, sms, now, now).await.map_err(internal)?;
            }
        }
        txn.commit().await.map_err(internal)?;
    }
    Ok(())
}

/// Signs in with a code from [`request`]. Wrong codes count per address
/// like wrong passwords; a used or expired code is as wrong as a made-up one.
pub async fn sign_in_with_code(
    db: &DatabaseConnection,
    config: &SecurityConfig,
    code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let keys: Vec<_> = origin
        .address
        .map(|address| (throttle::address_key(address), throttle::PER_ADDRESS))
        .into_iter()
        .collect();
    throttle::check(db, &keys, now).await?;
    let Some(holder) = use_up(db, code, now).await? else {
        for (key, limit) in &keys {
            throttle::record_failure(db, key, *limit, now).await.map_err(internal)?;
        }
        let failed = crate::server::audit::AuditEntry {
            request_id: origin.request_id.clone(),
            ..crate::server::audit::AuditEntry::system(None, AuditAction::SignInFailed)
        };
        crate::server::audit::record(db, failed, now).await.map_err(internal)?;
        return Err(AppError::SignInCodeInvalid);
    };
    first_factor_passed(db, config, holder, origin, now).await
}

/// The active account of a live, unused code, which is used up by this.
async fn use_up(db: &DatabaseConnection, code: &str, now: DateTime<Utc>) -> Result<Option<Holder>, AppError> {
    let hash = token_hash(&normalise_code(code));
    // Conditional, so the same code sent twice at once signs in only once.
    let claimed = sign_in_code::Entity::update_many()
        .col_expr(sign_in_code::Column::UsedAt, Expr::value(now))
        .filter(sign_in_code::Column::CodeHash.eq(&hash))
        .filter(sign_in_code::Column::UsedAt.is_null())
        .filter(sign_in_code::Column::ExpiresAt.gt(now))
        .exec(db)
        .await
        .map_err(internal)?;
    if claimed.rows_affected != 1 {
        return Ok(None);
    }
    let Some(row) = sign_in_code::Entity::find_by_id(hash).one(db).await.map_err(internal)? else {
        return Ok(None);
    };
    if let Some(user) = row.user_id {
        let account = user_account::Entity::find_by_id(user).one(db).await.map_err(internal)?;
        return Ok(account
            .filter(|u| u.deactivated_at.is_none())
            .map(|u| Holder::User { user: u.id, org: u.org_id }));
    }
    if let Some(operator) = row.operator_id {
        let account = operator_account::Entity::find_by_id(operator).one(db).await.map_err(internal)?;
        return Ok(account
            .filter(|o| o.deactivated_at.is_none())
            .map(|o| Holder::Operator { operator: o.id }));
    }
    Ok(None)
}

#[cfg(test)]
mod tests;
