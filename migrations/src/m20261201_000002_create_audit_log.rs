//! The audit log (DPA 5.A, Bijlage 3): append-only, hash-chained entries,
//! one chain per organisation and one for the platform. `audit_chain` holds
//! each chain's head, so appending is serialised per chain and truncating the
//! tail is detectable.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditChain::Table)
                    .col(string_len(AuditChain::Chain, 40).primary_key())
                    .col(big_integer(AuditChain::LastSeq))
                    .col(string_len(AuditChain::LastHash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(big_pk_auto(AuditEvent::Id))
                    .col(string_len(AuditEvent::Chain, 40))
                    .col(big_integer(AuditEvent::Seq))
                    .col(uuid_null(AuditEvent::OrgId))
                    .col(string_len(AuditEvent::ActorKind, 16))
                    .col(uuid_null(AuditEvent::ActorId))
                    .col(string_len(AuditEvent::Action, 64))
                    .col(string_len_null(AuditEvent::ObjectType, 64))
                    .col(string_len_null(AuditEvent::ObjectId, 64))
                    .col(string_len_null(AuditEvent::RequestId, 64))
                    .col(timestamp_with_time_zone(AuditEvent::OccurredAt))
                    .col(string_len(AuditEvent::PrevHash, 64))
                    .col(string_len(AuditEvent::Hash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_audit_event_chain_seq")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::Chain)
                    .col(AuditEvent::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_event_org_occurred")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::OrgId)
                    .col(AuditEvent::OccurredAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditEvent::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(AuditChain::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum AuditChain {
    Table,
    Chain,
    LastSeq,
    LastHash,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    Chain,
    Seq,
    OrgId,
    ActorKind,
    ActorId,
    Action,
    ObjectType,
    ObjectId,
    RequestId,
    OccurredAt,
    PrevHash,
    Hash,
}
