//! Calibration (issue 7): the manager proposes a final score per
//! evaluation; in calibration the scores of a unit are compared side by
//! side and the final score set, each change with a rationale, logged.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [ReviewEvaluation::ProposedScore, ReviewEvaluation::FinalScore] {
            manager
                .alter_table(
                    Table::alter().table(ReviewEvaluation::Table).add_column(integer_null(column)).to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ReviewCalibration::Table)
                    .col(pk_uuid(ReviewCalibration::Id))
                    .col(uuid(ReviewCalibration::OrgId))
                    .col(uuid(ReviewCalibration::EvaluationId))
                    .col(integer_null(ReviewCalibration::FromScore))
                    .col(integer(ReviewCalibration::ToScore))
                    // Sealed: why the score changed.
                    .col(blob(ReviewCalibration::Rationale))
                    .col(uuid_null(ReviewCalibration::ChangedBy))
                    .col(timestamp_with_time_zone(ReviewCalibration::ChangedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewCalibration::Table, ReviewCalibration::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewCalibration::Table, ReviewCalibration::EvaluationId),
                        (ReviewEvaluation::Table, ReviewEvaluation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewCalibration::Table, ReviewCalibration::ChangedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_review_calibration_evaluation")
                    .table(ReviewCalibration::Table)
                    .col(ReviewCalibration::EvaluationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewCalibration::Table).to_owned()).await?;
        for column in [ReviewEvaluation::ProposedScore, ReviewEvaluation::FinalScore] {
            manager
                .alter_table(Table::alter().table(ReviewEvaluation::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ReviewEvaluation {
    Table,
    Id,
    ProposedScore,
    FinalScore,
}

#[derive(DeriveIden)]
enum ReviewCalibration {
    Table,
    Id,
    OrgId,
    EvaluationId,
    FromScore,
    ToScore,
    Rationale,
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}
