//! Server-side sessions (issue 3): an opaque 256-bit random token in an
//! HttpOnly, SameSite=Lax cookie (`__Host-` and Secure over HTTPS); only its
//! SHA-256 is stored. A session ends after `session_idle_minutes` without a
//! request or `session_absolute_hours` after sign-in, whichever comes first.

use chrono::{DateTime, Duration, Utc};
use cookie::{Cookie, SameSite};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set};

use super::token::{random_token, token_hash};
use crate::server::config::SecurityConfig;
use crate::server::entity::session;

/// Who a new session belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    User { user: uuid::Uuid, org: uuid::Uuid },
    Operator { operator: uuid::Uuid },
}

/// The secret in the cookie. Not `Serialize`, not printed.
pub struct SessionToken(String);

impl SessionToken {
    fn generate() -> SessionToken {
        SessionToken(random_token())
    }

    pub fn from_cookie(value: &str) -> SessionToken {
        SessionToken(value.to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database keeps instead of the token.
    pub fn hash(&self) -> String {
        token_hash(&self.0)
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken([redacted])")
    }
}

/// The cookie's name: with the `__Host-` prefix over HTTPS, which browsers
/// only accept from a secure origin, for the whole site, without a domain.
pub fn cookie_name(https: bool) -> &'static str {
    if https { "__Host-koers_session" } else { "koers_session" }
}

pub fn session_cookie(token: &SessionToken, https: bool) -> String {
    Cookie::build((cookie_name(https), token.expose().to_owned()))
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .build()
        .to_string()
}

/// Tells the browser to forget the session cookie.
pub fn clearing_cookie(https: bool) -> String {
    Cookie::build((cookie_name(https), ""))
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// How long a sign-in may wait for its second factor after the password.
pub const SECOND_FACTOR_WAIT: Duration = Duration::minutes(10);

/// Starts a session with a fresh token (sign-in always rotates it).
pub async fn start(
    db: &DatabaseConnection,
    holder: Holder,
    user_agent: &str,
    config: &SecurityConfig,
    now: DateTime<Utc>,
) -> Result<SessionToken, DbErr> {
    let expires_at = now + Duration::hours(i64::from(config.session_absolute_hours));
    insert(db, holder, user_agent, now, expires_at, false).await
}

/// Starts a session that signs nobody in yet: the password was right and
/// the second factor is still to come, within [`SECOND_FACTOR_WAIT`].
pub async fn start_awaiting_second_factor(
    db: &DatabaseConnection,
    holder: Holder,
    user_agent: &str,
    now: DateTime<Utc>,
) -> Result<SessionToken, DbErr> {
    insert(db, holder, user_agent, now, now + SECOND_FACTOR_WAIT, true).await
}

async fn insert(
    db: &DatabaseConnection,
    holder: Holder,
    user_agent: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    second_factor_pending: bool,
) -> Result<SessionToken, DbErr> {
    let token = SessionToken::generate();
    let (user_id, org_id, operator_id) = match holder {
        Holder::User { user, org } => (Some(user), Some(org), None),
        Holder::Operator { operator } => (None, None, Some(operator)),
    };
    session::ActiveModel {
        token_hash: Set(token.hash()),
        user_id: Set(user_id),
        operator_id: Set(operator_id),
        org_id: Set(org_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        user_agent: Set(user_agent.chars().take(200).collect()),
        second_factor_pending: Set(second_factor_pending),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The account a session belongs to.
pub fn holder_of(found: &session::Model) -> Option<Holder> {
    match (found.user_id, found.org_id, found.operator_id) {
        (Some(user), Some(org), None) => Some(Holder::User { user, org }),
        (None, None, Some(operator)) => Some(Holder::Operator { operator }),
        _ => None,
    }
}

/// The live session behind a token, if any. Expired sessions are removed;
/// a live one is marked as seen (at most once a minute, to spare writes).
pub async fn resolve(
    db: &DatabaseConnection,
    token: &SessionToken,
    config: &SecurityConfig,
    now: DateTime<Utc>,
) -> Result<Option<session::Model>, DbErr> {
    let hash = token.hash();
    let Some(found) = session::Entity::find_by_id(hash.clone()).one(db).await? else {
        return Ok(None);
    };
    let idle_limit = Duration::minutes(i64::from(config.session_idle_minutes));
    if now >= found.expires_at || now - found.last_seen_at >= idle_limit {
        session::Entity::delete_by_id(hash).exec(db).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= Duration::minutes(1) {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::TokenHash.eq(hash))
            .exec(db)
            .await?;
    }
    Ok(Some(found))
}

pub async fn end(db: &DatabaseConnection, token: &SessionToken) -> Result<(), DbErr> {
    session::Entity::delete_by_id(token.hash()).exec(db).await.map(|_| ())
}

/// Ends every session of a user at once (deactivation, "sign out everywhere").
pub async fn end_all_of_user(db: &DatabaseConnection, user: uuid::Uuid) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many().filter(session::Column::UserId.eq(user)).exec(db).await?.rows_affected)
}

#[cfg(test)]
mod tests;
