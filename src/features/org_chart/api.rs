//! Server functions of the org chart: for every member of an organisation,
//! within their own organisation only.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{ChartLevel, ChartSearch, TeamMember};

/// Members: the top of the chart (`unit` empty) or one opened unit.
#[server(endpoint = "org/level")]
pub async fn org_chart_level(unit: String) -> Result<ChartLevel, AppError> {
    use crate::domain::ids::UnitId;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let unit = match unit.trim() {
        "" => None,
        id => Some(UnitId(id.parse().map_err(|_| AppError::NotFound)?)),
    };
    service::org_chart::level(&AppState::current()?.db, &scope, unit).await
}

/// Members: people and units whose name contains `query`.
#[server(endpoint = "org/search")]
pub async fn org_chart_search(query: String) -> Result<ChartSearch, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::org_chart::search(&AppState::current()?.db, &scope, &query).await
}

/// Members: the people they manage directly (empty for everyone else).
#[server(endpoint = "org/team")]
pub async fn my_team() -> Result<Vec<TeamMember>, AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    service::org_chart::team(&AppState::current()?.db, &scope).await
}
