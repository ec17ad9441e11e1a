//! Restriction of processing (GDPR art. 18, DPA 3.G): the account freezes,
//! is left out of notices, and comes back as it was when lifted. On SQLite
//! and PostgreSQL.

use sea_orm::EntityTrait;

use super::*;
use crate::domain::dto::AccountStatus;
use crate::domain::ids::OrgId;
use crate::domain::notifications::NotificationKind;
use crate::domain::roles::Roles;
use crate::server::entity::notification;
use crate::server::messages::Mail;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::people;
use crate::server::testing::{self, TEST_SECURITY, for_each_backend};

fn mail(_: crate::i18n::Lang, to: &str, _: &str) -> Mail {
    Mail { to: to.into(), subject: "Herinnering".into(), text: String::new(), html: String::new() }
}

async fn status(db: &DatabaseConnection, admin: &OrgScope, user: UserId) -> AccountStatus {
    people::details(db, admin, user, chrono_tz::UTC, Utc::now()).await.expect("details").summary.status
}

for_each_backend! {
    async fn dpa_3g_a_restricted_account_is_frozen_and_left_out_until_lifted(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let (bram, _) = testing::member(&db, org, "Bram", Roles::default()).await;
        let now = Utc::now();
        let token = session::start(&db, session::Holder::User { user: bram.0, org: org.0 }, "test", &TEST_SECURITY, now)
            .await
            .expect("signed in");

        assert_eq!(restrict(&db, &femke, femke.user, now).await, Err(AppError::Forbidden), "not oneself");
        restrict(&db, &femke, bram, now).await.expect("restricted");
        assert_eq!(status(&db, &femke, bram).await, AccountStatus::Restricted);
        assert_eq!(session::resolve(&db, &token, &TEST_SECURITY, now).await.expect("read"), None, "signed out");
        assert_eq!(restrict(&db, &femke, bram, now).await, Err(AppError::invalid("restriction", Problem::NotNow)));
        let reactivated = people::reactivate(&db, &femke, bram, now).await;
        assert_eq!(reactivated, Err(AppError::invalid("restriction", Problem::NotNow)), "only lifting ends it");

        let frozen = user_account::Entity::find_by_id(bram.0).one(&db).await.expect("read").expect("kept");
        notify(&db, OrgId(org.0), &frozen, Notice::new(NotificationKind::GoalDueSoon), mail, now).await.expect("notify");
        assert_eq!(notification::Entity::find().all(&db).await.expect("read"), [], "left out of reminders");

        lift(&db, &femke, bram, now).await.expect("lifted");
        assert_eq!(status(&db, &femke, bram).await, AccountStatus::Active);
        assert_eq!(lift(&db, &femke, bram, now).await, Err(AppError::invalid("restriction", Problem::NotNow)));
    }

    async fn dpa_3g_lifting_a_restriction_keeps_an_earlier_deactivation(db) {
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
        let (bram, _) = testing::member(&db, org, "Bram", Roles::default()).await;
        let now = Utc::now();
        people::deactivate(&db, &femke, bram, now).await.expect("deactivated");
        restrict(&db, &femke, bram, now + chrono::Duration::minutes(5)).await.expect("restricted");
        lift(&db, &femke, bram, now + chrono::Duration::minutes(10)).await.expect("lifted");
        assert_eq!(status(&db, &femke, bram).await, AccountStatus::Deactivated);

        let other = testing::organisation(&db, "Zorggroep Oost").await;
        let ilse = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
        assert_eq!(restrict(&db, &ilse, bram, now).await, Err(AppError::NotFound), "not another organisation's");
    }
}
