//! Job functions (issue 4): admins keep the list, named in Dutch and
//! English; everyone sees them; a person holds at most one. A function of
//! another organisation is not found.

use std::collections::HashMap;

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::AppError;
use crate::domain::dto::JobFunction;
use crate::domain::ids::{FunctionId, OrgId, UserId};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::{job_function, user_account};

/// The name of every function of `org`, in both languages, by id.
pub async fn names(
    db: &impl sea_orm::ConnectionTrait,
    org: OrgId,
) -> Result<HashMap<uuid::Uuid, crate::domain::dto::FunctionName>, AppError> {
    Ok(job_function::Entity::find()
        .filter(job_function::Column::OrgId.eq(org.0))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| (f.id, crate::domain::dto::FunctionName { nl: f.name_nl, en: f.name_en }))
        .collect())
}

/// Every function of the organisation, by Dutch name.
pub async fn list(db: &DatabaseConnection, org: OrgId) -> Result<Vec<JobFunction>, AppError> {
    let functions = job_function::Entity::find()
        .filter(job_function::Column::OrgId.eq(org.0))
        .order_by_asc(job_function::Column::NameNl)
        .all(db)
        .await
        .map_err(internal)?;
    let mut holders: HashMap<uuid::Uuid, u64> = HashMap::new();
    for person in user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::FunctionId.is_not_null())
        .all(db)
        .await
        .map_err(internal)?
    {
        if let Some(function) = person.function_id {
            *holders.entry(function).or_default() += 1;
        }
    }
    Ok(functions
        .into_iter()
        .map(|f| JobFunction {
            id: FunctionId(f.id),
            people: holders.get(&f.id).copied().unwrap_or(0),
            name_nl: f.name_nl,
            name_en: f.name_en,
            description_nl: f.description_nl,
            description_en: f.description_en,
        })
        .collect())
}

super::bilingual::bilingual_rows!(job_function, FunctionId);

/// Deletes a function; the people who held it hold none.
pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, function: FunctionId) -> Result<(), AppError> {
    owned(db, admin, function).await?;
    user_account::Entity::update_many()
        .col_expr(user_account::Column::FunctionId, Expr::value(Option::<uuid::Uuid>::None))
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .filter(user_account::Column::FunctionId.eq(function.0))
        .exec(db)
        .await
        .map_err(internal)?;
    job_function::Entity::delete_by_id(function.0).exec(db).await.map(|_| ()).map_err(internal)
}

/// Gives a person of the organisation a function, or none.
pub async fn assign(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    function: Option<FunctionId>,
) -> Result<(), AppError> {
    if let Some(function) = function {
        owned(db, admin, function).await?;
    }
    let changed = user_account::Entity::update_many()
        .col_expr(user_account::Column::FunctionId, Expr::value(function.map(|f| f.0)))
        .filter(user_account::Column::Id.eq(user.0))
        .filter(user_account::Column::OrgId.eq(admin.org.0))
        .exec(db)
        .await
        .map_err(internal)?;
    if changed.rows_affected == 0 { Err(AppError::NotFound) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::dto::BilingualForm;
    use crate::domain::roles::Roles;
    use crate::domain::validation::Problem;
    use crate::i18n::Lang;
    use crate::server::testing::{self, for_each_backend};

    const ADMIN: Roles = Roles { manager: false, admin: true, auditor: false };

    async fn admin(db: &DatabaseConnection) -> OrgScope {
        let org = testing::organisation(db, "De Linde").await;
        let (user, _) = testing::member(db, org, "Femke", ADMIN).await;
        OrgScope { org, user, name: "Femke".into(), roles: ADMIN }
    }

    fn form(nl: &str, en: &str) -> BilingualForm {
        BilingualForm { name_nl: nl.into(), name_en: en.into(), ..Default::default() }
    }

    for_each_backend! {
        async fn functions_are_named_in_both_languages_and_held_by_people(db) {
            let admin = admin(&db).await;
            let nurse = create(&db, &admin, &form("Verpleegkundige", "Nurse"), Utc::now()).await.expect("created");
            create(&db, &admin, &form("Teamleider", ""), Utc::now()).await.expect("created");
            let (sanne, _) = testing::member(&db, admin.org, "Sanne", Roles::default()).await;
            assign(&db, &admin, sanne, Some(nurse)).await.expect("assigned");

            let functions = list(&db, admin.org).await.expect("list");
            let shown: Vec<(&str, &str, u64)> = functions.iter().map(|f| (f.name(Lang::Nl), f.name(Lang::En), f.people)).collect();
            assert_eq!(shown, [("Teamleider", "Teamleider", 0), ("Verpleegkundige", "Nurse", 1)], "English falls back to Dutch");

            let empty = create(&db, &admin, &form("  ", "Nurse"), Utc::now()).await;
            assert!(matches!(empty, Err(AppError::Invalid { ref errors }) if errors[0].field == "name_nl" && errors[0].problem == Problem::Required));

            delete(&db, &admin, nurse).await.expect("deleted");
            let holder = user_account::Entity::find_by_id(sanne.0).one(&db).await.expect("read").expect("person");
            assert_eq!(holder.function_id, None, "the people who held it hold none");
        }

        async fn another_organisation_cannot_use_or_change_them(db) {
            let admin = admin(&db).await;
            let intruder = self::admin(&db).await;
            let nurse = create(&db, &admin, &form("Verpleegkundige", "Nurse"), Utc::now()).await.expect("created");
            assert_eq!(update(&db, &intruder, nurse, &form("Kaping", "")).await.err(), Some(AppError::NotFound));
            assert_eq!(delete(&db, &intruder, nurse).await.err(), Some(AppError::NotFound));
            assert_eq!(assign(&db, &intruder, intruder.user, Some(nurse)).await.err(), Some(AppError::NotFound));
            let (sanne, _) = testing::member(&db, admin.org, "Sanne", Roles::default()).await;
            assert_eq!(assign(&db, &intruder, sanne, None).await.err(), Some(AppError::NotFound));
            assert!(list(&db, intruder.org).await.expect("list").is_empty());
        }
    }
}
