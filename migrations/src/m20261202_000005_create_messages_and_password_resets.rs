//! Outgoing e-mail and SMS wait in `outbound_message` until a worker has
//! delivered them, so a mail server that is down loses nothing; and the
//! single-use links for choosing a new password.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboundMessage::Table)
                    .col(pk_uuid(OutboundMessage::Id))
                    .col(uuid_null(OutboundMessage::OrgId))
                    .col(string_len(OutboundMessage::Channel, 8))
                    .col(string_len(OutboundMessage::Kind, 32))
                    .col(string_len(OutboundMessage::Recipient, 254))
                    .col(text(OutboundMessage::Subject))
                    .col(text(OutboundMessage::TextBody))
                    .col(text(OutboundMessage::HtmlBody))
                    .col(timestamp_with_time_zone(OutboundMessage::CreatedAt))
                    .col(timestamp_with_time_zone(OutboundMessage::SendAfter))
                    .col(timestamp_with_time_zone_null(OutboundMessage::LockedUntil))
                    .col(integer(OutboundMessage::Attempts).default(0))
                    .col(string_len_null(OutboundMessage::LastError, 200))
                    .col(timestamp_with_time_zone_null(OutboundMessage::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbound_message_due")
                    .table(OutboundMessage::Table)
                    .col(OutboundMessage::SentAt)
                    .col(OutboundMessage::SendAfter)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordReset::Table)
                    .col(string_len(PasswordReset::TokenHash, 64).primary_key())
                    .col(uuid_null(PasswordReset::UserId))
                    .col(uuid_null(PasswordReset::OperatorId))
                    .col(timestamp_with_time_zone(PasswordReset::CreatedAt))
                    .col(timestamp_with_time_zone(PasswordReset::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordReset::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_password_reset_user_account")
                            .from(PasswordReset::Table, PasswordReset::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_password_reset_operator_account")
                            .from(PasswordReset::Table, PasswordReset::OperatorId)
                            .to(OperatorAccount::Table, OperatorAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PasswordReset::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OutboundMessage::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OutboundMessage {
    Table,
    Id,
    OrgId,
    Channel,
    Kind,
    Recipient,
    Subject,
    TextBody,
    HtmlBody,
    CreatedAt,
    SendAfter,
    LockedUntil,
    Attempts,
    LastError,
    SentAt,
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    TokenHash,
    UserId,
    OperatorId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OperatorAccount {
    Table,
    Id,
}
