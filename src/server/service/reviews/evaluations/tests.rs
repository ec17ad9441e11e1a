//! Evaluations (issue 7): the employee and the manager write, share and
//! acknowledge, and the second acknowledgement locks; a draft stays its
//! author's; only the two parties reach it; an admin reopens with a reason;
//! the side panel shows what the writer may read; answers are sealed; the
//! reminder of a moment goes once, to those who still have a step to
//! take, also with two workers at once. On SQLite and PostgreSQL.

use chrono::{Duration, TimeZone};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};

use super::*;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{FeedbackForm, GoalForm, ItemRatingForm, NoteForm, ReviewAnswerForm};
use crate::domain::notifications::NotificationKind;
use crate::domain::roles::Roles;
use crate::domain::validation::FieldError;
use crate::server::entity::{audit_event, notification, outbound_message, review_writing};
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::reviews::reminders;
use crate::server::service::reviews::test_fixture::{Noord, SITE, TZ, answers, during, noord};
use crate::server::service::{feedback, notes};
use crate::server::testing::{self, for_each_backend, test_keyring};

async fn shown(db: &DatabaseConnection, viewer: &OrgScope, noord: &Noord) -> Result<Evaluation, AppError> {
    details(db, &test_keyring(), viewer, (noord.end, noord.sanne.user), TZ, during()).await
}

fn texts(view: &Option<WritingView>) -> Vec<String> {
    let written =
        view.as_ref().map(|v| v.answers.iter().filter(|a| !a.text.is_empty()).map(|a| a.text.clone()));
    written.map(Iterator::collect).unwrap_or_default()
}

