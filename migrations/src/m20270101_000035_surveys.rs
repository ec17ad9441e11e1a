//! Engagement surveys (issue 9, PRODUCT.md §3.5). A survey is a set of
//! questions for an audience of units, run once, as a recurring pulse, or
//! for each newcomer some days after their start date; every run is a
//! round with its own opening and closing and the anonymity threshold
//! fixed when it opened.
//!
//! Anonymity is built into the tables: a response and its answers carry no
//! link to a person, no time and a random (not time-ordered) id; who took
//! part is a separate table with no time either, used only for reminders
//! and response rates. A respondent's half-finished answers live with
//! their participation, sealed, until they send them or the round closes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organisation::Table)
                    .add_column(integer(Organisation::SurveyThreshold).default(5))
                    .to_owned(),
            )
            .await?;
        for table in tables() {
            manager.create_table(table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SurveyReply::Table.into_iden(),
            SurveyAnswer::Table.into_iden(),
            SurveyResponse::Table.into_iden(),
            SurveyParticipant::Table.into_iden(),
            SurveyRound::Table.into_iden(),
            SurveyUnit::Table.into_iden(),
            SurveyQuestion::Table.into_iden(),
            Survey::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Organisation::Table)
                    .drop_column(Organisation::SurveyThreshold)
                    .to_owned(),
            )
            .await
    }
}

