//! Invitations by text message and by a code the admin hands out, sent at
//! once or at a chosen moment (issue 3).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // `mail`, `sms` or `code`; existing invitations went by mail.
        manager
            .alter_table(
                Table::alter()
                    .table(Invitation::Table)
                    .add_column(string_len(Invitation::Channel, 8).default("mail"))
                    .to_owned(),
            )
            .await?;
        // When the invitation goes out; empty when it went at once.
        manager
            .alter_table(
                Table::alter()
                    .table(Invitation::Table)
                    .add_column(timestamp_with_time_zone_null(Invitation::SendAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Invitation::SendAt, Invitation::Channel] {
            manager
                .alter_table(Table::alter().table(Invitation::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Channel,
    SendAt,
}
