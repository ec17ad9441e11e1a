//! The demo's sub-processor register: the hosting provider in use for a
//! year, and a new e-mail provider announced three days ago, used from 27
//! days from now — so an organisation can still object to it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use crate::domain::AppError;
use crate::server::db::internal;
use crate::server::entity::sub_processor;

pub async fn seed_sub_processors(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), AppError> {
    let announced_new = now - Duration::days(3);
    for (name, function, data, office, location, announced) in [
        (
            "Rekencentrum Noord BV",
            "Host de servers en de database van Koers",
            "Alle gegevens in Koers, versleuteld",
            "Groningen, Nederland",
            "Eemshaven, Nederland",
            now - Duration::days(400),
        ),
        (
            "Mailbezorging BV",
            "Verstuurt de e-mails van Koers",
            "Naam en e-mailadres van ontvangers, de tekst van meldingen",
            "Utrecht, Nederland",
            "Frankfurt, Duitsland",
            announced_new,
        ),
    ] {
        sub_processor::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            name: Set(name.into()),
            function: Set(function.into()),
            data_categories: Set(data.into()),
            head_office: Set(office.into()),
            data_location: Set(location.into()),
            in_eea: Set(true),
            announced_at: Set(announced),
            effective_from: Set((announced + Duration::days(30)).date_naive()),
        }
        .insert(db)
        .await
        .map_err(internal)?;
    }
    Ok(())
}
