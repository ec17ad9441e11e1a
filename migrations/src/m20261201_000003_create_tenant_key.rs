//! Each organisation's data-encryption key, stored only wrapped by the
//! key-encryption key from the configuration (DPA Bijlage 3). Destroying it
//! (`wrapped_key` set to NULL) makes the organisation's encrypted content
//! unreadable for good (DPA 8: crypto-shredding).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TenantKey::Table)
                    .col(uuid(TenantKey::OrgId).primary_key())
                    .col(blob_null(TenantKey::WrappedKey))
                    .col(timestamp_with_time_zone(TenantKey::CreatedAt))
                    .col(timestamp_with_time_zone_null(TenantKey::DestroyedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_tenant_key_organisation")
                            .from(TenantKey::Table, TenantKey::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TenantKey::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum TenantKey {
    Table,
    OrgId,
    WrappedKey,
    CreatedAt,
    DestroyedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}
