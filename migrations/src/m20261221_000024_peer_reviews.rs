//! Peer, upward and 360 reviews (issue 7): a moment can ask others — the
//! colleagues, reports or people outside the organisation that the employee
//! nominates and the manager approves — to answer a form of its own. A
//! cycle says whether those answers are shown with names or anonymously,
//! and from how many answers anonymous ones are shown; and whether
//! employees see their final, calibrated score.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            boolean(ReviewCycle::ReviewersNamed).default(false).to_owned(),
            integer(ReviewCycle::AnonymityThreshold).default(3).to_owned(),
            boolean(ReviewCycle::FinalScoreVisible).default(false).to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(ReviewCycle::Table).add_column(column).to_owned())
                .await?;
        }
        // The form reviewers answer; none: the moment asks nobody else. A
        // form in use is kept by the service (SQLite cannot add a foreign key
        // to an existing table).
        manager
            .alter_table(
                Table::alter()
                    .table(ReviewMoment::Table)
                    .add_column(uuid_null(ReviewMoment::PeerFormId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewNomination::Table)
                    .col(pk_uuid(ReviewNomination::Id))
                    .col(uuid(ReviewNomination::OrgId))
                    .col(uuid(ReviewNomination::MomentId))
                    .col(uuid(ReviewNomination::EmployeeId))
                    // A colleague; or, for someone outside, their sealed name
                    // and address and the hash of their single-use link.
                    .col(uuid_null(ReviewNomination::ReviewerId))
                    .col(blob_null(ReviewNomination::ExternalName))
                    .col(blob_null(ReviewNomination::ExternalEmail))
                    .col(string_len_null(ReviewNomination::TokenHash, 64))
                    .col(timestamp_with_time_zone_null(ReviewNomination::ApprovedAt))
                    .col(uuid_null(ReviewNomination::ApprovedBy))
                    // Sealed; the reviewer's name is never stored with them.
                    .col(blob_null(ReviewNomination::Answers))
                    .col(timestamp_with_time_zone_null(ReviewNomination::AnsweredAt))
                    .col(timestamp_with_time_zone(ReviewNomination::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewNomination::Table, ReviewNomination::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewNomination::Table, ReviewNomination::MomentId),
                        (ReviewMoment::Table, ReviewMoment::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewNomination::Table, ReviewNomination::EmployeeId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewNomination::Table, ReviewNomination::ReviewerId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewNomination::Table, ReviewNomination::ApprovedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_review_nomination_moment_employee")
                    .table(ReviewNomination::Table)
                    .col(ReviewNomination::MomentId)
                    .col(ReviewNomination::EmployeeId)
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_review_nomination_reviewer", ReviewNomination::ReviewerId),
            ("ix_review_nomination_token", ReviewNomination::TokenHash),
        ] {
            manager
                .create_index(
                    Index::create().name(name).table(ReviewNomination::Table).col(column).to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewNomination::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter().table(ReviewMoment::Table).drop_column(ReviewMoment::PeerFormId).to_owned(),
            )
            .await?;
        for column in
            [ReviewCycle::ReviewersNamed, ReviewCycle::AnonymityThreshold, ReviewCycle::FinalScoreVisible]
        {
            manager
                .alter_table(Table::alter().table(ReviewCycle::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ReviewCycle {
    Table,
    ReviewersNamed,
    AnonymityThreshold,
    FinalScoreVisible,
}

#[derive(DeriveIden)]
enum ReviewMoment {
    Table,
    Id,
    PeerFormId,
}

#[derive(DeriveIden)]
enum ReviewNomination {
    Table,
    Id,
    OrgId,
    MomentId,
    EmployeeId,
    ReviewerId,
    ExternalName,
    ExternalEmail,
    TokenHash,
    ApprovedAt,
    ApprovedBy,
    Answers,
    AnsweredAt,
    CreatedAt,
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
