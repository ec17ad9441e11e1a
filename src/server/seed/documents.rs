//! Demo documents (issue 10): Sanne's first-aid certificate on her own
//! page, added by her manager Ahmed, and the training plan she keeps on
//! her first goal — so *Account › My documents*, *Team › Documents* and
//! the goal's page show files from the start.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::documents::Holder;
use crate::domain::ids::{GoalId, OrgId};
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::goal;
use crate::server::pdf::{Block, PdfDocument, render};
use crate::server::service::documents::{self, Upload};
use crate::server::storage::Storage;

pub async fn seed_documents(
    db: &DatabaseConnection,
    stores: (&Keyring, &Storage),
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let sanne = scope(db, org, "sanne.devries@delinde.example").await?;
    let certificate = pdf(
        "Certificaat Bedrijfshulpverlening",
        &[
            "Sanne de Vries heeft de basisopleiding BHV met goed gevolg afgerond.",
            "Geldig tot en met december 2027.",
        ],
    );
    let file = Upload { holder: Holder::Person(sanne.user), name: "BHV-certificaat.pdf", limit: u64::MAX };
    documents::upload(db, stores, &ahmed, file, body(certificate), now).await?;
    let first_goal = goal::Entity::find()
        .filter(goal::Column::OwnerId.eq(sanne.user.0))
        .order_by_asc(goal::Column::CreatedAt)
        .one(db)
        .await
        .map_err(internal)?;
    if let Some(first_goal) = first_goal {
        let plan = pdf(
            "Opleidingsplan",
            &[
                "Module wondzorg: voorjaar.",
                "Praktijkbegeleiding door Ahmed: elke maand.",
                "Afronding: najaar.",
            ],
        );
        let file = Upload {
            holder: Holder::Goal(GoalId(first_goal.id)),
            name: "Opleidingsplan.pdf",
            limit: u64::MAX,
        };
        documents::upload(db, stores, &sanne, file, body(plan), now).await?;
    }
    Ok(())
}

fn pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    render(&PdfDocument {
        title: title.to_owned(),
        footer: "Zorggroep De Linde".to_owned(),
        page_label: "Pagina {n} van {total}".to_owned(),
        blocks: lines.iter().map(|line| Block::Paragraph((*line).to_owned())).collect(),
    })
}

fn body(bytes: Vec<u8>) -> futures::stream::Iter<std::vec::IntoIter<Result<bytes::Bytes, std::io::Error>>> {
    futures::stream::iter(vec![Ok(bytes::Bytes::from(bytes))])
}
