//! The processor's inbox of rights requests (issue 8, DPA 3.G and 8.C): a
//! data subject who writes to the processor instead of their organisation
//! is not helped by the processor; the request is forwarded to the
//! organisation's privacy contact within five working days, and when it
//! was received and forwarded is kept to show the deadline was met.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RightsRequest::Table)
                    .col(pk_uuid(RightsRequest::Id))
                    .col(uuid(RightsRequest::OrgId))
                    .col(string_len(RightsRequest::Kind, 32))
                    .col(text(RightsRequest::Requester))
                    .col(text(RightsRequest::Summary))
                    .col(date(RightsRequest::ReceivedOn))
                    .col(uuid_null(RightsRequest::RecordedBy))
                    .col(timestamp_with_time_zone(RightsRequest::RecordedAt))
                    .col(timestamp_with_time_zone_null(RightsRequest::ForwardedAt))
                    .foreign_key(&mut crate::reference(
                        (RightsRequest::Table, RightsRequest::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (RightsRequest::Table, RightsRequest::RecordedBy),
                        (OperatorAccount::Table, OperatorAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RightsRequest::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum RightsRequest {
    Table,
    Id,
    OrgId,
    Kind,
    Requester,
    Summary,
    ReceivedOn,
    RecordedBy,
    RecordedAt,
    ForwardedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OperatorAccount {
    Table,
    Id,
}
