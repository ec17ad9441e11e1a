//! Job functions (issue 4): named in Dutch and English, with a description,
//! and a person's function.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobFunction::Table)
                    .col(pk_uuid(JobFunction::Id))
                    .col(uuid(JobFunction::OrgId))
                    .col(string_len(JobFunction::NameNl, 200))
                    .col(string_len(JobFunction::NameEn, 200))
                    .col(text(JobFunction::DescriptionNl))
                    .col(text(JobFunction::DescriptionEn))
                    .col(timestamp_with_time_zone(JobFunction::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_job_function_organisation")
                            .from(JobFunction::Table, JobFunction::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // No foreign key here: SQLite cannot add one to an existing table;
        // the service clears it when a function is deleted.
        manager
            .alter_table(
                Table::alter()
                    .table(UserAccount::Table)
                    .add_column(uuid_null(UserAccount::FunctionId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(UserAccount::Table).drop_column(UserAccount::FunctionId).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(JobFunction::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum JobFunction {
    Table,
    Id,
    OrgId,
    NameNl,
    NameEn,
    DescriptionNl,
    DescriptionEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    FunctionId,
}
