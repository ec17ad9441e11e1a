//! Sub-processors (issue 8, DPA 4): the processor's register of the
//! organisations it works with — function, data categories received, head
//! office, data-centre location, inside the EEA or not — each announced at
//! least 30 days before it is used (4.C); and the objections organisations
//! make within 14 days (4.D), which open the one-month termination path (4.E).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SubProcessor::Table)
                    .col(pk_uuid(SubProcessor::Id))
                    .col(string_len(SubProcessor::Name, 200))
                    .col(text(SubProcessor::Function))
                    .col(text(SubProcessor::DataCategories))
                    .col(string_len(SubProcessor::HeadOffice, 200))
                    .col(string_len(SubProcessor::DataLocation, 200))
                    .col(boolean(SubProcessor::InEea))
                    .col(timestamp_with_time_zone(SubProcessor::AnnouncedAt))
                    .col(date(SubProcessor::EffectiveFrom))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SubProcessorObjection::Table)
                    .col(pk_uuid(SubProcessorObjection::Id))
                    .col(uuid(SubProcessorObjection::OrgId))
                    .col(uuid(SubProcessorObjection::SubProcessorId))
                    .col(text(SubProcessorObjection::Reason))
                    .col(uuid_null(SubProcessorObjection::ObjectedBy))
                    .col(timestamp_with_time_zone(SubProcessorObjection::ObjectedAt))
                    .foreign_key(&mut crate::reference(
                        (SubProcessorObjection::Table, SubProcessorObjection::OrgId),
                        (Organisation::Table, Organisation::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (SubProcessorObjection::Table, SubProcessorObjection::SubProcessorId),
                        (SubProcessor::Table, SubProcessor::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut crate::reference(
                        (SubProcessorObjection::Table, SubProcessorObjection::ObjectedBy),
                        (UserAccount::Table, UserAccount::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_sub_processor_objection_org")
                    .table(SubProcessorObjection::Table)
                    .col(SubProcessorObjection::OrgId)
                    .col(SubProcessorObjection::SubProcessorId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SubProcessorObjection::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(SubProcessor::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SubProcessor {
    Table,
    Id,
    Name,
    Function,
    DataCategories,
    HeadOffice,
    DataLocation,
    InEea,
    AnnouncedAt,
    EffectiveFrom,
}

#[derive(DeriveIden)]
enum SubProcessorObjection {
    Table,
    Id,
    OrgId,
    SubProcessorId,
    Reason,
    ObjectedBy,
    ObjectedAt,
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
