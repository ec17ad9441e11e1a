//! The organisation's structure (issue 4): a tree of units, their managers
//! and members, explicit manager overrides, and the "HR reader" right of
//! admins for chosen units (issue 3, PRODUCT.md §1).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrgUnit::Table)
                    .col(pk_uuid(OrgUnit::Id))
                    .col(uuid(OrgUnit::OrgId))
                    // Empty for the units right under the organisation itself.
                    .col(uuid_null(OrgUnit::ParentId))
                    .col(string_len(OrgUnit::Name, 200))
                    .col(timestamp_with_time_zone(OrgUnit::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_unit_organisation")
                            .from(OrgUnit::Table, OrgUnit::OrgId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_unit_parent")
                            .from(OrgUnit::Table, OrgUnit::ParentId)
                            .to(OrgUnit::Table, OrgUnit::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_org_unit_org_parent")
                    .table(OrgUnit::Table)
                    .col(OrgUnit::OrgId)
                    .col(OrgUnit::ParentId)
                    .to_owned(),
            )
            .await?;
        for (table, name, extra) in [
            (Link::UnitManager, "unit_manager", None),
            (Link::UnitMember, "unit_member", Some(Link::IsPrimary)),
            (Link::HrReaderGrant, "hr_reader_grant", None),
        ] {
            let mut create = Table::create();
            create
                .table(table)
                .col(uuid(Link::UnitId))
                .col(uuid(Link::UserId))
                .primary_key(Index::create().col(Link::UnitId).col(Link::UserId))
                .foreign_key(
                    ForeignKey::create()
                        .name(format!("fk_{name}_unit"))
                        .from(table, Link::UnitId)
                        .to(OrgUnit::Table, OrgUnit::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name(format!("fk_{name}_user"))
                        .from(table, Link::UserId)
                        .to(UserAccount::Table, UserAccount::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                );
            if let Some(column) = extra {
                create.col(boolean(column).default(false));
            }
            manager.create_table(create.to_owned()).await?;
            manager
                .create_index(
                    Index::create().name(format!("ix_{name}_user")).table(table).col(Link::UserId).to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ManagerOverride::Table)
                    .col(uuid(ManagerOverride::UserId).primary_key())
                    .col(uuid(ManagerOverride::ManagerId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_manager_override_user")
                            .from(ManagerOverride::Table, ManagerOverride::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_manager_override_manager")
                            .from(ManagerOverride::Table, ManagerOverride::ManagerId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ManagerOverride::Table).to_owned()).await?;
        for table in [Link::HrReaderGrant, Link::UnitMember, Link::UnitManager] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(OrgUnit::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
    OrgId,
    ParentId,
    Name,
    CreatedAt,
}

/// The three tables that link a unit and a user.
#[derive(DeriveIden, Clone, Copy)]
enum Link {
    UnitManager,
    UnitMember,
    HrReaderGrant,
    UnitId,
    UserId,
    IsPrimary,
}

#[derive(DeriveIden)]
enum ManagerOverride {
    Table,
    UserId,
    ManagerId,
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
