//! One-time sign-in codes by e-mail and text message (issue 3).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use super::*;
use crate::domain::roles::Roles;
use crate::server::entity::outbound_message;
use crate::server::testing::{self, TEST_SECURITY, for_each_backend};

const SITE: &str = "https://koers.example";

async fn queued(db: &DatabaseConnection) -> Vec<outbound_message::Model> {
    outbound_message::Entity::find().all(db).await.expect("queue")
}

/// The code in the last queued message (`XXXXX-XXXXX`).
async fn code_in_last_message(db: &DatabaseConnection) -> String {
    let text = queued(db).await.pop().expect("a message").text_body;
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .find(|word| word.len() == 11 && word.chars().nth(5) == Some('-'))
        .expect("a code in the message")
        .to_owned()
}

async fn sign_in(db: &DatabaseConnection, code: &str, now: DateTime<Utc>) -> Result<SignedIn, AppError> {
    sign_in_with_code(db, &TEST_SECURITY, code, &Origin::default(), now).await
}

for_each_backend! {
    async fn a_code_by_e_mail_signs_in_once(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (user, email) = testing::member(&db, org, "Anna", Roles::default()).await;
        let now = Utc::now();
        request(&db, SITE, &email.to_uppercase(), &Origin::default(), now).await.expect("asked");
        let mail = queued(&db).await.pop().expect("mail");
        assert_eq!((mail.channel.as_str(), mail.recipient.as_str()), ("mail", email.as_str()));
        let code = code_in_last_message(&db).await;
        assert!(mail.text_body.contains(&format!("{SITE}/login/code?code={code}")));

        let signed_in = sign_in(&db, &code.to_lowercase(), now).await.expect("signed in");
        assert_eq!(signed_in.holder, Holder::User { user: user.0, org: org.0 });
        assert_eq!(sign_in(&db, &code, now).await.err(), Some(AppError::SignInCodeInvalid), "used once");
    }

    async fn a_username_gets_its_code_by_text_message(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (user, _) = testing::member(&db, org, "Jan", Roles::default()).await;
        user_account::ActiveModel {
            id: Set(user.0),
            username: Set(Some("jan".into())),
            phone: Set(Some("+31612345678".into())),
            ..Default::default()
        }
        .update(&db)
        .await
        .expect("username and number");
        request(&db, SITE, "Jan", &Origin::default(), Utc::now()).await.expect("asked");
        let sms = queued(&db).await.pop().expect("sms");
        assert_eq!((sms.channel.as_str(), sms.recipient.as_str()), ("sms", "+31612345678"));
    }

    async fn an_unknown_name_gets_the_same_answer_and_nothing_is_sent(db) {
        request(&db, SITE, "niemand@example.org", &Origin::default(), Utc::now()).await.expect("same answer");
        assert!(queued(&db).await.is_empty());
    }

    async fn a_code_expires_after_ten_minutes(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (_, email) = testing::member(&db, org, "Anna", Roles::default()).await;
        let now = Utc::now();
        request(&db, SITE, &email, &Origin::default(), now).await.expect("asked");
        let code = code_in_last_message(&db).await;
        let late = now + Duration::minutes(i64::from(VALID_MINUTES));
        assert_eq!(sign_in(&db, &code, late).await.err(), Some(AppError::SignInCodeInvalid));
    }

    async fn asking_too_often_for_one_name_is_rate_limited(db) {
        let now = Utc::now();
        for _ in 0..3 {
            request(&db, SITE, "iemand@example.org", &Origin::default(), now).await.expect("asked");
        }
        let fourth = request(&db, SITE, "iemand@example.org", &Origin::default(), now).await;
        assert!(matches!(fourth, Err(AppError::RateLimited { .. })), "{fourth:?}");
    }

    async fn with_an_authenticator_app_the_code_is_only_the_first_step(db) {
        let org = testing::organisation(&db, "Testorganisatie").await;
        let (user, email) = testing::member(&db, org, "Anna", Roles::default()).await;
        testing::enrol_app(&db, Holder::User { user: user.0, org: org.0 }).await;
        let now = Utc::now();
        request(&db, SITE, &email, &Origin::default(), now).await.expect("asked");
        let code = code_in_last_message(&db).await;
        assert!(sign_in(&db, &code, now).await.expect("first step").awaiting_second_factor);
    }
}
