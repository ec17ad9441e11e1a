//! Who a review cycle is for: the members of its units and of every unit
//! below them, and the people named in it — active accounts only.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::server::auth::reach::Structure;
use crate::server::db::internal;
use crate::server::entity::{review_cycle_scope as scope_row, unit_member, user_account};

/// The people in scope of `cycle`, which must be of `org`.
pub async fn people_in(
    db: &impl ConnectionTrait,
    org: OrgId,
    cycle: uuid::Uuid,
) -> Result<HashSet<UserId>, AppError> {
    let rows = scope_row::Entity::find()
        .filter(scope_row::Column::CycleId.eq(cycle))
        .all(db)
        .await
        .map_err(internal)?;
    let scoped_units: Vec<UnitId> = rows.iter().filter_map(|r| r.unit_id).map(UnitId).collect();
    let mut people: HashSet<uuid::Uuid> = rows.iter().filter_map(|r| r.user_id).collect();
    if !scoped_units.is_empty() {
        let structure = Structure::load(db, org).await.map_err(internal)?;
        let units: Vec<uuid::Uuid> = structure
            .units()
            .filter(|unit| scoped_units.iter().any(|above| structure.is_within(*unit, *above)))
            .map(|unit| unit.0)
            .collect();
        people.extend(
            unit_member::Entity::find()
                .filter(unit_member::Column::UnitId.is_in(units))
                .all(db)
                .await
                .map_err(internal)?
                .into_iter()
                .map(|m| m.user_id),
        );
    }
    Ok(user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.is_in(people))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|person| UserId(person.id))
        .collect())
}
