//! Restriction of processing (issue 8, GDPR art. 18, DPA 3.G): while an
//! organisation examines a person's objection or correction, their account
//! is frozen — no sign-in, no reminders, out of lists and figures — and
//! their data kept as it is, until the admin lifts the restriction.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(UserAccount::Table)
                    .add_column(timestamp_with_time_zone_null(UserAccount::RestrictedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(UserAccount::Table).drop_column(UserAccount::RestrictedAt).to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    RestrictedAt,
}
