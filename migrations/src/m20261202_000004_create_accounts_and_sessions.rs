//! Who can sign in: operator staff of the processor and users of an
//! organisation, their server-side sessions, and the counters that slow
//! down password guessing.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OperatorAccount::Table)
                    .col(pk_uuid(OperatorAccount::Id))
                    .col(string_len_uniq(OperatorAccount::Email, 254))
                    .col(string_len(OperatorAccount::Name, 200))
                    .col(string_len(OperatorAccount::Language, 5))
                    .col(string_len_null(OperatorAccount::PasswordHash, 200))
                    .col(timestamp_with_time_zone(OperatorAccount::CreatedAt))
                    .col(timestamp_with_time_zone_null(OperatorAccount::DeactivatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserAccount::Table)
                    .col(pk_uuid(UserAccount::Id))
                    .col(uuid(UserAccount::OrgId))
                    .col(string_len(UserAccount::Name, 200))
                    .col(string_len_null(UserAccount::Email, 254))
                    .col(string_len_null(UserAccount::Username, 64))
                    .col(string_len_null(UserAccount::Phone, 32))
                    .col(string_len(UserAccount::Language, 5))
                    .col(string_len_null(UserAccount::PasswordHash, 200))
                    .col(boolean(UserAccount::IsManager).default(false))
                    .col(boolean(UserAccount::IsAdmin).default(false))
                    .col(boolean(UserAccount::IsAuditor).default(false))
                    .col(timestamp_with_time_zone(UserAccount::CreatedAt))
                    .col(timestamp_with_time_zone_null(UserAccount::DeactivatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_account_organisation")
                            .from(UserAccount::Table, UserAccount::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Sign-in names are unique within an organisation, not across them:
        // one organisation must not learn which addresses another one uses.
        for (name, column) in [
            ("ux_user_account_org_email", UserAccount::Email),
            ("ux_user_account_org_username", UserAccount::Username),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(UserAccount::Table)
                        .col(UserAccount::OrgId)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_user_account_email")
                    .table(UserAccount::Table)
                    .col(UserAccount::Email)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string_len(Session::TokenHash, 64).primary_key())
                    .col(uuid_null(Session::UserId))
                    .col(uuid_null(Session::OperatorId))
                    .col(uuid_null(Session::OrgId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::LastSeenAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .col(string_len(Session::UserAgent, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_user_account")
                            .from(Session::Table, Session::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_operator_account")
                            .from(Session::Table, Session::OperatorId)
                            .to(OperatorAccount::Table, OperatorAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in
            [("ix_session_user", Session::UserId), ("ix_session_operator", Session::OperatorId)]
        {
            manager
                .create_index(Index::create().name(name).table(Session::Table).col(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(string_len(LoginThrottle::Key, 128).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::WindowStart))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginThrottle::Table.into_iden(),
            Session::Table.into_iden(),
            UserAccount::Table.into_iden(),
            OperatorAccount::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OperatorAccount {
    Table,
    Id,
    Email,
    Name,
    Language,
    PasswordHash,
    CreatedAt,
    DeactivatedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    OrgId,
    Name,
    Email,
    Username,
    Phone,
    Language,
    PasswordHash,
    IsManager,
    IsAdmin,
    IsAuditor,
    CreatedAt,
    DeactivatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    UserId,
    OperatorId,
    OrgId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    WindowStart,
}
