//! Review cycles (issue 7): an organisation's yearly round of
//! conversations. A cycle has a period, the units (with the units below
//! them) and people in scope, and moments of three kinds — goal-setting,
//! mid-term and end evaluation — each with open and close dates, who
//! writes, a form and reminder dates. A cycle that repeats yearly is copied
//! forward once, about three months before it ends.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReviewCycle::Table)
                    .col(pk_uuid(ReviewCycle::Id))
                    .col(uuid(ReviewCycle::OrgId))
                    .col(string_len(ReviewCycle::Name, 200))
                    .col(date(ReviewCycle::StartsOn))
                    .col(date(ReviewCycle::EndsOn))
                    .col(boolean(ReviewCycle::RepeatsYearly))
                    // The cycle this one was copied to; a cycle is copied once.
                    .col(uuid_null(ReviewCycle::CopiedTo))
                    .col(timestamp_with_time_zone(ReviewCycle::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewCycle::Table, ReviewCycle::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewCycleScope::Table)
                    .col(pk_uuid(ReviewCycleScope::Id))
                    .col(uuid(ReviewCycleScope::CycleId))
                    // A unit with the units below it, or one person.
                    .col(uuid_null(ReviewCycleScope::UnitId))
                    .col(uuid_null(ReviewCycleScope::UserId))
                    .foreign_key(&mut crate::reference(
                        (ReviewCycleScope::Table, ReviewCycleScope::CycleId),
                        (ReviewCycle::Table, ReviewCycle::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewCycleScope::Table, ReviewCycleScope::UnitId),
                        (OrgUnit::Table, OrgUnit::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewCycleScope::Table, ReviewCycleScope::UserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewMoment::Table)
                    .col(pk_uuid(ReviewMoment::Id))
                    .col(uuid(ReviewMoment::OrgId))
                    .col(uuid(ReviewMoment::CycleId))
                    // goal_setting, mid_term or end
                    .col(string_len(ReviewMoment::Kind, 20))
                    .col(date(ReviewMoment::OpensOn))
                    .col(date(ReviewMoment::ClosesOn))
                    // employee, manager or both
                    .col(string_len(ReviewMoment::Writers, 20))
                    // A form in use cannot be deleted.
                    .col(uuid(ReviewMoment::FormId))
                    .col(text(ReviewMoment::IntroNl))
                    .col(text(ReviewMoment::IntroEn))
                    .foreign_key(&mut crate::reference(
                        (ReviewMoment::Table, ReviewMoment::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewMoment::Table, ReviewMoment::CycleId),
                        (ReviewCycle::Table, ReviewCycle::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (ReviewMoment::Table, ReviewMoment::FormId),
                        (ReviewForm::Table, ReviewForm::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewReminder::Table)
                    .col(pk_uuid(ReviewReminder::Id))
                    .col(uuid(ReviewReminder::MomentId))
                    .col(date(ReviewReminder::RemindOn))
                    // Claimed by the one job run that sends it.
                    .col(timestamp_with_time_zone_null(ReviewReminder::SentAt))
                    .foreign_key(&mut crate::reference(
                        (ReviewReminder::Table, ReviewReminder::MomentId),
                        (ReviewMoment::Table, ReviewMoment::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, table, column) in [
            (
                "ix_review_cycle_scope_cycle",
                ReviewCycleScope::Table.into_iden(),
                ReviewCycleScope::CycleId.into_iden(),
            ),
            ("ix_review_moment_cycle", ReviewMoment::Table.into_iden(), ReviewMoment::CycleId.into_iden()),
            (
                "ix_review_reminder_moment",
                ReviewReminder::Table.into_iden(),
                ReviewReminder::MomentId.into_iden(),
            ),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReviewReminder::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReviewMoment::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReviewCycleScope::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReviewCycle::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ReviewCycle {
    Table,
    Id,
    OrgId,
    Name,
    StartsOn,
    EndsOn,
    RepeatsYearly,
    CopiedTo,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewCycleScope {
    Table,
    Id,
    CycleId,
    UnitId,
    UserId,
}

#[derive(DeriveIden)]
enum ReviewMoment {
    Table,
    Id,
    OrgId,
    CycleId,
    Kind,
    OpensOn,
    ClosesOn,
    Writers,
    FormId,
    IntroNl,
    IntroEn,
}

#[derive(DeriveIden)]
enum ReviewReminder {
    Table,
    Id,
    MomentId,
    RemindOn,
    SentAt,
}

#[derive(DeriveIden)]
enum ReviewForm {
    Table,
    Id,
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
enum UserAccount {
    Table,
    Id,
}
