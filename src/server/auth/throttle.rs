//! Slowing down password guessing: failed sign-ins are counted per account
//! name and per network address in a fixed window. Past the limit every
//! attempt is refused with the time to wait, whether the password is right
//! or not. The counters live in the database, so several app servers share
//! them.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set};

use crate::domain::AppError;
use crate::server::db::internal;
use crate::server::entity::login_throttle;

/// How many failures a key may have within `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub failures: i32,
    pub window: Duration,
}

/// Per account name: a person mistyping a few times is not locked out long.
pub const PER_ACCOUNT: Limit = Limit { failures: 5, window: Duration::minutes(15) };
/// Per address: an office behind one address has many users.
pub const PER_ADDRESS: Limit = Limit { failures: 30, window: Duration::minutes(15) };

pub fn account_key(identifier: &str) -> String {
    format!("account:{}", identifier.trim().to_lowercase())
}

/// Wrong second-factor codes of one account, counted apart from its passwords.
pub fn second_factor_key(holder: super::session::Holder) -> String {
    match holder {
        super::session::Holder::User { user, .. } => format!("second_factor:user:{user}"),
        super::session::Holder::Operator { operator } => format!("second_factor:operator:{operator}"),
    }
}

pub fn address_key(address: std::net::IpAddr) -> String {
    format!("address:{address}")
}

/// Refuses when any of the keys has used up its failures in its window.
pub async fn check(
    db: &DatabaseConnection,
    keys: &[(String, Limit)],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut wait = Duration::zero();
    for (key, limit) in keys {
        let row = login_throttle::Entity::find_by_id(key.clone()).one(db).await.map_err(internal)?;
        if let Some(row) = row {
            let window_end = row.window_start + limit.window;
            if row.failures >= limit.failures && now < window_end {
                wait = wait.max(window_end - now);
            }
        }
    }
    if wait > Duration::zero() {
        // Rounded up: "try again in 0 seconds" must not happen.
        let seconds = (wait.num_milliseconds() + 999) / 1000;
        let retry_after_seconds = u32::try_from(seconds).unwrap_or(u32::MAX);
        return Err(AppError::RateLimited { retry_after_seconds });
    }
    Ok(())
}

/// Counts one failure for `key`, starting a new window when the last one ended.
pub async fn record_failure(
    db: &DatabaseConnection,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let within_window = login_throttle::Entity::update_many()
        .col_expr(login_throttle::Column::Failures, Expr::col(login_throttle::Column::Failures).add(1))
        .filter(login_throttle::Column::Key.eq(key))
        .filter(login_throttle::Column::WindowStart.gt(now - limit.window))
        .exec(db)
        .await?;
    if within_window.rows_affected > 0 {
        return Ok(());
    }
    let restarted = login_throttle::Entity::update_many()
        .col_expr(login_throttle::Column::Failures, Expr::value(1))
        .col_expr(login_throttle::Column::WindowStart, Expr::value(now))
        .filter(login_throttle::Column::Key.eq(key))
        .exec(db)
        .await?;
    if restarted.rows_affected == 0 {
        let first = login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(1),
            window_start: Set(now),
        };
        if let Err(error) = first.insert(db).await {
            // Another server counted the first failure at the same moment.
            if error.sql_err().is_none() {
                return Err(error);
            }
        }
    }
    Ok(())
}

/// Forgets the failures of an account name after a successful sign-in.
pub async fn clear(db: &DatabaseConnection, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::delete_by_id(key.to_owned()).exec(db).await.map(|_| ())
}
