//! The demo's breach register: an incident of two months ago that touched
//! the demo organisation, reported to it within hours and followed up a
//! week later; and an incident that affected nobody, logged all the same
//! (DPA 7.G).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use crate::domain::AppError;
use crate::domain::ids::{OperatorId, OrgId};
use crate::server::db::internal;
use crate::server::entity::{breach, breach_tenant, breach_update};

pub async fn seed_breaches(
    db: &DatabaseConnection,
    operator: OperatorId,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let discovered = now - Duration::days(61);
    let reported = incident(
        db,
        operator,
        (
            "Een exportbestand van een organisatie stond een middag in een gedeelde map van een supportmedewerker",
            discovered,
        ),
        "Mogelijk hebben twee collega's van de verwerker zonder noodzaak namen en doelen gezien",
        "Bestand verwijderd, map afgeschermd, medewerkers opnieuw geïnstrueerd",
    )
    .await?;
    breach_tenant::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        breach_id: Set(reported),
        org_id: Set(org.0),
        subject_categories: Set("Medewerkers".into()),
        subjects_approx: Set(40),
        record_categories: Set("Namen, functies en doelen".into()),
        records_approx: Set(160),
        notified_at: Set(Some(discovered + Duration::hours(5))),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    breach_update::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        breach_id: Set(reported),
        body: Set("Het bestand is nergens anders heen gekopieerd: dat blijkt uit de logboeken van de map. \
                   Exports gaan voortaan alleen nog via de verlopende downloadlink."
            .into()),
        recorded_by: Set(Some(operator.0)),
        recorded_at: Set(discovered + Duration::days(7)),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    incident(
        db,
        operator,
        (
            "Een phishingmail aan het supportteam; niemand klikte en er zijn geen gegevens betrokken",
            now - Duration::days(20),
        ),
        "Geen",
        "Afzender geblokkeerd, team gewaarschuwd",
    )
    .await?;
    Ok(())
}

async fn incident(
    db: &DatabaseConnection,
    operator: OperatorId,
    (nature, discovered): (&str, DateTime<Utc>),
    consequences: &str,
    measures: &str,
) -> Result<uuid::Uuid, AppError> {
    let id = uuid::Uuid::now_v7();
    breach::ActiveModel {
        id: Set(id),
        nature: Set(nature.into()),
        discovered_at: Set(discovered),
        contact_point: Set("Olga de Boer, privacy@koers.localhost".into()),
        consequences: Set(consequences.into()),
        measures: Set(measures.into()),
        recorded_by: Set(Some(operator.0)),
        recorded_at: Set(discovered + Duration::hours(1)),
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(id)
}
