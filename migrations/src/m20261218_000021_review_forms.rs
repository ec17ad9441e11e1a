//! Review forms (issue 7): the question forms of review moments, built by
//! admins in Dutch and English and reused from cycle to cycle. A form is
//! named and described like the organisation's other bilingual lists; its
//! questions, in order, are open questions, ratings on a scale, or ratings
//! of each goal or competency of the period.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReviewForm::Table)
                    .col(pk_uuid(ReviewForm::Id))
                    .col(uuid(ReviewForm::OrgId))
                    .col(string_len(ReviewForm::NameNl, 200))
                    .col(string_len(ReviewForm::NameEn, 200))
                    .col(text(ReviewForm::DescriptionNl))
                    .col(text(ReviewForm::DescriptionEn))
                    .col(timestamp_with_time_zone(ReviewForm::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewForm::Table, ReviewForm::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewQuestion::Table)
                    .col(pk_uuid(ReviewQuestion::Id))
                    .col(uuid(ReviewQuestion::OrgId))
                    .col(uuid(ReviewQuestion::FormId))
                    .col(integer(ReviewQuestion::Position))
                    // open, rating, goal_ratings or competency_ratings
                    .col(string_len(ReviewQuestion::Kind, 30))
                    .col(text(ReviewQuestion::TextNl))
                    .col(text(ReviewQuestion::TextEn))
                    .col(text(ReviewQuestion::HintNl))
                    .col(text(ReviewQuestion::HintEn))
                    // The highest rating (ratings run from 1).
                    .col(integer(ReviewQuestion::Scale))
                    .col(boolean(ReviewQuestion::Required))
                    .foreign_key(&mut crate::reference(
                        (ReviewQuestion::Table, ReviewQuestion::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewQuestion::Table, ReviewQuestion::FormId),
                        (ReviewForm::Table, ReviewForm::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_review_question_form")
                    .table(ReviewQuestion::Table)
                    .col(ReviewQuestion::FormId)
                    .col(ReviewQuestion::Position)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewQuestion::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReviewForm::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ReviewForm {
    Table,
    Id,
    OrgId,
    NameNl,
    NameEn,
    DescriptionNl,
    DescriptionEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewQuestion {
    Table,
    Id,
    OrgId,
    FormId,
    Position,
    Kind,
    TextNl,
    TextEn,
    HintNl,
    HintEn,
    Scale,
    Required,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}
