//! Goal templates (issue 5): an admin defines a personal goal once and
//! assigns it to the people of a unit or a function for a year; each gets
//! their own copy (`goal.template_id`), at most one per template and year.
//! The texts are sealed under the organisation's data key like goals'.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(GoalTemplate::Table)
                    .col(pk_uuid(GoalTemplate::Id))
                    .col(uuid(GoalTemplate::OrgId))
                    // performance or development
                    .col(string_len(GoalTemplate::Kind, 20))
                    .col(uuid_null(GoalTemplate::CompetencyId))
                    .col(uuid_null(GoalTemplate::ValueId))
                    .col(blob(GoalTemplate::Title))
                    .col(blob(GoalTemplate::Description))
                    .col(blob(GoalTemplate::Target))
                    // Empty: the organisation's default for each owner's unit.
                    .col(string_len_null(GoalTemplate::Visibility, 20))
                    // Title, start and target of each key result, as sealed JSON.
                    .col(blob(GoalTemplate::KeyResults))
                    .col(timestamp_with_time_zone(GoalTemplate::CreatedAt))
                    .col(timestamp_with_time_zone(GoalTemplate::UpdatedAt))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplate::Table, GoalTemplate::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplate::Table, GoalTemplate::CompetencyId),
                        (Competency::Table, Competency::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplate::Table, GoalTemplate::ValueId),
                        (CoreValue::Table, CoreValue::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalTemplateAssignment::Table)
                    .col(pk_uuid(GoalTemplateAssignment::Id))
                    .col(uuid(GoalTemplateAssignment::TemplateId))
                    // One of the two: everyone in a unit (and its sub-units)
                    // or everyone with a function.
                    .col(uuid_null(GoalTemplateAssignment::UnitId))
                    .col(uuid_null(GoalTemplateAssignment::FunctionId))
                    .col(integer(GoalTemplateAssignment::Year))
                    .col(date_null(GoalTemplateAssignment::DueOn))
                    .col(uuid(GoalTemplateAssignment::AssignedBy))
                    .col(timestamp_with_time_zone(GoalTemplateAssignment::AssignedAt))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplateAssignment::Table, GoalTemplateAssignment::TemplateId),
                        (GoalTemplate::Table, GoalTemplate::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplateAssignment::Table, GoalTemplateAssignment::UnitId),
                        (OrgUnit::Table, OrgUnit::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (GoalTemplateAssignment::Table, GoalTemplateAssignment::FunctionId),
                        (JobFunction::Table, JobFunction::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // One copy per person, template and year, even when two admins
        // assign at the same moment.
        manager
            .create_index(
                Index::create()
                    .name("ux_goal_template_owner_year")
                    .table(Goal::Table)
                    .col(Goal::TemplateId)
                    .col(Goal::OwnerId)
                    .col(Goal::Year)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("ux_goal_template_owner_year").table(Goal::Table).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(GoalTemplateAssignment::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(GoalTemplate::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum GoalTemplate {
    Table,
    Id,
    OrgId,
    Kind,
    CompetencyId,
    ValueId,
    Title,
    Description,
    Target,
    Visibility,
    KeyResults,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum GoalTemplateAssignment {
    Table,
    Id,
    TemplateId,
    UnitId,
    FunctionId,
    Year,
    DueOn,
    AssignedBy,
    AssignedAt,
}

#[derive(DeriveIden)]
enum Goal {
    Table,
    TemplateId,
    OwnerId,
    Year,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum JobFunction {
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
