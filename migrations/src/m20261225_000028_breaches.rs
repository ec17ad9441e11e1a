//! The breach register (issue 8, DPA 7): every incident the processor's
//! staff record (7.G), with what 7.A requires of a notice — its nature, the
//! contact point, the likely consequences and the measures — and per
//! affected organisation the categories and approximate numbers of data
//! subjects and records, and when that organisation was told (7.A: within
//! 24 hours of discovery). Follow-up updates (7.C) are kept per incident.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Breach::Table)
                    .col(pk_uuid(Breach::Id))
                    .col(text(Breach::Nature))
                    .col(timestamp_with_time_zone(Breach::DiscoveredAt))
                    .col(text(Breach::ContactPoint))
                    .col(text(Breach::Consequences))
                    .col(text(Breach::Measures))
                    .col(uuid_null(Breach::RecordedBy))
                    .col(timestamp_with_time_zone(Breach::RecordedAt))
                    .foreign_key(&mut crate::reference(
                        (Breach::Table, Breach::RecordedBy),
                        (OperatorAccount::Table, OperatorAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BreachTenant::Table)
                    .col(pk_uuid(BreachTenant::Id))
                    .col(uuid(BreachTenant::BreachId))
                    .col(uuid(BreachTenant::OrgId))
                    .col(text(BreachTenant::SubjectCategories))
                    .col(big_integer(BreachTenant::SubjectsApprox))
                    .col(text(BreachTenant::RecordCategories))
                    .col(big_integer(BreachTenant::RecordsApprox))
                    .col(timestamp_with_time_zone_null(BreachTenant::NotifiedAt))
                    .foreign_key(&mut crate::reference(
                        (BreachTenant::Table, BreachTenant::BreachId),
                        (Breach::Table, Breach::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (BreachTenant::Table, BreachTenant::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_breach_tenant_org")
                    .table(BreachTenant::Table)
                    .col(BreachTenant::BreachId)
                    .col(BreachTenant::OrgId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BreachUpdate::Table)
                    .col(pk_uuid(BreachUpdate::Id))
                    .col(uuid(BreachUpdate::BreachId))
                    .col(text(BreachUpdate::Body))
                    .col(uuid_null(BreachUpdate::RecordedBy))
                    .col(timestamp_with_time_zone(BreachUpdate::RecordedAt))
                    .foreign_key(&mut crate::reference(
                        (BreachUpdate::Table, BreachUpdate::BreachId),
                        (Breach::Table, Breach::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (BreachUpdate::Table, BreachUpdate::RecordedBy),
                        (OperatorAccount::Table, OperatorAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(BreachUpdate::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(BreachTenant::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Breach::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Breach {
    Table,
    Id,
    Nature,
    DiscoveredAt,
    ContactPoint,
    Consequences,
    Measures,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum BreachTenant {
    Table,
    Id,
    BreachId,
    OrgId,
    SubjectCategories,
    SubjectsApprox,
    RecordCategories,
    RecordsApprox,
    NotifiedAt,
}

#[derive(DeriveIden)]
enum BreachUpdate {
    Table,
    Id,
    BreachId,
    Body,
    RecordedBy,
    RecordedAt,
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
