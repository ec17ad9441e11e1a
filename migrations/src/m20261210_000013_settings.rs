//! Settings (issue 4): what an organisation chose, and what a unit chose
//! differently for itself and the units below it. A missing row inherits.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrganisationSetting::Table)
                    .col(uuid(OrganisationSetting::OrgId))
                    .col(string_len(OrganisationSetting::Key, 60))
                    .col(string_len(OrganisationSetting::Value, 60))
                    .primary_key(
                        Index::create().col(OrganisationSetting::OrgId).col(OrganisationSetting::Key),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisation_setting_organisation")
                            .from(OrganisationSetting::Table, OrganisationSetting::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UnitSetting::Table)
                    .col(uuid(UnitSetting::UnitId))
                    .col(string_len(UnitSetting::Key, 60))
                    .col(string_len(UnitSetting::Value, 60))
                    .primary_key(Index::create().col(UnitSetting::UnitId).col(UnitSetting::Key))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unit_setting_unit")
                            .from(UnitSetting::Table, UnitSetting::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UnitSetting::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OrganisationSetting::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OrganisationSetting {
    Table,
    OrgId,
    Key,
    Value,
}

#[derive(DeriveIden)]
enum UnitSetting {
    Table,
    UnitId,
    Key,
    Value,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}
