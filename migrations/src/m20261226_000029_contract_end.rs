//! The end of an organisation's contract (issue 8, DPA 8): the day it ends,
//! from which the organisation can only read and export; the day its data
//! is destroyed (30 days later, moved on request, 8.B); when that happened.
//! The organisation row stays as the processor's record, stripped of its
//! contact details, beside the written declaration of destruction (8.E).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in [
            date_null(Organisation::ContractEnd),
            date_null(Organisation::DestroyOn),
            timestamp_with_time_zone_null(Organisation::DestroyedAt),
        ] {
            manager
                .alter_table(Table::alter().table(Organisation::Table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DestructionDeclaration::Table)
                    .col(pk_uuid(DestructionDeclaration::Id))
                    .col(uuid(DestructionDeclaration::OrgId))
                    .col(string_len(DestructionDeclaration::OrganisationName, 200))
                    .col(date(DestructionDeclaration::ContractEnd))
                    .col(timestamp_with_time_zone(DestructionDeclaration::DestroyedAt))
                    .col(string_len(DestructionDeclaration::KeyFingerprint, 64))
                    .col(text(DestructionDeclaration::Counts))
                    .col(string_len(DestructionDeclaration::SentTo, 254))
                    .foreign_key(&mut crate::reference(
                        (DestructionDeclaration::Table, DestructionDeclaration::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DestructionDeclaration::Table).to_owned()).await?;
        for column in [Organisation::DestroyedAt, Organisation::DestroyOn, Organisation::ContractEnd] {
            manager
                .alter_table(Table::alter().table(Organisation::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    ContractEnd,
    DestroyOn,
    DestroyedAt,
}

#[derive(DeriveIden)]
enum DestructionDeclaration {
    Table,
    Id,
    OrgId,
    OrganisationName,
    ContractEnd,
    DestroyedAt,
    KeyFingerprint,
    Counts,
    SentTo,
}
