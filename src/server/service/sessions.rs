//! The signed-in person's own sessions and password, as the account page
//! manages them: list every signed-in browser, end any of them, sign out
//! everywhere, change the password.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::dto::SessionSummary;
use crate::server::auth::Principal;
use crate::server::db::internal;
use crate::server::entity::session;

/// Sessions of the principal's account, most recently used first.
pub async fn list(
    db: &DatabaseConnection,
    principal: &Principal,
    current_hash: &str,
) -> Result<Vec<SessionSummary>, AppError> {
    let sessions = session::Entity::find()
        .filter(of(principal))
        .filter(session::Column::SecondFactorPending.eq(false))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await
        .map_err(internal)?;
    let time = |at: DateTime<Utc>| at.format("%Y-%m-%d %H:%M").to_string();
    Ok(sessions
        .into_iter()
        .map(|s| SessionSummary {
            is_current: s.token_hash == current_hash,
            signed_in_at: time(s.created_at),
            last_seen_at: time(s.last_seen_at),
            user_agent: s.user_agent,
            id: s.token_hash,
        })
        .collect())
}

/// Ends one of the principal's sessions; someone else's is not found.
pub async fn end_one(db: &DatabaseConnection, principal: &Principal, id: &str) -> Result<(), AppError> {
    let ended = session::Entity::delete_many()
        .filter(of(principal))
        .filter(session::Column::TokenHash.eq(id))
        .exec(db)
        .await
        .map_err(internal)?;
    if ended.rows_affected == 0 { Err(AppError::NotFound) } else { Ok(()) }
}

/// Ends every session of the principal's account but the one with `keep` as hash.
pub async fn end_others(db: &DatabaseConnection, principal: &Principal, keep: &str) -> Result<u64, AppError> {
    let ended = session::Entity::delete_many()
        .filter(of(principal))
        .filter(session::Column::TokenHash.ne(keep))
        .exec(db)
        .await
        .map_err(internal)?;
    Ok(ended.rows_affected)
}

/// Ends every session of the principal's account, this one included.
pub async fn end_all(db: &DatabaseConnection, principal: &Principal) -> Result<u64, AppError> {
    let ended = session::Entity::delete_many().filter(of(principal)).exec(db).await.map_err(internal)?;
    Ok(ended.rows_affected)
}

fn of(principal: &Principal) -> Condition {
    match principal {
        Principal::User(scope) => Condition::all()
            .add(session::Column::UserId.eq(scope.user.0))
            .add(session::Column::OrgId.eq(scope.org.0)),
        Principal::Operator(scope) => Condition::all().add(session::Column::OperatorId.eq(scope.operator.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::OperatorId;
    use crate::domain::roles::Roles;
    use crate::server::auth::session::{self as sessions, Holder};
    use crate::server::auth::{OperatorScope, OrgScope};
    use crate::server::config::SecurityConfig;
    use crate::server::service::accounts;
    use crate::server::testing::{self, for_each_backend};

    const SECURITY: SecurityConfig = crate::server::testing::TEST_SECURITY;

    async fn member(db: &DatabaseConnection) -> (Principal, Holder) {
        let org = testing::organisation(db, "De Linde").await;
        let (id, _) = testing::member(db, org, "Anna", Roles::default()).await;
        let scope = OrgScope { org, user: id, name: "Anna".into(), roles: Roles::default() };
        (Principal::User(scope), Holder::User { user: id.0, org: org.0 })
    }

    for_each_backend! {
        async fn a_person_sees_and_ends_only_their_own_sessions(db) {
            let (anna, anna_holder) = member(&db).await;
            let (_, bob_holder) = member(&db).await;
            let laptop = sessions::start(&db, anna_holder, "Firefox op laptop", &SECURITY, Utc::now()).await.expect("session");
            let phone = sessions::start(&db, anna_holder, "Safari op telefoon", &SECURITY, Utc::now()).await.expect("session");
            let bobs = sessions::start(&db, bob_holder, "Chrome", &SECURITY, Utc::now()).await.expect("session");

            let listed = list(&db, &anna, &laptop.hash()).await.expect("list");
            assert_eq!(listed.len(), 2);
            assert_eq!(listed.iter().filter(|s| s.is_current).map(|s| s.user_agent.as_str()).collect::<Vec<_>>(), ["Firefox op laptop"]);

            assert_eq!(end_one(&db, &anna, &bobs.hash()).await, Err(AppError::NotFound), "not someone else's");
            end_one(&db, &anna, &phone.hash()).await.expect("ended");
            assert!(sessions::resolve(&db, &phone, &SECURITY, Utc::now()).await.expect("lookup").is_none());

            assert_eq!(end_all(&db, &anna).await, Ok(1));
            assert!(sessions::resolve(&db, &bobs, &SECURITY, Utc::now()).await.expect("lookup").is_some());
        }

        async fn operators_have_sessions_of_their_own(db) {
            let email = format!("{}@koers.example", uuid::Uuid::new_v4().simple());
            let id = accounts::create_operator(&db, "Olga", &email, "paarse olifant op de fiets", Utc::now()).await.expect("operator");
            let olga = Principal::Operator(OperatorScope { operator: OperatorId(id.0), name: "Olga".into() });
            let token = sessions::start(&db, Holder::Operator { operator: id.0 }, "Edge", &SECURITY, Utc::now()).await.expect("session");
            assert_eq!(list(&db, &olga, &token.hash()).await.expect("list").len(), 1);
        }
    }
}