fn tenant<T: IntoIden + Copy>(table: T, org_id: impl IntoIden) -> ForeignKeyCreateStatement {
    crate::reference((table, org_id), (Organisation::Table, Organisation::Id), ForeignKeyAction::Cascade)
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table(Survey::Table)
            .col(pk_uuid(Survey::Id))
            .col(uuid(Survey::OrgId))
            .col(string_len(Survey::TitleNl, 200))
            .col(string_len(Survey::TitleEn, 200))
            .col(text(Survey::IntroNl))
            .col(text(Survey::IntroEn))
            // once, pulse or onboarding
            .col(string_len(Survey::Kind, 20))
            // A pulse runs again every so many months.
            .col(integer_null(Survey::RepeatMonths))
            // An onboarding survey reaches a newcomer this many days after they started.
            .col(integer_null(Survey::OnboardingDays))
            // How long each round stays open, and after how many days the
            // ones who have not answered yet get a reminder.
            .col(integer(Survey::OpenDays))
            .col(integer_null(Survey::RemindAfterDays))
            .col(uuid_null(Survey::CreatedBy))
            .col(timestamp_with_time_zone(Survey::CreatedAt))
            .col(timestamp_with_time_zone_null(Survey::ArchivedAt))
            .foreign_key(&mut tenant(Survey::Table, Survey::OrgId))
            .foreign_key(&mut crate::reference(
                (Survey::Table, Survey::CreatedBy),
                (UserAccount::Table, UserAccount::Id),
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyQuestion::Table)
            .col(pk_uuid(SurveyQuestion::Id))
            .col(uuid(SurveyQuestion::OrgId))
            .col(uuid(SurveyQuestion::SurveyId))
            .col(integer(SurveyQuestion::Position))
            // The theme of the question library it counts towards.
            .col(string_len(SurveyQuestion::Theme, 40))
            // likert, enps or open
            .col(string_len(SurveyQuestion::Kind, 10))
            // A question taken from the library keeps its key, so trends can
            // follow it from survey to survey; its wording is copied in both
            // languages when taken, and may be edited.
            .col(string_len_null(SurveyQuestion::LibraryKey, 60))
            .col(text(SurveyQuestion::TextNl))
            .col(text(SurveyQuestion::TextEn))
            .foreign_key(&mut tenant(SurveyQuestion::Table, SurveyQuestion::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyQuestion::Table, SurveyQuestion::SurveyId),
                (Survey::Table, Survey::Id),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyUnit::Table)
            .col(uuid(SurveyUnit::SurveyId))
            .col(uuid(SurveyUnit::UnitId))
            .col(uuid(SurveyUnit::OrgId))
            .primary_key(Index::create().col(SurveyUnit::SurveyId).col(SurveyUnit::UnitId))
            .foreign_key(&mut tenant(SurveyUnit::Table, SurveyUnit::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyUnit::Table, SurveyUnit::SurveyId),
                (Survey::Table, Survey::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyUnit::Table, SurveyUnit::UnitId),
                (OrgUnit::Table, OrgUnit::Id),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyRound::Table)
            .col(pk_uuid(SurveyRound::Id))
            .col(uuid(SurveyRound::OrgId))
            .col(uuid(SurveyRound::SurveyId))
            .col(timestamp_with_time_zone(SurveyRound::OpensAt))
            .col(timestamp_with_time_zone(SurveyRound::ClosesAt))
            // Fixed from the organisation's setting when the round opens.
            .col(integer_null(SurveyRound::Threshold))
            .col(timestamp_with_time_zone_null(SurveyRound::OpenedAt))
            .col(timestamp_with_time_zone_null(SurveyRound::ClosedAt))
            .col(timestamp_with_time_zone_null(SurveyRound::RemindedAt))
            .foreign_key(&mut tenant(SurveyRound::Table, SurveyRound::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyRound::Table, SurveyRound::SurveyId),
                (Survey::Table, Survey::Id),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyParticipant::Table)
            .col(uuid(SurveyParticipant::RoundId))
            .col(uuid(SurveyParticipant::UserId))
            .col(uuid(SurveyParticipant::OrgId))
            .col(boolean(SurveyParticipant::Answered))
            // Whether they were told the round is open (once, whichever server tells).
            .col(boolean(SurveyParticipant::Told))
            // Sealed answers not yet sent; dropped when sent or closed.
            .col(blob_null(SurveyParticipant::Draft))
            .primary_key(Index::create().col(SurveyParticipant::RoundId).col(SurveyParticipant::UserId))
            .foreign_key(&mut tenant(SurveyParticipant::Table, SurveyParticipant::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyParticipant::Table, SurveyParticipant::RoundId),
                (SurveyRound::Table, SurveyRound::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyParticipant::Table, SurveyParticipant::UserId),
                (UserAccount::Table, UserAccount::Id),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyResponse::Table)
            .col(pk_uuid(SurveyResponse::Id))
            .col(uuid(SurveyResponse::OrgId))
            .col(uuid(SurveyResponse::RoundId))
            // The segments the respondent belonged to when answering.
            .col(uuid_null(SurveyResponse::UnitId))
            .col(uuid_null(SurveyResponse::FunctionId))
            .col(string_len_null(SurveyResponse::TenureBand, 10))
            .col(string_len_null(SurveyResponse::AgeBand, 10))
            // The hash of a code only the respondent's browser holds, so
            // they can answer a reply to their comment without a name.
            .col(string_len_null(SurveyResponse::ReplyCodeHash, 64))
            .foreign_key(&mut tenant(SurveyResponse::Table, SurveyResponse::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyResponse::Table, SurveyResponse::RoundId),
                (SurveyRound::Table, SurveyRound::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyResponse::Table, SurveyResponse::UnitId),
                (OrgUnit::Table, OrgUnit::Id),
                ForeignKeyAction::SetNull,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyResponse::Table, SurveyResponse::FunctionId),
                (JobFunction::Table, JobFunction::Id),
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyAnswer::Table)
            .col(pk_uuid(SurveyAnswer::Id))
            .col(uuid(SurveyAnswer::OrgId))
            .col(uuid(SurveyAnswer::ResponseId))
            .col(uuid(SurveyAnswer::QuestionId))
            .col(integer_null(SurveyAnswer::Score))
            .col(blob_null(SurveyAnswer::Comment))
            .foreign_key(&mut tenant(SurveyAnswer::Table, SurveyAnswer::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyAnswer::Table, SurveyAnswer::ResponseId),
                (SurveyResponse::Table, SurveyResponse::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyAnswer::Table, SurveyAnswer::QuestionId),
                (SurveyQuestion::Table, SurveyQuestion::Id),
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
        Table::create()
            .table(SurveyReply::Table)
            .col(pk_uuid(SurveyReply::Id))
            .col(uuid(SurveyReply::OrgId))
            .col(uuid(SurveyReply::AnswerId))
            // The manager who replied; empty for the anonymous respondent
            // (or a manager since erased, which `from_respondent` tells apart).
            .col(uuid_null(SurveyReply::AuthorId))
            .col(boolean(SurveyReply::FromRespondent))
            .col(blob(SurveyReply::Body))
            .col(timestamp_with_time_zone(SurveyReply::WrittenAt))
            .foreign_key(&mut tenant(SurveyReply::Table, SurveyReply::OrgId))
            .foreign_key(&mut crate::reference(
                (SurveyReply::Table, SurveyReply::AnswerId),
                (SurveyAnswer::Table, SurveyAnswer::Id),
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut crate::reference(
                (SurveyReply::Table, SurveyReply::AuthorId),
                (UserAccount::Table, UserAccount::Id),
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
    ]
}

#[derive(DeriveIden, Clone, Copy)]
enum Survey {
    Table,
    Id,
    OrgId,
    TitleNl,
    TitleEn,
    IntroNl,
    IntroEn,
    Kind,
    RepeatMonths,
    OnboardingDays,
    OpenDays,
    RemindAfterDays,
    CreatedBy,
    CreatedAt,
    ArchivedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyQuestion {
    Table,
    Id,
    OrgId,
    SurveyId,
    Position,
    Theme,
    Kind,
    LibraryKey,
    TextNl,
    TextEn,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyUnit {
    Table,
    SurveyId,
    UnitId,
    OrgId,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyRound {
    Table,
    Id,
    OrgId,
    SurveyId,
    OpensAt,
    ClosesAt,
    Threshold,
    OpenedAt,
    ClosedAt,
    RemindedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyParticipant {
    Table,
    RoundId,
    UserId,
    OrgId,
    Answered,
    Told,
    Draft,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyResponse {
    Table,
    Id,
    OrgId,
    RoundId,
    UnitId,
    FunctionId,
    TenureBand,
    AgeBand,
    ReplyCodeHash,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyAnswer {
    Table,
    Id,
    OrgId,
    ResponseId,
    QuestionId,
    Score,
    Comment,
}

#[derive(DeriveIden, Clone, Copy)]
enum SurveyReply {
    Table,
    Id,
    OrgId,
    AnswerId,
    AuthorId,
    FromRespondent,
    Body,
    WrittenAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisation {
    Table,
    Id,
    SurveyThreshold,
}

#[derive(DeriveIden, Clone, Copy)]
enum UserAccount {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum JobFunction {
    Table,
    Id,
}
