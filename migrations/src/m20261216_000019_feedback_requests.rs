//! Feedback requests (issue 6): a person asks colleagues and external
//! people (customers, suppliers) for feedback, with their own questions and
//! a deadline. Each person asked is a row of its own: a colleague by
//! account; an external by name and e-mail address, sealed under the
//! organisation's data key because they are the organisation's personal
//! data, with a single-use link known only by its hash. An answer becomes
//! feedback; the row then points at it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FeedbackRequest::Table)
                    .col(pk_uuid(FeedbackRequest::Id))
                    .col(uuid(FeedbackRequest::OrgId))
                    .col(uuid(FeedbackRequest::RequesterId))
                    // The questions as a sealed JSON list of texts.
                    .col(blob(FeedbackRequest::Questions))
                    // Answers are taken until the end of this day.
                    .col(date(FeedbackRequest::Deadline))
                    .col(timestamp_with_time_zone(FeedbackRequest::CreatedAt))
                    .col(timestamp_with_time_zone_null(FeedbackRequest::WithdrawnAt))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequest::Table, FeedbackRequest::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequest::Table, FeedbackRequest::RequesterId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_feedback_request_requester")
                    .table(FeedbackRequest::Table)
                    .col(FeedbackRequest::OrgId)
                    .col(FeedbackRequest::RequesterId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FeedbackRequestGiver::Table)
                    .col(pk_uuid(FeedbackRequestGiver::Id))
                    .col(uuid(FeedbackRequestGiver::OrgId))
                    .col(uuid(FeedbackRequestGiver::RequestId))
                    // A colleague asked; empty for an external.
                    .col(uuid_null(FeedbackRequestGiver::UserId))
                    // An external asked: sealed name and e-mail address.
                    .col(blob_null(FeedbackRequestGiver::ExternalName))
                    .col(blob_null(FeedbackRequestGiver::ExternalEmail))
                    // The hash of an external's link; a new one on every reminder.
                    .col(string_len_null(FeedbackRequestGiver::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(FeedbackRequestGiver::AskedAt))
                    .col(timestamp_with_time_zone_null(FeedbackRequestGiver::RemindedAt))
                    .col(timestamp_with_time_zone_null(FeedbackRequestGiver::AnsweredAt))
                    .col(uuid_null(FeedbackRequestGiver::FeedbackId))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequestGiver::Table, FeedbackRequestGiver::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequestGiver::Table, FeedbackRequestGiver::RequestId),
                        (FeedbackRequest::Table, FeedbackRequest::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequestGiver::Table, FeedbackRequestGiver::UserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (FeedbackRequestGiver::Table, FeedbackRequestGiver::FeedbackId),
                        (Feedback::Table, Feedback::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_feedback_request_giver_request", FeedbackRequestGiver::RequestId),
            ("ix_feedback_request_giver_user", FeedbackRequestGiver::UserId),
            ("ix_feedback_request_giver_feedback", FeedbackRequestGiver::FeedbackId),
        ] {
            manager
                .create_index(
                    Index::create().name(name).table(FeedbackRequestGiver::Table).col(column).to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(FeedbackRequestGiver::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(FeedbackRequest::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum FeedbackRequest {
    Table,
    Id,
    OrgId,
    RequesterId,
    Questions,
    Deadline,
    CreatedAt,
    WithdrawnAt,
}

#[derive(DeriveIden)]
enum FeedbackRequestGiver {
    Table,
    Id,
    OrgId,
    RequestId,
    UserId,
    ExternalName,
    ExternalEmail,
    TokenHash,
    AskedAt,
    RemindedAt,
    AnsweredAt,
    FeedbackId,
}

#[derive(DeriveIden)]
enum Feedback {
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
