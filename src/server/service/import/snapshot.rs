//! The organisation as the import file describes it: its people, the path
//! of every unit, its job functions, primary units, unit managers and
//! manager overrides. Loaded in seven queries, for planning and exporting.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::domain::ids::{OrgId, UnitId, UserId};
use crate::server::auth::reach::Structure;
use crate::server::entity::{
    job_function, manager_override, org_unit, unit_manager, unit_member, user_account,
};

/// How unit paths are written: `Zorg > Wijkteam Noord`.
pub const PATH_SEPARATOR: &str = " > ";

pub struct Snapshot {
    /// By name.
    pub people: Vec<user_account::Model>,
    pub unit_paths: HashMap<UnitId, String>,
    /// Lower-case path to unit.
    pub unit_by_path: HashMap<String, UnitId>,
    pub function_names: HashMap<uuid::Uuid, String>,
    /// Lower-case Dutch name to function.
    pub function_by_name: HashMap<String, uuid::Uuid>,
    pub primary_unit: HashMap<UserId, UnitId>,
    pub manages: HashSet<(UnitId, UserId)>,
    pub overrides: HashMap<UserId, UserId>,
}

impl Snapshot {
    pub async fn load(db: &impl ConnectionTrait, org: OrgId) -> Result<Snapshot, DbErr> {
        let people = user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(org.0))
            .order_by_asc(user_account::Column::Name)
            .all(db)
            .await?;
        let units = org_unit::Entity::find().filter(org_unit::Column::OrgId.eq(org.0)).all(db).await?;
        let names: HashMap<UnitId, String> = units.iter().map(|u| (UnitId(u.id), u.name.clone())).collect();
        let structure = Structure::load(db, org).await?;
        let unit_paths: HashMap<UnitId, String> = names
            .keys()
            .map(|unit| {
                let mut path: Vec<&str> = structure
                    .ancestry(*unit)
                    .iter()
                    .filter_map(|u| names.get(u).map(String::as_str))
                    .collect();
                path.reverse();
                (*unit, path.join(PATH_SEPARATOR))
            })
            .collect();
        let unit_by_path = unit_paths.iter().map(|(unit, path)| (path_key(path), *unit)).collect();
        let functions =
            job_function::Entity::find().filter(job_function::Column::OrgId.eq(org.0)).all(db).await?;
        let function_by_name = functions.iter().map(|f| (f.name_nl.to_lowercase(), f.id)).collect();
        let function_names = functions.into_iter().map(|f| (f.id, f.name_nl)).collect();
        let unit_ids: Vec<uuid::Uuid> = names.keys().map(|u| u.0).collect();
        let primary_unit = unit_member::Entity::find()
            .filter(unit_member::Column::UnitId.is_in(unit_ids.clone()))
            .filter(unit_member::Column::IsPrimary.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (UserId(m.user_id), UnitId(m.unit_id)))
            .collect();
        let manages = unit_manager::Entity::find()
            .filter(unit_manager::Column::UnitId.is_in(unit_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (UnitId(m.unit_id), UserId(m.user_id)))
            .collect();
        let overrides = manager_override::Entity::find()
            .filter(manager_override::Column::UserId.is_in(people.iter().map(|p| p.id)))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (UserId(o.user_id), UserId(o.manager_id)))
            .collect();
        Ok(Snapshot {
            people,
            unit_paths,
            unit_by_path,
            function_names,
            function_by_name,
            primary_unit,
            manages,
            overrides,
        })
    }
}

/// The segments of a path as typed: `Zorg > Wijkteam Noord`, also with
/// `/` between them or without spaces.
pub fn path_segments(path: &str) -> Vec<String> {
    path.split(['>', '/']).map(|segment| segment.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// How a path is looked up: segments trimmed, lower case.
pub fn path_key(path: &str) -> String {
    path_segments(path).join(PATH_SEPARATOR).to_lowercase()
}
