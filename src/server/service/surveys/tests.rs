//! Engagement surveys end to end at the service level (issue 9): two teams
//! are asked, eight people answer, and the results show the team of six
//! and hide the team of two, with the reason, from every angle; answers
//! carry no link to anyone; drafts live until the round closes; a manager
//! replies to a comment and its author answers anonymously. On SQLite and
//! PostgreSQL.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::test_fixture::{TZ, job_context, two_teams};
use super::*;
use crate::domain::anonymity::Verdict;
use crate::domain::dto::surveys::{Answer, Cell, Comments, ReplyForm, ResultsQuery, RowLabel, SurveyForm};
use crate::domain::surveys::Segment;
use crate::server::entity::{notification, survey_answer, survey_participant, survey_response};
use crate::server::testing::{self, for_each_backend};

fn query(
    round: crate::domain::ids::SurveyRoundId,
    unit: Option<crate::domain::ids::UnitId>,
    breakdown: Segment,
) -> ResultsQuery {
    ResultsQuery { round, unit, breakdown }
}

for_each_backend! {
    async fn eight_answer_the_team_of_six_shows_and_the_team_of_two_says_why_from_every_angle(db) {
        let teams = two_teams(&db, "once").await;
        let now = Utc::now();
        for (at, person) in teams.people.iter().enumerate() {
            teams.answer(&db, person, if at < 6 { 4 } else { 1 }, "", now).await;
        }
        let early = results::results(&db, &teams.keys, &teams.femke, query(teams.round, None, Segment::Unit), TZ).await;
        assert!(matches!(early, Err(AppError::Invalid { .. })), "no results while the round is open");
        builder::close_now(&db, &teams.femke, teams.round, TZ, now).await.expect("closed");

        let by_unit = results::results(&db, &teams.keys, &teams.femke, query(teams.round, None, Segment::Unit), TZ)
            .await
            .expect("results");
        assert_eq!(by_unit.round.answered, 8);
        let row = |label: &str| by_unit.rows.iter().find(|r| r.label == RowLabel::Unit(label.into())).expect(label).cell.clone();
        assert!(matches!(row("Zorg"), Cell::Shown { respondents: 6, .. }), "{:?}", row("Zorg"));
        assert_eq!(row("Klein"), Cell::Hidden(Verdict::TooFew));
        // All eight minus Zorg's six would be Klein's two: the whole gives way.
        assert_eq!(by_unit.overall, Cell::Hidden(Verdict::WouldRevealOthers));

        // No angle shows a number from fewer than five, or Klein's answers by subtraction.
        for unit in [None, Some(teams.zorg), Some(teams.klein)] {
            for breakdown in Segment::ALL {
                let seen = results::results(&db, &teams.keys, &teams.femke, query(teams.round, unit, *breakdown), TZ)
                    .await
                    .expect("results");
                for cell in std::iter::once(&seen.overall).chain(seen.rows.iter().map(|r| &r.cell)) {
                    if let Cell::Shown { respondents, .. } = cell {
                        assert_eq!(*respondents, 6, "only Zorg's six ever show ({unit:?}, {breakdown:?})");
                    }
                }
            }
        }
        let klein = results::results(&db, &teams.keys, &teams.bert, query(teams.round, None, Segment::Unit), TZ)
            .await
            .expect("Bert's own unit");
        assert_eq!(klein.query.unit, Some(teams.klein), "a manager looks from their unit");
        assert_eq!(klein.overall, Cell::Hidden(Verdict::TooFew));
        assert!(klein.questions.is_empty(), "no question results of a hidden group");
        let other = results::results(&db, &teams.keys, &teams.bert, query(teams.round, Some(teams.zorg), Segment::Unit), TZ).await;
        assert_eq!(other.err(), Some(AppError::NotFound), "Bert does not manage Zorg");
        let employee = results::results(&db, &teams.keys, &teams.people[0], query(teams.round, None, Segment::Unit), TZ).await;
        assert_eq!(employee.err(), Some(AppError::Forbidden));
    }

    async fn answers_carry_no_link_to_the_person_who_gave_them(db) {
        let teams = two_teams(&db, "once").await;
        for person in &teams.people {
            teams.answer(&db, person, 3, "Meer overleg graag.", Utc::now()).await;
        }
        let names: Vec<String> = teams.people.iter().map(|p| p.name.clone()).collect();
        let ids: Vec<String> = teams.people.iter().map(|p| p.user.to_string()).collect();
        for row in testing::dump(&db).await.into_iter().filter(|r| ["survey_response", "survey_answer"].contains(&r.table.as_str())) {
            for needle in names.iter().chain(&ids) {
                assert!(!row.text.contains(needle.as_str()), "{} holds {needle}", row.table);
            }
        }
        // Responses have random ids (not ordered by time) and no time column.
        let responses = survey_response::Entity::find().all(&db).await.expect("responses");
        assert_eq!(responses.len(), 8);
        assert!(responses.iter().all(|r| r.id.get_version_num() == 4));
        let participants = survey_participant::Entity::find().all(&db).await.expect("participants");
        assert!(participants.iter().all(|p| p.answered && p.draft.is_none()));

        // Closing writes every response again under a new id, in random order,
        // in one transaction: nothing left of the order they came in.
        let answers = survey_answer::Entity::find().all(&db).await.expect("answers").len();
        builder::close_now(&db, &teams.femke, teams.round, TZ, Utc::now()).await.expect("closed");
        let rewritten = survey_response::Entity::find().all(&db).await.expect("responses");
        assert_eq!(rewritten.len(), 8);
        assert!(rewritten.iter().all(|r| r.id.get_version_num() == 4 && !responses.iter().any(|old| old.id == r.id)));
        assert_eq!(survey_answer::Entity::find().all(&db).await.expect("answers").len(), answers);
        let query = query(teams.round, Some(teams.zorg), Segment::Unit);
        let shown = results::results(&db, &teams.keys, &teams.ahmed, query, TZ).await.expect("results");
        assert!(matches!(shown.comments, Comments::Shown(ref themes) if themes[0].comments.len() == 6), "sealed comments still open");
    }

    async fn a_draft_is_kept_until_it_is_sent_or_the_round_closes(db) {
        let teams = two_teams(&db, "once").await;
        let sanne = &teams.people[0];
        let likert = teams.questions.iter().find(|q| q.kind == SurveyQuestionKind::Likert).expect("likert");
        let half = [Answer { question: Some(likert.id), score: Some(2), comment: String::new() }];
        answering::save_draft(&db, &teams.keys, sanne, teams.round, &half).await.expect("saved");
        let mine = answering::mine(&db, sanne, TZ).await.expect("mine");
        assert!(mine[0].started);
        let again = answering::to_answer(&db, &teams.keys, sanne, teams.round, TZ).await.expect("again");
        assert_eq!(again.saved, half);
        let off_scale = [Answer { score: Some(9), ..half[0].clone() }];
        assert!(answering::save_draft(&db, &teams.keys, sanne, teams.round, &off_scale).await.is_err());
        assert_eq!(answering::to_answer(&db, &teams.keys, sanne, teams.round, TZ).await.expect("kept").saved, half, "nothing saved is lost");

        builder::close_now(&db, &teams.femke, teams.round, TZ, Utc::now()).await.expect("closed");
        let participant = survey_participant::Entity::find()
            .filter(survey_participant::Column::UserId.eq(sanne.user.0))
            .one(&db)
            .await
            .expect("read")
            .expect("participant");
        assert!(participant.draft.is_none() && !participant.answered, "the unsent draft is gone, nothing was counted");
        assert!(answering::mine(&db, sanne, TZ).await.expect("mine").is_empty());
    }

    async fn a_manager_replies_to_a_comment_and_its_author_answers_anonymously(db) {
        let teams = two_teams(&db, "once").await;
        let mut codes = Vec::new();
        for (at, person) in teams.people.iter().enumerate() {
            let comment = if at == 0 { "De roosters komen te laat." } else { "" };
            codes.push(teams.answer(&db, person, 4, comment, Utc::now()).await);
        }
        let code = codes[0].clone().expect("a code for the one who commented");
        assert!(codes[1..].iter().all(Option::is_none), "no comment, no code");
        builder::close_now(&db, &teams.femke, teams.round, TZ, Utc::now()).await.expect("closed");

        let seen = results::results(&db, &teams.keys, &teams.ahmed, query(teams.round, Some(teams.zorg), Segment::Unit), TZ)
            .await
            .expect("Zorg");
        let Comments::Shown(themes) = seen.comments else { panic!("six is more than five: comments show") };
        let thread = &themes[0].comments[0];
        assert_eq!(thread.text, "De roosters komen te laat.");
        let author = &teams.people[0];
        let first = ReplyForm { text: "Ik begin zelf maar.".into() };
        let unasked = comments::answer_as_respondent(&db, &teams.keys, author, (teams.round, &code), thread.answer, &first, (Utc::now(), TZ)).await;
        assert!(unasked.is_err(), "the respondent answers a manager, who has not replied yet");
        let reply = ReplyForm { text: "Dank, we plannen voortaan zes weken vooruit.".into() };
        comments::reply(&db, &teams.keys, &teams.ahmed, thread.answer, &reply, Utc::now()).await.expect("replied");
        assert_eq!(
            comments::reply(&db, &teams.keys, &teams.bert, thread.answer, &reply, Utc::now()).await.err(),
            Some(AppError::NotFound),
            "Bert cannot see Zorg's comments"
        );

        let own = comments::own(&db, &teams.keys, author, teams.round, &code, TZ).await.expect("own");
        assert_eq!(own.themes[0].comments[0].replies[0].author.as_deref(), Some("Ahmed"));
        let answer = ReplyForm { text: "Fijn, dat helpt.".into() };
        comments::answer_as_respondent(&db, &teams.keys, author, (teams.round, &code), thread.answer, &answer, (Utc::now(), TZ))
            .await
            .expect("answered");
        assert!(comments::own(&db, &teams.keys, author, teams.round, "verkeerde-code", TZ).await.is_err());

        let seen = results::results(&db, &teams.keys, &teams.ahmed, query(teams.round, Some(teams.zorg), Segment::Unit), TZ)
            .await
            .expect("Zorg");
        let Comments::Shown(themes) = seen.comments else { panic!("comments") };
        let replies = &themes[0].comments[0].replies;
        assert_eq!(replies.len(), 2);
        assert_eq!(replies[1].author, None, "the author stays anonymous");
        assert_eq!(replies[1].written_at.len(), 10, "only the day, no time to match against sign-ins");
    }

    async fn a_pulse_reminds_closes_and_plans_its_next_round_with_the_threshold_fixed_at_opening(db) {
        let teams = two_teams(&db, "pulse").await;
        let opened = Utc::now();
        builder::set_threshold(&db, &teams.femke, "3").await.expect("threshold");
        assert!(builder::set_threshold(&db, &teams.femke, "2").await.is_err(), "never below three");
        teams.answer(&db, &teams.people[0], 5, "", opened).await;

        let context = job_context();
        rounds::run(&db, &context, opened).await.expect("told");
        let told = |kind: &'static str| {
            let db = db.clone();
            async move {
                notification::Entity::find().filter(notification::Column::Kind.eq(kind)).all(&db).await.expect("notifications").len()
            }
        };
        assert_eq!(told("survey_opened").await, 8, "everyone asked is told once");
        rounds::run(&db, &context, opened + Duration::days(8)).await.expect("reminded");
        rounds::run(&db, &context, opened + Duration::days(9)).await.expect("not again");
        assert_eq!(told("survey_reminder").await, 7, "those who have not answered, once");

        rounds::run(&db, &context, opened + Duration::days(15)).await.expect("closed");
        let details = builder::details(&db, &teams.femke, teams.survey, TZ).await.expect("details");
        assert_eq!(details.rounds.len(), 2, "the next round is planned");
        assert_eq!(details.rounds[1].state, crate::domain::dto::surveys::RoundState::Closed);
        let results = results::results(&db, &teams.keys, &teams.femke, query(teams.round, None, Segment::Unit), TZ)
            .await
            .expect("results");
        assert_eq!(results.threshold, 5, "the round kept the threshold it opened with");
    }

    async fn a_question_few_answered_shows_no_score_even_in_a_group_that_shows(db) {
        let teams = two_teams(&db, "once").await;
        let enps = teams.questions.iter().find(|q| q.kind == SurveyQuestionKind::Enps).expect("enps").id;
        for (at, person) in teams.people.iter().take(6).enumerate() {
            // Only the first of Zorg's six answers the recommendation question.
            let answers: Vec<Answer> = teams
                .questions
                .iter()
                .filter(|q| q.kind != SurveyQuestionKind::Open && (q.id != enps || at == 0))
                .map(|q| Answer { question: Some(q.id), score: Some(if q.id == enps { 10 } else { 4 }), comment: String::new() })
                .collect();
            answering::submit(&db, &teams.keys, person, teams.round, &answers, TZ, Utc::now()).await.expect("sent");
        }
        builder::close_now(&db, &teams.femke, teams.round, TZ, Utc::now()).await.expect("closed");
        let seen = results::results(&db, &teams.keys, &teams.femke, query(teams.round, Some(teams.zorg), Segment::Unit), TZ)
            .await
            .expect("Zorg");
        let Cell::Shown { respondents: 6, enps: score, themes } = seen.overall else { panic!("Zorg's six show") };
        assert_eq!(score, None, "one person's recommendation would be theirs");
        assert!(themes.iter().all(Option::is_some), "the themes all six answered show");
        let question = seen.questions.iter().find(|q| q.kind == SurveyQuestionKind::Enps).expect("question");
        assert_eq!((question.score, question.answers), (None, None));
    }

    async fn a_closed_round_keeps_its_groups_when_units_move_and_functions_are_deleted(db) {
        use crate::domain::dto::BilingualForm;
        use crate::server::service::{functions, structure};

        // Klein's two are cooks. Were the round judged on today's
        // organisation, Zorg would grow to eight once Klein moves into it,
        // and the people without a function to eight once the function
        // goes: either minus what showed before would be Klein's two.
        let teams = two_teams(&db, "once").await;
        let now = Utc::now();
        let cooks = BilingualForm { name_nl: "Kok".into(), ..Default::default() };
        let cook = functions::create(&db, &teams.femke, &cooks, now).await.expect("function");
        for person in &teams.people[6..] {
            functions::assign(&db, &teams.femke, person.user, Some(cook)).await.expect("a cook");
        }
        for person in &teams.people {
            teams.answer(&db, person, 4, "", now).await;
        }
        builder::close_now(&db, &teams.femke, teams.round, TZ, now).await.expect("closed");
        let view = |unit, breakdown| {
            let (db, keys, femke) = (db.clone(), teams.keys.clone(), teams.femke.clone());
            async move { results::results(&db, &keys, &femke, query(teams.round, unit, breakdown), TZ).await.expect("results") }
        };
        let cells = |seen: &crate::domain::dto::surveys::SurveyResults| -> Vec<(RowLabel, Cell)> {
            let mut rows: Vec<(RowLabel, Cell)> = seen.rows.iter().map(|r| (r.label.clone(), r.cell.clone())).collect();
            // A deleted function's row moves from the named ones to the end.
            rows.sort_by_key(|row| format!("{row:?}"));
            std::iter::once((RowLabel::Unknown, seen.overall.clone())).chain(rows).collect()
        };
        let functions_before = cells(&view(None, Segment::Function).await);
        let cook_row = functions_before.iter().find(|(label, _)| matches!(label, RowLabel::Function(_))).cloned().expect("the cooks");
        assert_eq!(cook_row.1, Cell::Hidden(Verdict::TooFew));

        structure::update(&db, &teams.femke, teams.klein, "Klein", Some(teams.zorg), now).await.expect("moved");
        functions::delete(&db, &teams.femke, cook).await.expect("deleted");

        let zorg = view(Some(teams.zorg), Segment::Unit).await;
        assert!(matches!(zorg.overall, Cell::Shown { respondents: 6, .. }), "Zorg as it closed: {:?}", zorg.overall);
        let klein = zorg.rows.iter().find(|r| r.label == RowLabel::Unit("Klein".into())).expect("Klein is below Zorg now");
        assert_eq!(klein.cell, Cell::Hidden(Verdict::TooFew));
        let mut functions_after: Vec<(RowLabel, Cell)> = cells(&view(None, Segment::Function).await)
            .into_iter()
            .map(|(label, cell)| if label == RowLabel::FormerFunction { cook_row.clone() } else { (label, cell) })
            .collect();
        functions_after[1..].sort_by_key(|row| format!("{row:?}"));
        assert_eq!(functions_after, functions_before, "the cooks are still apart, under another name");
    }

    async fn a_question_skipped_by_all_but_one_outside_a_team_shows_for_the_team_and_not_for_its_department(db) {
        use crate::domain::roles::Roles;
        use crate::server::service::structure;

        // Department Zorg: team Noord of five, and five people of its own.
        // Groups of ten and five differ by five, but only one of Zorg's own
        // answers the recommendation question: Zorg's score minus Noord's
        // would be that one person's.
        let now = Utc::now();
        let keys = testing::test_keyring();
        let org = testing::organisation(&db, "De Linde").await;
        let femke = testing::scope(&db, org, "Femke", Roles { admin: true, ..Roles::default() }).await;
        let zorg = structure::create(&db, &femke, "Zorg", None, now).await.expect("unit");
        let noord = structure::create(&db, &femke, "Noord", Some(zorg), now).await.expect("team");
        let form = SurveyForm { title_nl: "Onderzoek".into(), kind: "once".into(), open_days: "14".into(), ..Default::default() };
        let survey = builder::create(&db, &femke, &form, now).await.expect("survey");
        builder::set_units(&db, &femke, survey, &[zorg]).await.expect("units");
        let mut people = Vec::new();
        for at in 0..10 {
            let person = testing::scope(&db, org, &format!("Medewerker {at}"), Roles::default()).await;
            structure::add_member(&db, &femke, if at < 5 { noord } else { zorg }, person.user, true, now).await.expect("member");
            people.push(person);
        }
        let round = builder::schedule(&db, &femke, survey, "", TZ, now).await.expect("opened");
        let questions = builder::details(&db, &femke, survey, TZ).await.expect("details").questions;
        let enps = questions.iter().find(|q| q.kind == SurveyQuestionKind::Enps).expect("enps").id;
        for (at, person) in people.iter().enumerate() {
            let answers: Vec<Answer> = questions
                .iter()
                .filter(|q| q.kind != SurveyQuestionKind::Open && (q.id != enps || at <= 5))
                .map(|q| Answer { question: Some(q.id), score: Some(if q.id == enps { 9 } else { 4 }), comment: String::new() })
                .collect();
            answering::submit(&db, &keys, person, round, &answers, TZ, now).await.expect("sent");
        }
        builder::close_now(&db, &femke, round, TZ, now).await.expect("closed");
        let enps_of = |unit| {
            let db = db.clone();
            let (keys, femke) = (keys.clone(), femke.clone());
            async move {
                let seen = results::results(&db, &keys, &femke, query(round, Some(unit), Segment::Unit), TZ).await.expect("results");
                let Cell::Shown { enps, .. } = seen.overall else { panic!("the group shows") };
                enps
            }
        };
        assert_eq!(enps_of(noord).await, Some(100), "the team's five answered it");
        assert_eq!(enps_of(zorg).await, None, "six answered it in Zorg: one more than in Noord");
    }
}