for_each_backend! {
    async fn both_write_share_and_acknowledge_and_the_second_acknowledgement_locks(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let sanne_at = (noord.end, noord.sanne.user);
        save(&db, &keys, &noord.sanne, sanne_at, &answers(&noord, "Een goed jaar.", ""), TZ, during()).await.expect("draft");
        assert_eq!(texts(&shown(&db, &noord.sanne, &noord).await.expect("hers").mine), ["Een goed jaar."]);
        let his = shown(&db, &noord.ahmed, &noord).await.expect("his");
        assert_eq!((his.viewer, his.theirs), (Party::Manager, None), "a draft is its author's only");

        share(&db, &keys, &noord.sanne, sanne_at, &answers(&noord, "Een goed jaar, veel geleerd.", "4"), SITE, during()).await.expect("shared");
        let his = shown(&db, &noord.ahmed, &noord).await.expect("his");
        assert_eq!(texts(&his.theirs), ["Een goed jaar, veel geleerd."], "shared with the manager");
        assert_eq!(his.theirs.as_ref().and_then(|t| t.answer(noord.questions[1])).and_then(|a| a.rating), Some(4));
        assert_eq!(his.workflow.stage(), Stage::Draft, "the manager has not shared yet");
        let told = notification::Entity::find().filter(notification::Column::UserId.eq(noord.ahmed.user.0)).all(&db).await.expect("read");
        assert_eq!(told.iter().map(|n| n.kind.as_str()).collect::<Vec<_>>(), ["evaluation_shared"]);
        assert_eq!(save(&db, &keys, &noord.sanne, sanne_at, &answers(&noord, "Toch anders.", ""), TZ, during()).await,
            Err(AppError::invalid("workflow", Problem::NotNow)), "shared is final");
        assert_eq!(acknowledge(&db, &keys, &noord.sanne, sanne_at, "", during()).await,
            Err(AppError::invalid("workflow", Problem::NotNow)), "nothing to acknowledge before both shared");

        share(&db, &keys, &noord.ahmed, sanne_at, &answers(&noord, "Sanne groeide sterk.", "5"), SITE, during()).await.expect("his shared");
        acknowledge(&db, &keys, &noord.sanne, sanne_at, "Dank voor het gesprek.", during()).await.expect("she acknowledges");
        assert!(!shown(&db, &noord.sanne, &noord).await.expect("hers").workflow.locked, "one acknowledgement does not lock");
        acknowledge(&db, &keys, &noord.ahmed, sanne_at, "", during()).await.expect("he acknowledges");

        let hers = shown(&db, &noord.sanne, &noord).await.expect("hers");
        assert_eq!(hers.workflow.stage(), Stage::Locked);
        assert_eq!(texts(&hers.theirs), ["Sanne groeide sterk."]);
        let comments: Vec<(Party, String)> = hers.acknowledgements.iter().map(|a| (a.party, a.comment.clone())).collect();
        assert_eq!(comments, [(Party::Employee, "Dank voor het gesprek.".to_owned()), (Party::Manager, String::new())]);
        assert_eq!(acknowledge(&db, &keys, &noord.ahmed, sanne_at, "", during()).await, Err(AppError::invalid("workflow", Problem::NotNow)));
    }

    async fn sharing_needs_every_required_answer_and_a_refusal_keeps_the_draft(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        save(&db, &keys, &noord.sanne, at, &answers(&noord, "Half af.", ""), TZ, during()).await.expect("draft");
        let refused = share(&db, &keys, &noord.sanne, at, &answers(&noord, "Half af, nu meer.", ""), SITE, during()).await;
        assert_eq!(refused, Err(AppError::Invalid { errors: vec![FieldError { field: "answers[1]".into(), problem: Problem::Unanswered }] }));
        assert_eq!(texts(&shown(&db, &noord.sanne, &noord).await.expect("hers").mine), ["Half af."], "the saved draft is kept");
        let off_scale = save(&db, &keys, &noord.sanne, at, &answers(&noord, "", "9"), TZ, during()).await;
        assert!(matches!(off_scale, Err(AppError::Invalid { ref errors }) if errors[0].problem == Problem::NotAChoice));
    }

    async fn a_moment_is_written_only_once_it_opens(db) {
        let noord = noord(&db).await;
        let before = TZ.with_ymd_and_hms(2027, 10, 31, 23, 0, 0).single().expect("a moment").with_timezone(&Utc);
        let early = save(&db, &test_keyring(), &noord.sanne, (noord.end, noord.sanne.user), &answers(&noord, "Vroeg.", ""), TZ, before).await;
        assert_eq!(early, Err(AppError::invalid("workflow", Problem::NotNow)));
        assert!(mine(&db, &noord.sanne, before.date_naive()).await.expect("mine").is_empty(), "not listed before it opens");
        let listed = mine(&db, &noord.ahmed, during().date_naive()).await.expect("his");
        assert_eq!(listed.iter().map(|e| (e.employee.name.as_str(), e.viewer, e.waiting_for_viewer)).collect::<Vec<_>>(), [("Sanne", Party::Manager, true)]);
    }

    async fn only_the_employee_and_their_managers_reach_an_evaluation(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        save(&db, &keys, &noord.sanne, at, &answers(&noord, "Privé tot gedeeld.", ""), TZ, during()).await.expect("draft");
        for outsider in [&noord.thomas, &noord.femke] {
            assert_eq!(shown(&db, outsider, &noord).await, Err(AppError::NotFound), "{}", outsider.name);
            assert_eq!(save(&db, &keys, outsider, at, &answers(&noord, "Ik ook.", ""), TZ, during()).await, Err(AppError::NotFound));
        }
        assert!(mine(&db, &noord.femke, during().date_naive()).await.expect("hers").is_empty(), "an admin has none of her own here");
        let thomas_at = (noord.end, noord.thomas.user);
        assert_eq!(save(&db, &keys, &noord.thomas, thomas_at, &answers(&noord, "Niet in scope.", ""), TZ, during()).await,
            Err(AppError::NotFound), "Thomas is not in the cycle's scope");
        let org = testing::organisation(&db, "Zorggroep Oost").await;
        let olga = testing::scope(&db, org, "Olga", Roles { manager: true, admin: true, auditor: false }).await;
        assert_eq!(shown(&db, &olga, &noord).await, Err(AppError::NotFound));
        assert_eq!(reopen(&db, &keys, &olga, at, "Waarom niet", during()).await, Err(AppError::NotFound));
    }

    async fn an_admin_reopens_with_a_reason_both_read_and_the_audit_log_records_it(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        assert_eq!(reopen(&db, &keys, &noord.femke, at, "Te vroeg", during()).await, Err(AppError::NotFound), "nothing written yet");
        share(&db, &keys, &noord.sanne, at, &answers(&noord, "Klaar.", "3"), SITE, during()).await.expect("hers");
        assert_eq!(reopen(&db, &keys, &noord.femke, at, "Te vroeg", during()).await,
            Err(AppError::invalid("workflow", Problem::NotNow)), "only a shared or locked evaluation");
        share(&db, &keys, &noord.ahmed, at, &answers(&noord, "Goed.", "4"), SITE, during()).await.expect("his");
        acknowledge(&db, &keys, &noord.sanne, at, "", during()).await.expect("hers");
        acknowledge(&db, &keys, &noord.ahmed, at, "", during()).await.expect("his");
        assert!(matches!(reopen(&db, &keys, &noord.femke, at, "  ", during()).await, Err(AppError::Invalid { ref errors }) if errors[0].field == "reason"));

        reopen(&db, &keys, &noord.femke, at, "De beoordeling hoort bij een ander doel.", during()).await.expect("reopened");
        let hers = shown(&db, &noord.sanne, &noord).await.expect("hers");
        assert_eq!(hers.workflow.stage(), Stage::Draft);
        assert!(hers.acknowledgements.is_empty());
        assert_eq!(hers.reopened.map(|r| (r.by, r.reason)), Some((Some("Femke".to_owned()), "De beoordeling hoort bij een ander doel.".to_owned())));
        assert_eq!(texts(&hers.theirs), Vec::<String>::new(), "his writing is a draft again");
        save(&db, &keys, &noord.sanne, at, &answers(&noord, "Klaar, met een aanvulling.", "3"), TZ, during()).await.expect("she can change it");
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::EvaluationReopened.code()))
            .all(&db)
            .await
            .expect("audit");
        assert_eq!(logged.len(), 1);
        assert_eq!(logged[0].actor_id, Some(noord.femke.user.0));
    }

    async fn the_side_panel_shows_the_goals_feedback_and_the_writers_own_notes(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let goal = GoalForm { kind: "performance".into(), year: "2027".into(), title: "Cliënttevredenheid omhoog".into(), visibility: "manager".into(), ..Default::default() };
        let goal = goals::create(&db, &keys, &noord.sanne, &goal, Utc::now()).await.expect("goal");
        let private = GoalForm { kind: "performance".into(), year: "2027".into(), title: "Eigen leerdoel".into(), visibility: "private".into(), ..Default::default() };
        goals::create(&db, &keys, &noord.sanne, &private, Utc::now()).await.expect("private goal");
        let praise = FeedbackForm { recipient: noord.sanne.user.to_string(), visibility: "recipient_and_manager".into(), body: "Sterk overleg.".into(), ..Default::default() };
        feedback::give(&db, &keys, &noord.thomas, &praise, SITE.0, Utc::now()).await.expect("feedback");
        let note = NoteForm { subject: noord.sanne.user.to_string(), body: "Vraagt om meer scholing.".into() };
        notes::add(&db, &keys, &noord.ahmed, &note, Utc::now()).await.expect("note");

        let during_now = Utc::now();
        let his = details(&db, &keys, &noord.ahmed, (noord.end, noord.sanne.user), TZ, during_now).await.expect("his");
        assert_eq!(his.panel.goals.iter().map(|(g, _)| g.title.as_str()).collect::<Vec<_>>(), ["Cliënttevredenheid omhoog"], "not her private goal");
        assert_eq!(his.panel.notes.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["Vraagt om meer scholing."]);
        let rated = &his.questions[2];
        assert_eq!(rated.items.iter().map(|i| (i.id, i.name.nl.as_str())).collect::<Vec<_>>(), [(goal.0, "Cliënttevredenheid omhoog")]);
        let hers = details(&db, &keys, &noord.sanne, (noord.end, noord.sanne.user), TZ, during_now).await.expect("hers");
        assert_eq!(hers.panel.goals.len(), 2, "her own private goal too");
        assert!(hers.panel.notes.is_empty(), "his notes are his alone");
        let in_period = |e: &Evaluation| e.panel.feedback.iter().map(|f| f.body.clone()).collect::<Vec<_>>();
        // The feedback was given now, outside the 2027 period, unless the tests run in 2027.
        assert_eq!(in_period(&his), in_period(&hers));

        let rating = ItemRatingForm { item: goal.to_string(), rating: "4".into() };
        let mut form = answers(&noord, "Goed.", "4");
        form.answers.push(ReviewAnswerForm { question: noord.questions[2].to_string(), items: vec![rating], ..Default::default() });
        save(&db, &keys, &noord.ahmed, (noord.end, noord.sanne.user), &form, TZ, during()).await.expect("rated per goal");
        let mine = shown(&db, &noord.ahmed, &noord).await.expect("his").mine.expect("written");
        assert_eq!(mine.answer(noord.questions[2]).map(|a| a.ratings.clone()), Some(vec![(goal.0, 4)]));
    }

    async fn answers_and_comments_are_sealed_in_the_database(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        let at = (noord.end, noord.sanne.user);
        share(&db, &keys, &noord.sanne, at, &answers(&noord, "Geheime terugblik", "3"), SITE, during()).await.expect("shared");
        let stored = review_writing::Entity::find().one(&db).await.expect("read").expect("a writing");
        assert!(!String::from_utf8_lossy(&stored.answers).contains("Geheime terugblik"));
    }

    async fn a_reminder_goes_once_to_those_with_a_step_left_also_with_two_workers(db) {
        let noord = noord(&db).await;
        let keys = test_keyring();
        share(&db, &keys, &noord.sanne, (noord.end, noord.sanne.user), &answers(&noord, "Af.", "4"), SITE, during()).await.expect("she is done");
        let context = JobContext { public_url: SITE.0.into(), time_zone: TZ, keys: crate::server::testing::test_keyring(), data_directory: std::env::temp_dir(), storage: crate::server::testing::local_storage() };
        let day_before = TZ.with_ymd_and_hms(2027, 11, 30, 9, 0, 0).single().expect("a moment").with_timezone(&Utc);
        assert_eq!(reminders::remind_writers(&db, &context, day_before).await, Ok(0), "not before the date");
        let on_the_day = day_before + Duration::days(1);
        let (first, second) = tokio::join!(
            reminders::remind_writers(&db, &context, on_the_day),
            reminders::remind_writers(&db, &context, on_the_day)
        );
        assert_eq!(first.expect("ran") + second.expect("ran"), 1, "Ahmed only: Sanne has shared");
        assert_eq!(reminders::remind_writers(&db, &context, on_the_day + Duration::days(1)).await, Ok(0), "once");
        let told = notification::Entity::find()
            .filter(notification::Column::Kind.eq(NotificationKind::ReviewReminder.code()))
            .all(&db)
            .await
            .expect("read");
        assert_eq!(told.iter().map(|n| (n.user_id, n.about_user_id)).collect::<Vec<_>>(), [(noord.ahmed.user.0, Some(noord.sanne.user.0))]);
        let mails = outbound_message::Entity::find()
            .filter(outbound_message::Column::Kind.eq(NotificationKind::ReviewReminder.code()))
            .all(&db)
            .await
            .expect("read");
        assert_eq!(mails.len(), 1);
        assert!(mails[0].text_body.contains(&format!("https://koers.example/reviews/{}/{}", noord.end, noord.sanne.user)), "links to the evaluation");
    }
}
