//! Notifications (issue 5, and later issues): what a person is told in the
//! app, which kinds they want by e-mail or in the app (opt-out per kind),
//! the weekly digest they may subscribe to, and the due-date reminders
//! already sent. A notification holds references, never text: what it
//! says is composed when it is read, so sealed content stays sealed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Notification::Table)
                    .col(pk_uuid(Notification::Id))
                    .col(uuid(Notification::OrgId))
                    .col(uuid(Notification::UserId))
                    .col(string_len(Notification::Kind, 40))
                    // Whom it is about (the owner of a submitted plan).
                    .col(uuid_null(Notification::AboutUserId))
                    .col(uuid_null(Notification::GoalId))
                    .col(integer_null(Notification::Year))
                    .col(timestamp_with_time_zone(Notification::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notification::ReadAt))
                    .foreign_key(&mut crate::reference(
                        (Notification::Table, Notification::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Notification::Table, Notification::UserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Notification::Table, Notification::AboutUserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (Notification::Table, Notification::GoalId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notification_user_created")
                    .table(Notification::Table)
                    .col(Notification::UserId)
                    .col(Notification::CreatedAt)
                    .to_owned(),
            )
            .await?;
        // A row only where someone turned a channel off: everything is on by default.
        manager
            .create_table(
                Table::create()
                    .table(NotificationPreference::Table)
                    .col(uuid(NotificationPreference::UserId))
                    .col(string_len(NotificationPreference::Kind, 40))
                    .col(boolean(NotificationPreference::ByEmail))
                    .col(boolean(NotificationPreference::InApp))
                    .primary_key(
                        Index::create().col(NotificationPreference::UserId).col(NotificationPreference::Kind),
                    )
                    .foreign_key(&mut crate::reference(
                        (NotificationPreference::Table, NotificationPreference::UserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DigestSubscription::Table)
                    .col(pk_uuid(DigestSubscription::UserId))
                    .col(timestamp_with_time_zone(DigestSubscription::SubscribedAt))
                    // When the last digest went out; the next one is due a week later.
                    .col(timestamp_with_time_zone_null(DigestSubscription::LastSentAt))
                    .foreign_key(&mut crate::reference(
                        (DigestSubscription::Table, DigestSubscription::UserId),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // The primary key makes a reminder go out once, however many
        // servers run the job; a new due date gets a new reminder.
        manager
            .create_table(
                Table::create()
                    .table(GoalDueReminder::Table)
                    .col(uuid(GoalDueReminder::GoalId))
                    .col(date(GoalDueReminder::DueOn))
                    .col(timestamp_with_time_zone(GoalDueReminder::SentAt))
                    .primary_key(Index::create().col(GoalDueReminder::GoalId).col(GoalDueReminder::DueOn))
                    .foreign_key(&mut crate::reference(
                        (GoalDueReminder::Table, GoalDueReminder::GoalId),
                        (Goal::Table, Goal::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            GoalDueReminder::Table.into_iden(),
            DigestSubscription::Table.into_iden(),
            NotificationPreference::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Notification::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Notification {
    Table,
    Id,
    OrgId,
    UserId,
    Kind,
    AboutUserId,
    GoalId,
    Year,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum NotificationPreference {
    Table,
    UserId,
    Kind,
    ByEmail,
    InApp,
}

#[derive(DeriveIden)]
enum DigestSubscription {
    Table,
    UserId,
    SubscribedAt,
    LastSentAt,
}

#[derive(DeriveIden)]
enum GoalDueReminder {
    Table,
    GoalId,
    DueOn,
    SentAt,
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
