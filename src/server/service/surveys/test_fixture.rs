//! The organisation the survey tests share: Zorg, a team of six managed by
//! Ahmed, and Klein, a team of two managed by Bert, both asked by Femke's
//! engagement survey, which is open.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::{answering, builder};
use crate::domain::dto::surveys::{Answer, SurveyForm, SurveyQuestion};
use crate::domain::ids::{SurveyId, SurveyRoundId, UnitId};
use crate::domain::roles::Roles;
use crate::domain::surveys::SurveyQuestionKind;
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::service::notifications::jobs::JobContext;
use crate::server::service::structure;
use crate::server::testing;

pub const TZ: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// What the rounds job runs with in these tests.
pub fn job_context() -> JobContext {
    JobContext {
        public_url: "https://koers.example".into(),
        time_zone: TZ,
        keys: testing::test_keyring(),
        data_directory: std::env::temp_dir(),
        storage: crate::server::testing::local_storage(),
    }
}

pub struct TwoTeams {
    pub keys: Keyring,
    pub femke: OrgScope,
    pub ahmed: OrgScope,
    pub bert: OrgScope,
    pub zorg: UnitId,
    pub klein: UnitId,
    /// Six in Zorg, then two in Klein.
    pub people: Vec<OrgScope>,
    pub survey: SurveyId,
    pub round: SurveyRoundId,
    pub questions: Vec<SurveyQuestion>,
}

pub async fn two_teams(db: &DatabaseConnection, kind: &str) -> TwoTeams {
    let keys = testing::test_keyring();
    let org = testing::organisation(db, "De Linde").await;
    let femke = testing::scope(db, org, "Femke", Roles { admin: true, ..Roles::default() }).await;
    let manager = Roles { manager: true, ..Roles::default() };
    let ahmed = testing::scope(db, org, "Ahmed", manager).await;
    let bert = testing::scope(db, org, "Bert", manager).await;
    let now = Utc::now();
    let zorg = structure::create(db, &femke, "Zorg", None, now).await.expect("unit");
    let klein = structure::create(db, &femke, "Klein", None, now).await.expect("unit");
    structure::set_manager(db, &femke, zorg, ahmed.user, true, now).await.expect("manager");
    structure::set_manager(db, &femke, klein, bert.user, true, now).await.expect("manager");
    let mut people = Vec::new();
    for (at, unit) in std::iter::repeat_n(zorg, 6).chain(std::iter::repeat_n(klein, 2)).enumerate() {
        let person = testing::scope(db, org, &format!("Medewerker {at}"), Roles::default()).await;
        structure::add_member(db, &femke, unit, person.user, true, now).await.expect("member");
        people.push(person);
    }
    let form = SurveyForm {
        title_nl: "Medewerkersonderzoek".into(),
        kind: kind.into(),
        open_days: "14".into(),
        repeat_months: "3".into(),
        remind_after_days: "7".into(),
        ..Default::default()
    };
    let survey = builder::create(db, &femke, &form, now).await.expect("survey");
    builder::set_units(db, &femke, survey, &[zorg, klein]).await.expect("units");
    let round = builder::schedule(db, &femke, survey, "", TZ, now).await.expect("opened");
    let questions = builder::details(db, &femke, survey, TZ).await.expect("details").questions;
    TwoTeams { keys, femke, ahmed, bert, zorg, klein, people, survey, round, questions }
}

impl TwoTeams {
    /// Answers every scored question with `score` (clamped to its scale) and
    /// every open question with `comment`; returns the reply code.
    pub async fn answer(
        &self,
        db: &DatabaseConnection,
        person: &OrgScope,
        score: i32,
        comment: &str,
        now: DateTime<Utc>,
    ) -> Option<String> {
        let answers: Vec<Answer> = self
            .questions
            .iter()
            .map(|q| Answer {
                question: Some(q.id),
                score: q.kind.scores().map(|scale| score.clamp(*scale.start(), *scale.end())),
                comment: if q.kind == SurveyQuestionKind::Open { comment.to_owned() } else { String::new() },
            })
            .collect();
        answering::submit(db, &self.keys, person, self.round, &answers, TZ, now).await.expect("sent")
    }
}
