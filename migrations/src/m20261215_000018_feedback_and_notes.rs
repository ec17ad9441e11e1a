//! Feedback and private notes (issue 6): feedback from one person to
//! another, with who may read it; and notes a person keeps about someone,
//! for their eyes only. Both texts are sealed under the organisation's data
//! key, each bound to its record.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Feedback::Table)
                    .col(pk_uuid(Feedback::Id))
                    .col(uuid(Feedback::OrgId))
                    // Empty once the giver is erased: the feedback stays, anonymous.
                    .col(uuid_null(Feedback::GiverId))
                    .col(uuid(Feedback::RecipientId))
                    // recipient, recipient_and_manager, manager or praise
                    .col(string_len(Feedback::Visibility, 30))
                    // What it is about: a goal (also linked later by the
                    // recipient), a competency or a core value.
                    .col(uuid_null(Feedback::GoalId))
                    .col(uuid_null(Feedback::CompetencyId))
                    .col(uuid_null(Feedback::ValueId))
                    .col(blob(Feedback::Body))
                    .col(timestamp_with_time_zone(Feedback::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::GiverId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::RecipientId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::GoalId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::CompetencyId),
                        (Competency::Table, Competency::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Feedback::Table, Feedback::ValueId),
                        (CoreValue::Table, CoreValue::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in
            [("ix_feedback_recipient", Feedback::RecipientId), ("ix_feedback_giver", Feedback::GiverId)]
        {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Feedback::Table)
                        .col(Feedback::OrgId)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(PrivateNote::Table)
                    .col(pk_uuid(PrivateNote::Id))
                    .col(uuid(PrivateNote::OrgId))
                    .col(uuid(PrivateNote::AuthorId))
                    // Whom it is about: still their personal data (PRODUCT.md §3.3).
                    .col(uuid(PrivateNote::SubjectId))
                    .col(blob(PrivateNote::Body))
                    .col(timestamp_with_time_zone(PrivateNote::CreatedAt))
                    .col(timestamp_with_time_zone(PrivateNote::UpdatedAt))
                    .foreign_key(&mut crate::reference(
                        (PrivateNote::Table, PrivateNote::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (PrivateNote::Table, PrivateNote::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (PrivateNote::Table, PrivateNote::SubjectId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_private_note_author_subject")
                    .table(PrivateNote::Table)
                    .col(PrivateNote::AuthorId)
                    .col(PrivateNote::SubjectId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PrivateNote::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Feedback::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Feedback {
    Table,
    Id,
    OrgId,
    GiverId,
    RecipientId,
    Visibility,
    GoalId,
    CompetencyId,
    ValueId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PrivateNote {
    Table,
    Id,
    OrgId,
    AuthorId,
    SubjectId,
    Body,
    CreatedAt,
    UpdatedAt,
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

#[derive(DeriveIden)]
enum Goal {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Competency {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CoreValue {
    Table,
    Id,
}
