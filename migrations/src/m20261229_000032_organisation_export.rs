//! Full exports of an organisation's data (issue 8, DPA 3.N and 8.B): each
//! is written in the background to a file, with how far it has come for the
//! progress bar, and can be downloaded until it expires.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganisationExport::Table)
                    .col(pk_uuid(OrganisationExport::Id))
                    .col(uuid(OrganisationExport::OrgId))
                    .col(uuid_null(OrganisationExport::RequestedBy))
                    .col(timestamp_with_time_zone(OrganisationExport::RequestedAt))
                    .col(big_integer(OrganisationExport::RowsTotal))
                    .col(big_integer(OrganisationExport::RowsDone))
                    .col(timestamp_with_time_zone_null(OrganisationExport::FinishedAt))
                    .col(timestamp_with_time_zone_null(OrganisationExport::FailedAt))
                    .col(timestamp_with_time_zone_null(OrganisationExport::ExpiresAt))
                    .col(big_integer_null(OrganisationExport::SizeBytes))
                    .foreign_key(&mut crate::reference(
                        (OrganisationExport::Table, OrganisationExport::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OrganisationExport::Table, OrganisationExport::RequestedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OrganisationExport::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OrganisationExport {
    Table,
    Id,
    OrgId,
    RequestedBy,
    RequestedAt,
    RowsTotal,
    RowsDone,
    FinishedAt,
    FailedAt,
    ExpiresAt,
    SizeBytes,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}
