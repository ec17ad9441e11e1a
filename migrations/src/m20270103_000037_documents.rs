//! Documents on people, goals and evaluations (issue 10, PRODUCT.md §3.6).
//!
//! A row describes one file kept in the object store: what it hangs on
//! (exactly one of a person, a goal or an evaluation, each a reference
//! that deletes the row with what it hangs on), its name sealed under the
//! organisation's data key, its kind as told from its content, its size,
//! and the file's own key sealed under the organisation's key — so the
//! bytes in the store can only be read while this row and the
//! organisation's key both exist.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let hangs_on = |column: Document, table: DynIden, id: DynIden| {
            crate::reference((Document::Table, column), (table, id), ForeignKeyAction::Cascade)
        };
        manager
            .create_table(
                Table::create()
                    .table(Document::Table)
                    .col(pk_uuid(Document::Id))
                    .col(uuid(Document::OrgId))
                    .col(uuid_null(Document::PersonId))
                    .col(uuid_null(Document::GoalId))
                    .col(uuid_null(Document::EvaluationId))
                    .col(blob(Document::Name))
                    .col(string_len(Document::MediaType, 100))
                    .col(big_integer(Document::Size))
                    .col(blob(Document::FileKey))
                    .col(uuid_null(Document::UploadedBy))
                    .col(timestamp_with_time_zone(Document::UploadedAt))
                    // Exactly one thing it hangs on.
                    .check(Expr::cust(
                        "(person_id IS NOT NULL AND goal_id IS NULL AND evaluation_id IS NULL) \
                         OR (person_id IS NULL AND goal_id IS NOT NULL AND evaluation_id IS NULL) \
                         OR (person_id IS NULL AND goal_id IS NULL AND evaluation_id IS NOT NULL)",
                    ))
                    .foreign_key(&mut crate::reference(
                        (Document::Table, Document::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut hangs_on(
                        Document::PersonId,
                        UserAccount::Table.into_iden(),
                        UserAccount::Id.into_iden(),
                    ))
                    .foreign_key(&mut hangs_on(
                        Document::GoalId,
                        Goal::Table.into_iden(),
                        Goal::Id.into_iden(),
                    ))
                    .foreign_key(&mut hangs_on(
                        Document::EvaluationId,
                        ReviewEvaluation::Table.into_iden(),
                        ReviewEvaluation::Id.into_iden(),
                    ))
                    .foreign_key(&mut crate::reference(
                        (Document::Table, Document::UploadedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("document_person", Document::PersonId),
            ("document_goal", Document::GoalId),
            ("document_evaluation", Document::EvaluationId),
        ] {
            manager
                .create_index(Index::create().name(name).table(Document::Table).col(column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Document::Table).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Document {
    Table,
    Id,
    OrgId,
    PersonId,
    GoalId,
    EvaluationId,
    Name,
    MediaType,
    Size,
    FileKey,
    UploadedBy,
    UploadedAt,
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
enum ReviewEvaluation {
    Table,
    Id,
}
