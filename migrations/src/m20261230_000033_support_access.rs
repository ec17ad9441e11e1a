//! Support access (issue 8, DPA 6): an admin lets the processor's staff
//! look into the organisation for one support case, for a few hours; the
//! grant ends by itself, or earlier when the admin ends it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SupportGrant::Table)
                    .col(pk_uuid(SupportGrant::Id))
                    .col(uuid(SupportGrant::OrgId))
                    .col(text(SupportGrant::CaseReference))
                    .col(uuid_null(SupportGrant::GrantedBy))
                    .col(timestamp_with_time_zone(SupportGrant::GrantedAt))
                    .col(timestamp_with_time_zone(SupportGrant::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SupportGrant::EndedAt))
                    .foreign_key(&mut crate::reference(
                        (SupportGrant::Table, SupportGrant::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (SupportGrant::Table, SupportGrant::GrantedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SupportGrant::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SupportGrant {
    Table,
    Id,
    OrgId,
    CaseReference,
    GrantedBy,
    GrantedAt,
    ExpiresAt,
    EndedAt,
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
