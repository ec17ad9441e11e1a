//! Goals (issue 5): organisation, team, performance and development goals
//! for a year, with key results, check-ins that form their history, each
//! person's goal plan for a year (for managers' approval) and goal
//! templates. Titles, descriptions, targets and comments are personal data
//! in free text: stored sealed under the organisation's data key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Goal::Table)
                    .col(pk_uuid(Goal::Id))
                    .col(uuid(Goal::OrgId))
                    // organisation, team, performance or development
                    .col(string_len(Goal::Kind, 20))
                    // A person's own goal; empty for organisation and team goals.
                    .col(uuid_null(Goal::OwnerId))
                    // The unit of a team goal. No foreign key: a unit with
                    // goals is not deleted (the service refuses).
                    .col(uuid_null(Goal::UnitId))
                    // The goal it is aligned to.
                    .col(uuid_null(Goal::ParentId))
                    // What a development goal develops.
                    .col(uuid_null(Goal::CompetencyId))
                    .col(uuid_null(Goal::ValueId))
                    // The template it was copied from.
                    .col(uuid_null(Goal::TemplateId))
                    .col(integer(Goal::Year))
                    .col(blob(Goal::Title))
                    .col(blob(Goal::Description))
                    .col(blob(Goal::Target))
                    .col(date_null(Goal::DueOn))
                    .col(string_len(Goal::Status, 20))
                    .col(string_len(Goal::Visibility, 20))
                    // 0 to 100, from the key results or the last check-in.
                    .col(integer(Goal::Progress))
                    .col(uuid(Goal::CreatedBy))
                    .col(timestamp_with_time_zone(Goal::CreatedAt))
                    .col(timestamp_with_time_zone(Goal::UpdatedAt))
                    .foreign_key(&mut crate::reference(
                        (Goal::Table, Goal::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Goal::Table, Goal::OwnerId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Goal::Table, Goal::ParentId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Goal::Table, Goal::CompetencyId),
                        (Competency::Table, Competency::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Goal::Table, Goal::ValueId),
                        (CoreValue::Table, CoreValue::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_goal_org_owner_year")
                    .table(Goal::Table)
                    .col(Goal::OrgId)
                    .col(Goal::OwnerId)
                    .col(Goal::Year)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KeyResult::Table)
                    .col(pk_uuid(KeyResult::Id))
                    .col(uuid(KeyResult::GoalId))
                    .col(integer(KeyResult::Position))
                    .col(blob(KeyResult::Title))
                    .col(double(KeyResult::StartValue))
                    .col(double(KeyResult::TargetValue))
                    .col(double(KeyResult::CurrentValue))
                    .foreign_key(&mut crate::reference(
                        (KeyResult::Table, KeyResult::GoalId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalCheckIn::Table)
                    .col(pk_uuid(GoalCheckIn::Id))
                    .col(uuid(GoalCheckIn::GoalId))
                    .col(uuid(GoalCheckIn::AuthorId))
                    .col(string_len(GoalCheckIn::Status, 20))
                    .col(integer(GoalCheckIn::Progress))
                    .col(blob(GoalCheckIn::Comment))
                    // The key results' values after it, as `id=value` lines.
                    .col(text(GoalCheckIn::Values))
                    .col(timestamp_with_time_zone(GoalCheckIn::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (GoalCheckIn::Table, GoalCheckIn::GoalId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (GoalCheckIn::Table, GoalCheckIn::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalPlan::Table)
                    .col(uuid(GoalPlan::OwnerId))
                    .col(integer(GoalPlan::Year))
                    // draft, submitted, returned or approved
                    .col(string_len(GoalPlan::State, 20))
                    // The manager's comment when returning it.
                    .col(blob_null(GoalPlan::Comment))
                    .col(uuid_null(GoalPlan::DecidedBy))
                    .col(timestamp_with_time_zone(GoalPlan::UpdatedAt))
                    .primary_key(Index::create().col(GoalPlan::OwnerId).col(GoalPlan::Year))
                    .foreign_key(&mut crate::reference(
                        (GoalPlan::Table, GoalPlan::OwnerId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in
            [GoalPlan::Table.into_iden(), GoalCheckIn::Table.into_iden(), KeyResult::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Goal::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Goal {
    Table,
    Id,
    OrgId,
    Kind,
    OwnerId,
    UnitId,
    ParentId,
    CompetencyId,
    ValueId,
    TemplateId,
    Year,
    Title,
    Description,
    Target,
    DueOn,
    Status,
    Visibility,
    Progress,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum KeyResult {
    Table,
    Id,
    GoalId,
    Position,
    Title,
    StartValue,
    TargetValue,
    CurrentValue,
}

#[derive(DeriveIden)]
enum GoalCheckIn {
    Table,
    Id,
    GoalId,
    AuthorId,
    Status,
    Progress,
    Comment,
    Values,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GoalPlan {
    Table,
    OwnerId,
    Year,
    State,
    Comment,
    DecidedBy,
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
enum Competency {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CoreValue {
    Table,
    Id,
}
