//! Core values and competencies (issue 4): named and described in Dutch and
//! English. Core values hold for the whole organisation; a competency is
//! asked of the holders of chosen job functions or of the people of chosen
//! units (and the units below them), optionally in levels with behavioural
//! indicators.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Frame::CoreValue, Frame::Competency] {
            manager
                .create_table(
                    Table::create()
                        .table(table)
                        .col(pk_uuid(Frame::Id))
                        .col(uuid(Frame::OrgId))
                        .col(string_len(Frame::NameNl, 200))
                        .col(string_len(Frame::NameEn, 200))
                        .col(text(Frame::DescriptionNl))
                        .col(text(Frame::DescriptionEn))
                        .col(timestamp_with_time_zone(Frame::CreatedAt))
                        .foreign_key(&mut crate::reference(
                            (table, Frame::OrgId),
                            (Organisation::Table, Organisation::Id),
                            ForeignKeyAction::Cascade,
                        ))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CompetencyLevel::Table)
                    .col(pk_uuid(CompetencyLevel::Id))
                    .col(uuid(CompetencyLevel::CompetencyId))
                    // Levels run from 1 upwards.
                    .col(integer(CompetencyLevel::Position))
                    .col(string_len(CompetencyLevel::NameNl, 200))
                    .col(string_len(CompetencyLevel::NameEn, 200))
                    // One observable behaviour per line.
                    .col(text(CompetencyLevel::IndicatorsNl))
                    .col(text(CompetencyLevel::IndicatorsEn))
                    .foreign_key(&mut crate::reference(
                        (CompetencyLevel::Table, CompetencyLevel::CompetencyId),
                        (Frame::Competency, Frame::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        for (table, target, target_table, target_id) in [
            (Scope::CompetencyFunction, Scope::FunctionId, Target::JobFunction, Target::Id),
            (Scope::CompetencyUnit, Scope::UnitId, Target::OrgUnit, Target::Id),
        ] {
            manager
                .create_table(
                    Table::create()
                        .table(table)
                        .col(uuid(Scope::CompetencyId))
                        .col(uuid(target))
                        .primary_key(Index::create().col(Scope::CompetencyId).col(target))
                        .foreign_key(&mut crate::reference(
                            (table, Scope::CompetencyId),
                            (Frame::Competency, Frame::Id),
                            ForeignKeyAction::Cascade,
                        ))
                        .foreign_key(&mut crate::reference(
                            (table, target),
                            (target_table, target_id),
                            ForeignKeyAction::Cascade,
                        ))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Scope::CompetencyUnit, Scope::CompetencyFunction] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(CompetencyLevel::Table).to_owned()).await?;
        for table in [Frame::Competency, Frame::CoreValue] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

/// The two tables of the same shape: core values and competencies.
#[derive(DeriveIden, Clone, Copy)]
enum Frame {
    CoreValue,
    Competency,
    Id,
    OrgId,
    NameNl,
    NameEn,
    DescriptionNl,
    DescriptionEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CompetencyLevel {
    Table,
    Id,
    CompetencyId,
    Position,
    NameNl,
    NameEn,
    IndicatorsNl,
    IndicatorsEn,
}

/// Whom a competency is asked of.
#[derive(DeriveIden, Clone, Copy)]
enum Scope {
    CompetencyFunction,
    CompetencyUnit,
    CompetencyId,
    FunctionId,
    UnitId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Target {
    JobFunction,
    OrgUnit,
    Id,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}
