//! Talent review (issue 7): per cycle, a manager places each of their
//! people in the 9-box — performance and potential, each low, medium or
//! high — which admins view per unit.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TalentReview::Table)
                    .col(pk_uuid(TalentReview::Id))
                    .col(uuid(TalentReview::OrgId))
                    .col(uuid(TalentReview::CycleId))
                    .col(uuid(TalentReview::EmployeeId))
                    // low, medium or high
                    .col(string_len(TalentReview::Performance, 10))
                    .col(string_len(TalentReview::Potential, 10))
                    .col(uuid_null(TalentReview::PlacedBy))
                    .col(timestamp_with_time_zone(TalentReview::PlacedAt))
                    .foreign_key(&mut crate::reference(
                        (TalentReview::Table, TalentReview::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (TalentReview::Table, TalentReview::CycleId),
                        (ReviewCycle::Table, ReviewCycle::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (TalentReview::Table, TalentReview::EmployeeId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (TalentReview::Table, TalentReview::PlacedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_talent_review_cycle_employee")
                    .table(TalentReview::Table)
                    .col(TalentReview::CycleId)
                    .col(TalentReview::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TalentReview::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum TalentReview {
    Table,
    Id,
    OrgId,
    CycleId,
    EmployeeId,
    Performance,
    Potential,
    PlacedBy,
    PlacedAt,
}

#[derive(DeriveIden)]
enum ReviewCycle {
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
