//! A second factor for signing in (issue 3): time-based one-time passwords
//! (TOTP, RFC 6238) with single-use recovery codes, and sessions that wait
//! for the second factor after the password was accepted.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row per authenticator app. `confirmed_at` is empty while the
        // person has not yet typed a first code from it; the secret is sealed
        // under the key-encryption key.
        manager
            .create_table(
                Table::create()
                    .table(TotpCredential::Table)
                    .col(pk_uuid(TotpCredential::Id))
                    .col(uuid_null(TotpCredential::UserId))
                    .col(uuid_null(TotpCredential::OperatorId))
                    .col(blob(TotpCredential::SealedSecret))
                    .col(timestamp_with_time_zone(TotpCredential::CreatedAt))
                    .col(timestamp_with_time_zone_null(TotpCredential::ConfirmedAt))
                    // The last time step whose code was accepted: a code is never accepted twice.
                    .col(big_integer(TotpCredential::LastUsedStep).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_totp_credential_user_account")
                            .from(TotpCredential::Table, TotpCredential::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_totp_credential_operator_account")
                            .from(TotpCredential::Table, TotpCredential::OperatorId)
                            .to(OperatorAccount::Table, OperatorAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCode::Table)
                    .col(string_len(RecoveryCode::CodeHash, 64).primary_key())
                    .col(uuid_null(RecoveryCode::UserId))
                    .col(uuid_null(RecoveryCode::OperatorId))
                    .col(timestamp_with_time_zone(RecoveryCode::CreatedAt))
                    .col(timestamp_with_time_zone_null(RecoveryCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recovery_code_user_account")
                            .from(RecoveryCode::Table, RecoveryCode::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recovery_code_operator_account")
                            .from(RecoveryCode::Table, RecoveryCode::OperatorId)
                            .to(OperatorAccount::Table, OperatorAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (table, name, column) in [
            (
                TotpCredential::Table.into_iden(),
                "ix_totp_credential_user",
                TotpCredential::UserId.into_iden(),
            ),
            (
                TotpCredential::Table.into_iden(),
                "ix_totp_credential_operator",
                TotpCredential::OperatorId.into_iden(),
            ),
            (RecoveryCode::Table.into_iden(), "ix_recovery_code_user", RecoveryCode::UserId.into_iden()),
            (
                RecoveryCode::Table.into_iden(),
                "ix_recovery_code_operator",
                RecoveryCode::OperatorId.into_iden(),
            ),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(column).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Session::Table)
                    .add_column(boolean(Session::SecondFactorPending).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Session::Table).drop_column(Session::SecondFactorPending).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(RecoveryCode::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(TotpCredential::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum TotpCredential {
    Table,
    Id,
    UserId,
    OperatorId,
    SealedSecret,
    CreatedAt,
    ConfirmedAt,
    LastUsedStep,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    CodeHash,
    UserId,
    OperatorId,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    SecondFactorPending,
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
