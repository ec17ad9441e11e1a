//! One-time sign-in codes sent by e-mail or text message, instead of a
//! password (issue 3). Only a hash of each code is kept.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInCode::Table)
                    .col(string_len(SignInCode::CodeHash, 64).primary_key())
                    .col(uuid_null(SignInCode::UserId))
                    .col(uuid_null(SignInCode::OperatorId))
                    .col(timestamp_with_time_zone(SignInCode::CreatedAt))
                    .col(timestamp_with_time_zone(SignInCode::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SignInCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sign_in_code_user_account")
                            .from(SignInCode::Table, SignInCode::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sign_in_code_operator_account")
                            .from(SignInCode::Table, SignInCode::OperatorId)
                            .to(OperatorAccount::Table, OperatorAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SignInCode::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SignInCode {
    Table,
    CodeHash,
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
