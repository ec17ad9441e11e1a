//! The organisation: one tenant, one controller under the processing agreement.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(pk_uuid(Organisation::Id))
                    .col(string_len(Organisation::Name, 200))
                    .col(string_len(Organisation::DefaultLanguage, 5))
                    .col(timestamp_with_time_zone(Organisation::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Organisation::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
    DefaultLanguage,
    CreatedAt,
}
