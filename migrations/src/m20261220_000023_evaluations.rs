//! Evaluations (issue 7): at each moment of a review cycle, per person in
//! scope, the employee's self-reflection and the manager's evaluation. A
//! writing is a draft until shared; once all are shared both acknowledge,
//! with an optional comment, and the evaluation locks. Answers and comments
//! are sealed under the organisation's data key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReviewEvaluation::Table)
                    .col(pk_uuid(ReviewEvaluation::Id))
                    .col(uuid(ReviewEvaluation::OrgId))
                    .col(uuid(ReviewEvaluation::MomentId))
                    .col(uuid(ReviewEvaluation::EmployeeId))
                    .col(timestamp_with_time_zone_null(ReviewEvaluation::EmployeeAcknowledgedAt))
                    .col(blob_null(ReviewEvaluation::EmployeeComment))
                    .col(timestamp_with_time_zone_null(ReviewEvaluation::ManagerAcknowledgedAt))
                    // The manager who acknowledged; a person can have more than one.
                    .col(uuid_null(ReviewEvaluation::ManagerAcknowledgedBy))
                    .col(blob_null(ReviewEvaluation::ManagerComment))
                    .col(timestamp_with_time_zone_null(ReviewEvaluation::LockedAt))
                    // The last reopening by an admin: when, by whom and why
                    // (sealed; the audit log holds ids only).
                    .col(timestamp_with_time_zone_null(ReviewEvaluation::ReopenedAt))
                    .col(uuid_null(ReviewEvaluation::ReopenedBy))
                    .col(blob_null(ReviewEvaluation::ReopenReason))
                    .col(timestamp_with_time_zone(ReviewEvaluation::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewEvaluation::Table, ReviewEvaluation::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewEvaluation::Table, ReviewEvaluation::MomentId),
                        (ReviewMoment::Table, ReviewMoment::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewEvaluation::Table, ReviewEvaluation::EmployeeId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewEvaluation::Table, ReviewEvaluation::ManagerAcknowledgedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewEvaluation::Table, ReviewEvaluation::ReopenedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_review_evaluation_moment_employee")
                    .table(ReviewEvaluation::Table)
                    .col(ReviewEvaluation::MomentId)
                    .col(ReviewEvaluation::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewWriting::Table)
                    .col(pk_uuid(ReviewWriting::Id))
                    .col(uuid(ReviewWriting::EvaluationId))
                    // employee or manager
                    .col(string_len(ReviewWriting::Party, 20))
                    // Who saved it last.
                    .col(uuid_null(ReviewWriting::AuthorId))
                    .col(blob(ReviewWriting::Answers))
                    .col(timestamp_with_time_zone(ReviewWriting::SavedAt))
                    .col(timestamp_with_time_zone_null(ReviewWriting::SharedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewWriting::Table, ReviewWriting::EvaluationId),
                        (ReviewEvaluation::Table, ReviewEvaluation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewWriting::Table, ReviewWriting::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_review_writing_party")
                    .table(ReviewWriting::Table)
                    .col(ReviewWriting::EvaluationId)
                    .col(ReviewWriting::Party)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewWriting::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReviewEvaluation::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ReviewEvaluation {
    Table,
    Id,
    OrgId,
    MomentId,
    EmployeeId,
    EmployeeAcknowledgedAt,
    EmployeeComment,
    ManagerAcknowledgedAt,
    ManagerAcknowledgedBy,
    ManagerComment,
    LockedAt,
    ReopenedAt,
    ReopenedBy,
    ReopenReason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewWriting {
    Table,
    Id,
    EvaluationId,
    Party,
    AuthorId,
    Answers,
    SavedAt,
    SharedAt,
}

#[derive(DeriveIden)]
enum ReviewMoment {
    Table,
    Id,
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
