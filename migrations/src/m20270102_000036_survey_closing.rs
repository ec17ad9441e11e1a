//! Two things surveys learned after their first version (issue 9).
//!
//! A closed round's groups no longer follow today's organisation: closing
//! writes each response's unit and the units above it, and the function
//! its respondent held, as plain values without a reference. Moving,
//! renaming or deleting a unit or function later then never moves an
//! answer from one group to another, which would let two views of the
//! same round be subtracted to reveal a group below the threshold.
//!
//! Onboarding newcomers are asked on their own day, so each is reminded
//! on their own day too: a participation remembers whether its reminder
//! went out.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The respondent's unit first, then each unit above it, as ids
        // separated by commas; empty when they had no unit; absent until closing.
        for column in [text_null(SurveyResponse::UnitsAtClose), uuid_null(SurveyResponse::FunctionAtClose)] {
            manager
                .alter_table(Table::alter().table(SurveyResponse::Table).add_column(column).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(SurveyParticipant::Table)
                    .add_column(boolean(SurveyParticipant::Reminded).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(SurveyParticipant::Table)
                    .drop_column(SurveyParticipant::Reminded)
                    .to_owned(),
            )
            .await?;
        for column in [SurveyResponse::FunctionAtClose, SurveyResponse::UnitsAtClose] {
            manager
                .alter_table(Table::alter().table(SurveyResponse::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum SurveyResponse {
    Table,
    UnitsAtClose,
    FunctionAtClose,
}

#[derive(DeriveIden)]
enum SurveyParticipant {
    Table,
    Reminded,
}
