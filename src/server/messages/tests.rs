use chrono::{Duration, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::*;
use crate::server::config::{MailConfig, Secret, SmsConfig};
use crate::server::entity::outbound_message;
use crate::server::testing::{SmsSink, SmtpSink, for_each_backend};

/// Mail over SMTP at `url`; text messages to the outbox directory.
fn smtp(url: &str) -> Transports {
    let config = MailConfig {
        smtp_url: Some(Secret::new(url.to_owned())),
        from: "Koers <noreply@koers.example>".into(),
        outbox_directory: std::env::temp_dir(),
    };
    let mail = MailTransport::from_config(&config).expect("transport");
    Transports { mail, sms: sms_provider(None) }
}

/// Text messages to the provider at `url` (or, without, to a directory);
/// mail to the outbox directory.
fn sms_transports(url: &str) -> Transports {
    let config = MailConfig {
        smtp_url: None,
        from: "Koers <noreply@koers.example>".into(),
        outbox_directory: std::env::temp_dir(),
    };
    Transports { mail: MailTransport::from_config(&config).expect("transport"), sms: sms_provider(Some(url)) }
}

fn sms_provider(url: Option<&str>) -> SmsTransport {
    let config = SmsConfig {
        provider_url: url.map(|url| url.parse().expect("url")),
        provider_token: Some(Secret::new("provider-token".into())),
        outbox_directory: std::env::temp_dir().join("koers-test-sms"),
    };
    SmsTransport::from_config(&config).expect("transport")
}

fn sms() -> Sms {
    Sms { to: "+31612345678".into(), text: "Welkom bij Koers: https://koers.example/invite/abc".into() }
}

fn mail() -> Mail {
    password_reset_mail(
        crate::i18n::Lang::Nl,
        "anna@example.org",
        "Anna",
        "De Linde",
        "https://koers.example/reset/abc",
        1,
    )
}

async fn queued(db: &DatabaseConnection) -> Vec<outbound_message::Model> {
    outbound_message::Entity::find().all(db).await.expect("queue")
}

for_each_backend! {
    async fn one_wake_up_delivers_a_backlog_larger_than_a_batch(db) {
        // A bulk import queues hundreds of invitations at once: the worker
        // must not leave all but the first batch for its next wake-up.
        let sink = SmtpSink::start().await;
        for _ in 0..45 {
            enqueue_mail(&db, None, "invitation", mail(), Utc::now()).await.expect("queued");
        }
        let wakeup = Wakeup::default();
        let worker = spawn_worker(db.clone(), smtp(&sink.url()), wakeup.clone());
        wakeup.notify();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while sink.received().len() < 45 && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        worker.abort();
        assert_eq!(sink.received().len(), 45, "all three batches after one wake-up");
    }

    async fn a_queued_mail_arrives_over_smtp_and_its_text_is_not_kept(db) {
        let sink = SmtpSink::start().await;
        let now = Utc::now();
        enqueue_mail(&db, None, "password_reset", mail(), now).await.expect("queued");
        let delivery = deliver_due(&db, &smtp(&sink.url()), now).await.expect("delivered");
        assert_eq!(delivery, Delivery { sent: 1, failed: 0 });
        let received = sink.received();
        assert_eq!(received.len(), 1);
        assert!(received[0].contains("Subject: Kies een nieuw wachtwoord voor Koers"), "{}", received[0]);
        assert!(received[0].contains("https://koers.example/reset/abc"));
        let rows = queued(&db).await;
        assert!(rows[0].sent_at.is_some() && rows[0].text_body.is_empty() && rows[0].html_body.is_empty());
        // Nothing is sent twice.
        assert_eq!(deliver_due(&db, &smtp(&sink.url()), now).await.expect("round"), Delivery::default());
    }

    async fn a_failing_mail_server_loses_no_message(db) {
        let sink = SmtpSink::start().await;
        let port = sink.port;
        sink.stop();
        let now = Utc::now();
        enqueue_mail(&db, None, "password_reset", mail(), now).await.expect("queued");
        let transport = smtp(&format!("smtp://127.0.0.1:{port}"));
        assert_eq!(deliver_due(&db, &transport, now).await.expect("round"), Delivery { sent: 0, failed: 1 });
        let row = &queued(&db).await[0];
        assert_eq!((row.attempts, row.sent_at), (1, None));
        assert_eq!(row.last_error.as_deref(), Some("the mail server could not be reached"));
        // Stored to the microsecond: PostgreSQL drops the nanoseconds.
        assert!((row.send_after - (now + Duration::minutes(1))).abs() < Duration::milliseconds(1));

        // Not retried before its time; delivered once the server is back.
        let sink = SmtpSink::start_on(port).await;
        assert_eq!(deliver_due(&db, &transport, now).await.expect("round"), Delivery::default());
        let later = now + Duration::minutes(2);
        assert_eq!(deliver_due(&db, &transport, later).await.expect("round"), Delivery { sent: 1, failed: 0 });
        assert_eq!(sink.received().len(), 1);
    }

    async fn a_queued_text_message_reaches_the_provider_with_its_token(db) {
        let provider = SmsSink::start().await;
        let now = Utc::now();
        enqueue_sms(&db, None, "invitation", sms(), now, now).await.expect("queued");
        let delivery = deliver_due(&db, &sms_transports(&provider.url()), now).await.expect("delivered");
        assert_eq!(delivery, Delivery { sent: 1, failed: 0 });
        let received = provider.received();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].authorization.as_deref(), Some("Bearer provider-token"));
        assert_eq!(received[0].body.to, "+31612345678");
        assert!(received[0].body.text.contains("https://koers.example/invite/abc"));
        assert!(queued(&db).await[0].text_body.is_empty(), "delivered: the text is not kept");
    }

    async fn a_provider_failing_for_now_loses_no_text_message(db) {
        let failing = SmsSink::answering(503).await;
        let now = Utc::now();
        enqueue_sms(&db, None, "invitation", sms(), now, now).await.expect("queued");
        let transports = sms_transports(&failing.url());
        assert_eq!(deliver_due(&db, &transports, now).await.expect("round"), Delivery { sent: 0, failed: 1 });
        let row = &queued(&db).await[0];
        assert_eq!(row.last_error.as_deref(), Some("the SMS provider refused the message for now (HTTP 503)"));
        assert!(!row.text_body.is_empty(), "kept for the next attempt");
    }

    async fn a_scheduled_message_waits_for_its_time(db) {
        let provider = SmsSink::start().await;
        let now = Utc::now();
        let tomorrow = now + Duration::days(1);
        enqueue_sms(&db, None, "invitation", sms(), now, tomorrow).await.expect("queued");
        let transports = sms_transports(&provider.url());
        assert_eq!(deliver_due(&db, &transports, now).await.expect("round"), Delivery::default());
        assert_eq!(deliver_due(&db, &transports, tomorrow).await.expect("round"), Delivery { sent: 1, failed: 0 });
        assert_eq!(provider.received().len(), 1);
    }

    async fn two_workers_deliver_a_message_once(db) {
        let sink = SmtpSink::start().await;
        let now = Utc::now();
        for _ in 0..5 {
            enqueue_mail(&db, None, "password_reset", mail(), now).await.expect("queued");
        }
        let (one, two) = (smtp(&sink.url()), smtp(&sink.url()));
        let (a, b) = tokio::join!(deliver_due(&db, &one, now), deliver_due(&db, &two, now));
        assert_eq!(a.expect("worker a").sent + b.expect("worker b").sent, 5);
        assert_eq!(sink.received().len(), 5);
    }
}

#[tokio::test]
async fn without_smtp_mails_go_to_the_outbox_directory() {
    let directory = std::env::temp_dir().join(format!("koers-outbox-{}", uuid::Uuid::new_v4()));
    let config = MailConfig {
        smtp_url: None,
        from: "Koers <noreply@koers.example>".into(),
        outbox_directory: directory.clone(),
    };
    MailTransport::from_config(&config).expect("transport").send(&mail()).await.expect("written");
    let files: Vec<_> = std::fs::read_dir(&directory).expect("outbox").filter_map(Result::ok).collect();
    assert_eq!(files.len(), 1);
    assert!(std::fs::read_to_string(files[0].path()).expect("eml").contains("To: anna@example.org"));
    std::fs::remove_dir_all(directory).ok();
}

#[test]
fn retries_wait_longer_each_time_but_at_most_six_hours() {
    use super::outbox::retry_pause;
    assert_eq!(retry_pause(1), Duration::minutes(1));
    assert_eq!(retry_pause(2), Duration::minutes(2));
    assert_eq!(retry_pause(4), Duration::minutes(8));
    assert_eq!(retry_pause(30), Duration::hours(6));
}
