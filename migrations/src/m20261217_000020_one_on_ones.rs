//! 1:1 conversations (issue 6): a manager and an employee meet on a
//! recurring schedule. Each meeting has an agenda of talking points, shared
//! or private to their author; points not discussed carry over to the next
//! meeting. Action items have an owner and an optional due date. A held
//! meeting keeps its shared notes. Every text is sealed under the
//! organisation's data key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OneOnOne::Table)
                    .col(pk_uuid(OneOnOne::Id))
                    .col(uuid(OneOnOne::OrgId))
                    .col(uuid(OneOnOne::ManagerId))
                    .col(uuid(OneOnOne::EmployeeId))
                    // weekly, fortnightly or monthly
                    .col(string_len(OneOnOne::Cadence, 20))
                    .col(timestamp_with_time_zone(OneOnOne::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (OneOnOne::Table, OneOnOne::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOne::Table, OneOnOne::ManagerId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOne::Table, OneOnOne::EmployeeId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_one_on_one_pair")
                    .table(OneOnOne::Table)
                    .col(OneOnOne::ManagerId)
                    .col(OneOnOne::EmployeeId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OneOnOneMeeting::Table)
                    .col(pk_uuid(OneOnOneMeeting::Id))
                    .col(uuid(OneOnOneMeeting::OrgId))
                    .col(uuid(OneOnOneMeeting::SeriesId))
                    .col(timestamp_with_time_zone(OneOnOneMeeting::ScheduledAt))
                    .col(timestamp_with_time_zone_null(OneOnOneMeeting::HeldAt))
                    // Shared notes once held, sealed.
                    .col(blob_null(OneOnOneMeeting::Notes))
                    // When both were told it is coming up.
                    .col(timestamp_with_time_zone_null(OneOnOneMeeting::RemindedAt))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneMeeting::Table, OneOnOneMeeting::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneMeeting::Table, OneOnOneMeeting::SeriesId),
                        (OneOnOne::Table, OneOnOne::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_one_on_one_meeting_series")
                    .table(OneOnOneMeeting::Table)
                    .col(OneOnOneMeeting::SeriesId)
                    .col(OneOnOneMeeting::ScheduledAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OneOnOnePoint::Table)
                    .col(pk_uuid(OneOnOnePoint::Id))
                    .col(uuid(OneOnOnePoint::OrgId))
                    // The meeting it is on the agenda of; carrying over moves it.
                    .col(uuid(OneOnOnePoint::MeetingId))
                    .col(uuid(OneOnOnePoint::AuthorId))
                    // For the author's eyes only.
                    .col(boolean(OneOnOnePoint::Private))
                    .col(blob(OneOnOnePoint::Body))
                    .col(boolean(OneOnOnePoint::Discussed))
                    // How many times it moved on to a next meeting.
                    .col(integer(OneOnOnePoint::CarriedOver))
                    .col(timestamp_with_time_zone(OneOnOnePoint::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (OneOnOnePoint::Table, OneOnOnePoint::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOnePoint::Table, OneOnOnePoint::MeetingId),
                        (OneOnOneMeeting::Table, OneOnOneMeeting::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOnePoint::Table, OneOnOnePoint::AuthorId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_one_on_one_point_meeting")
                    .table(OneOnOnePoint::Table)
                    .col(OneOnOnePoint::MeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OneOnOneAction::Table)
                    .col(pk_uuid(OneOnOneAction::Id))
                    .col(uuid(OneOnOneAction::OrgId))
                    .col(uuid(OneOnOneAction::SeriesId))
                    // The meeting it was agreed in.
                    .col(uuid(OneOnOneAction::MeetingId))
                    .col(uuid(OneOnOneAction::OwnerId))
                    .col(blob(OneOnOneAction::Body))
                    .col(date_null(OneOnOneAction::DueOn))
                    .col(timestamp_with_time_zone_null(OneOnOneAction::DoneAt))
                    .col(timestamp_with_time_zone(OneOnOneAction::CreatedAt))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneAction::Table, OneOnOneAction::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneAction::Table, OneOnOneAction::SeriesId),
                        (OneOnOne::Table, OneOnOne::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneAction::Table, OneOnOneAction::MeetingId),
                        (OneOnOneMeeting::Table, OneOnOneMeeting::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (OneOnOneAction::Table, OneOnOneAction::OwnerId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_one_on_one_action_series")
                    .table(OneOnOneAction::Table)
                    .col(OneOnOneAction::SeriesId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OneOnOneAction::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OneOnOnePoint::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OneOnOneMeeting::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OneOnOne::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OneOnOne {
    Table,
    Id,
    OrgId,
    ManagerId,
    EmployeeId,
    Cadence,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OneOnOneMeeting {
    Table,
    Id,
    OrgId,
    SeriesId,
    ScheduledAt,
    HeldAt,
    Notes,
    RemindedAt,
}

#[derive(DeriveIden)]
enum OneOnOnePoint {
    Table,
    Id,
    OrgId,
    MeetingId,
    AuthorId,
    Private,
    Body,
    Discussed,
    CarriedOver,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OneOnOneAction {
    Table,
    Id,
    OrgId,
    SeriesId,
    MeetingId,
    OwnerId,
    Body,
    DueOn,
    DoneAt,
    CreatedAt,
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
