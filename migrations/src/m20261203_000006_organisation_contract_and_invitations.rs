//! What the operator records when an organisation signs up (the parties of
//! the processing agreement and its signature block), and invitations: a
//! single-use link with which an invited user chooses a password.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Existing rows (the demo organisation) get empty values; every new
        // organisation is created with all of them filled in.
        for mut column in [
            string_len(Organisation::KvkNumber, 8).default("").to_owned(),
            string_len(Organisation::Address, 300).default("").to_owned(),
            string_len(Organisation::Representative, 200).default("").to_owned(),
            string_len(Organisation::PrivacyContactName, 200).default("").to_owned(),
            string_len(Organisation::PrivacyContactEmail, 254).default("").to_owned(),
            string_len(Organisation::Languages, 16).default("nl,en").to_owned(),
            date_null(Organisation::ContractStart),
        ] {
            manager
                .alter_table(Table::alter().table(Organisation::Table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DpaAcceptance::Table)
                    .col(pk_uuid(DpaAcceptance::Id))
                    .col(uuid(DpaAcceptance::OrgId))
                    .col(string_len(DpaAcceptance::AgreementVersion, 32))
                    .col(string_len(DpaAcceptance::SignerName, 200))
                    .col(string_len(DpaAcceptance::SignerFunction, 200))
                    .col(date(DpaAcceptance::SignedOn))
                    .col(string_len(DpaAcceptance::SignedAt, 100))
                    .col(uuid(DpaAcceptance::RecordedBy))
                    .col(timestamp_with_time_zone(DpaAcceptance::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dpa_acceptance_organisation")
                            .from(DpaAcceptance::Table, DpaAcceptance::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .col(string_len(Invitation::TokenHash, 64).primary_key())
                    .col(uuid(Invitation::UserId))
                    .col(uuid(Invitation::OrgId))
                    .col(timestamp_with_time_zone(Invitation::CreatedAt))
                    .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitation::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitation_user_account")
                            .from(Invitation::Table, Invitation::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Invitation::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(DpaAcceptance::Table).to_owned()).await?;
        for column in [
            Organisation::KvkNumber,
            Organisation::Address,
            Organisation::Representative,
            Organisation::PrivacyContactName,
            Organisation::PrivacyContactEmail,
            Organisation::Languages,
            Organisation::ContractStart,
        ] {
            manager
                .alter_table(Table::alter().table(Organisation::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    KvkNumber,
    Address,
    Representative,
    PrivacyContactName,
    PrivacyContactEmail,
    Languages,
    ContractStart,
}

#[derive(DeriveIden)]
enum DpaAcceptance {
    Table,
    Id,
    OrgId,
    AgreementVersion,
    SignerName,
    SignerFunction,
    SignedOn,
    SignedAt,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    TokenHash,
    UserId,
    OrgId,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}
