//! When a person started and the year they were born (issue 9), both
//! optional: onboarding surveys go out a set number of days after the
//! start date, and survey results can be cut by tenure and age band. Only
//! the year of birth is kept, never the date — the band is all Koers needs.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [date_null(UserAccount::StartedOn), integer_null(UserAccount::BirthYear)] {
            manager
                .alter_table(Table::alter().table(UserAccount::Table).add_column(column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [UserAccount::BirthYear, UserAccount::StartedOn] {
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
    StartedOn,
    BirthYear,
}
