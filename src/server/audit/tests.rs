use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use super::*;
use crate::domain::audit::AuditAction;
use crate::server::testing::for_each_backend;

fn org() -> OrgId {
    OrgId(uuid::Uuid::now_v7())
}

async fn record_three(db: &DatabaseConnection, org: OrgId) {
    let start = Utc::now();
    for (minute, action) in
        [AuditAction::OrganisationCreated, AuditAction::TenantKeyCreated, AuditAction::TenantKeyDestroyed]
            .into_iter()
            .enumerate()
    {
        let entry = AuditEntry::system(Some(org), action).on("organisation", org);
        record(db, entry, start + Duration::minutes(minute as i64)).await.expect("recorded");
    }
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect(sql);
}

for_each_backend! {
    async fn an_untouched_chain_is_intact(db) {
        let org = org();
        record_three(&db, org).await;
        record(&db, AuditEntry::system(None, AuditAction::OrganisationCreated), Utc::now()).await.expect("platform");
        let report = verify_chain(&db, &chain_of(Some(org))).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Intact { chain: org.to_string(), entries: 3 }));
        let all = verify_all(&db).await.expect("verified");
        assert!(all.contains(&ChainReport::Intact { chain: PLATFORM_CHAIN.into(), entries: 1 }), "{all:?}");
    }

    async fn chains_of_organisations_are_separate(db) {
        let (a, b) = (org(), org());
        record_three(&db, a).await;
        record_three(&db, b).await;
        execute(&db, &format!("DELETE FROM audit_event WHERE chain = '{a}'")).await;
        let report = verify_chain(&db, &b.to_string()).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Intact { chain: b.to_string(), entries: 3 }));
    }

    async fn a_changed_entry_is_found(db) {
        let org = org();
        record_three(&db, org).await;
        execute(&db, &format!("UPDATE audit_event SET action = 'tenant_key.created' WHERE chain = '{org}' AND seq = 3")).await;
        let report = verify_chain(&db, &org.to_string()).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Broken { chain: org.to_string(), seq: 3, reason: "content changed after it was recorded" }));
    }

    async fn a_removed_entry_is_found(db) {
        let org = org();
        record_three(&db, org).await;
        execute(&db, &format!("DELETE FROM audit_event WHERE chain = '{org}' AND seq = 2")).await;
        let report = verify_chain(&db, &org.to_string()).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Broken { chain: org.to_string(), seq: 2, reason: "entry missing" }));
    }

    async fn a_cut_off_tail_is_found(db) {
        let org = org();
        record_three(&db, org).await;
        execute(&db, &format!("DELETE FROM audit_event WHERE chain = '{org}' AND seq = 3")).await;
        let report = verify_chain(&db, &org.to_string()).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Broken { chain: org.to_string(), seq: 3, reason: "entries after this point were removed" }));
    }

    async fn a_rewritten_chain_does_not_match_its_head(db) {
        // Re-hashing a forged entry is not enough: the head still names the original hash.
        let org = org();
        record_three(&db, org).await;
        execute(&db, &format!("UPDATE audit_event SET hash = prev_hash WHERE chain = '{org}' AND seq = 3")).await;
        let report = verify_chain(&db, &org.to_string()).await.expect("verified");
        assert!(matches!(report, Some(ChainReport::Broken { seq: 3, .. })), "{report:?}");
    }

    async fn concurrent_writers_keep_one_unbroken_chain(db) {
        let org = org();
        let writers = (0..8).map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                for _ in 0..5 {
                    record(&db, AuditEntry::system(Some(org), AuditAction::TenantKeyCreated), Utc::now()).await.expect("recorded");
                }
            })
        });
        for writer in writers.collect::<Vec<_>>() {
            writer.await.expect("writer finished");
        }
        let report = verify_chain(&db, &org.to_string()).await.expect("verified");
        assert_eq!(report, Some(ChainReport::Intact { chain: org.to_string(), entries: 40 }));
    }
}

mod reading {
    use super::*;

    for_each_backend! {
        async fn a_page_is_newest_first_filtered_and_reports_tampering(db) {
            let org = org();
            record_three(&db, org).await;
            let chain = chain_of(Some(org));
            let all = read_page(&db, &chain, None, 0).await.expect("page");
            let seqs: Vec<i64> = all.lines.iter().map(|l| l.seq).collect();
            assert_eq!((seqs, all.broken_at, all.has_more), (vec![3, 2, 1], None, false));
            assert_eq!(all.lines[0].action, Some(AuditAction::TenantKeyDestroyed));

            let only = read_page(&db, &chain, Some(AuditAction::TenantKeyCreated), 0).await.expect("page");
            assert_eq!(only.lines.iter().map(|l| l.seq).collect::<Vec<_>>(), [2]);

            execute(&db, &format!("UPDATE audit_event SET action = 'auth.sign_in' WHERE chain = '{org}' AND seq = 2")).await;
            assert_eq!(read_page(&db, &chain, None, 0).await.expect("page").broken_at, Some(2));
        }
    }
}
