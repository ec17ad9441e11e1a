//! Offboarding (DPA 8.D, issue 4): when an admin ends someone's access, the
//! choice what happens to their data — deleted, or their shared items
//! handed to a successor — is kept with the account until the privacy
//! centre carries it out.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            // `delete` or `transfer`.
            string_len_null(UserAccount::OffboardingChoice, 8),
            uuid_null(UserAccount::OffboardingSuccessor),
            timestamp_with_time_zone_null(UserAccount::OffboardedAt),
        ] {
            manager
                .alter_table(Table::alter().table(UserAccount::Table).add_column(column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in
            [UserAccount::OffboardedAt, UserAccount::OffboardingSuccessor, UserAccount::OffboardingChoice]
        {
            manager
                .alter_table(Table::alter().table(UserAccount::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    OffboardingChoice,
    OffboardingSuccessor,
    OffboardedAt,
}
