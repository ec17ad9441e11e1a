use chrono::{Duration, Utc};

use super::*;
use crate::server::config::SecurityConfig;
use crate::server::testing::for_each_backend;

const CONFIG: SecurityConfig = crate::server::testing::TEST_SECURITY;

async fn operator(db: &DatabaseConnection) -> Holder {
    let id = crate::server::service::accounts::create_operator(
        db,
        "Olga Operator",
        &format!("olga-{}@koers.example", uuid::Uuid::new_v4()),
        "paarse olifant op de fiets",
        Utc::now(),
    )
    .await
    .expect("operator");
    Holder::Operator { operator: id.0 }
}

#[test]
fn the_cookie_is_http_only_lax_and_host_bound_over_https() {
    let token = SessionToken::generate();
    let secure = session_cookie(&token, true);
    assert!(secure.starts_with("__Host-koers_session="), "{secure}");
    for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(secure.contains(flag), "{flag} missing in {secure}");
    }
    assert!(!secure.contains("Domain"), "a __Host- cookie has no domain");
    let plain = session_cookie(&token, false);
    assert!(plain.starts_with("koers_session=") && plain.contains("HttpOnly") && !plain.contains("Secure"));
}

#[test]
fn tokens_are_256_bit_random_and_stored_only_as_a_hash() {
    let (one, two) = (SessionToken::generate(), SessionToken::generate());
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(one.expose());
    assert_eq!(decoded.map(|b| b.len()).ok(), Some(32));
    assert_ne!(one.expose(), two.expose());
    assert_eq!(one.hash().len(), 64);
    assert!(!one.hash().contains(one.expose()));
    assert_eq!(format!("{one:?}"), "SessionToken([redacted])");
}

for_each_backend! {
    async fn a_session_lives_while_it_is_used(db) {
        let start_time = Utc::now();
        let token = start(&db, operator(&db).await, "test", &CONFIG, start_time).await.expect("started");
        let mut now = start_time;
        // Active every 20 minutes for 6 hours: never idle for 30 minutes.
        for _ in 0..18 {
            now += Duration::minutes(20);
            assert!(resolve(&db, &token, &CONFIG, now).await.expect("lookup").is_some(), "alive at {now}");
        }
    }

    async fn an_idle_session_ends(db) {
        let start_time = Utc::now();
        let token = start(&db, operator(&db).await, "test", &CONFIG, start_time).await.expect("started");
        let later = start_time + Duration::minutes(30);
        assert!(resolve(&db, &token, &CONFIG, later).await.expect("lookup").is_none());
        // And it is gone for good, also if asked earlier again.
        assert!(resolve(&db, &token, &CONFIG, start_time).await.expect("lookup").is_none());
    }

    async fn a_session_ends_at_its_absolute_limit_however_active(db) {
        let start_time = Utc::now();
        let token = start(&db, operator(&db).await, "test", &CONFIG, start_time).await.expect("started");
        let mut now = start_time;
        while now < start_time + Duration::hours(12) - Duration::minutes(10) {
            now += Duration::minutes(10);
            assert!(resolve(&db, &token, &CONFIG, now).await.expect("lookup").is_some());
        }
        now = start_time + Duration::hours(12);
        assert!(resolve(&db, &token, &CONFIG, now).await.expect("lookup").is_none());
    }

    async fn an_ended_session_is_refused(db) {
        let token = start(&db, operator(&db).await, "test", &CONFIG, Utc::now()).await.expect("started");
        end(&db, &token).await.expect("ended");
        assert!(resolve(&db, &token, &CONFIG, Utc::now()).await.expect("lookup").is_none());
    }
}
