//! The demo organisation's engagement pulse: every quarter for two years
//! the care teams, the staff departments and the facilities were asked the
//! default questions, and most of those who worked there by then answered,
//! through the same service a respondent uses. The managers of the care
//! departments above the teams are not asked: were they, a department's
//! number minus its teams' would be their answers, and the anonymity engine
//! would hide the department. (Staf is asked whole: its sub-units are too
//! small to show, so its total gives nobody away.) The numbers move as they would: the organisation slowly
//! improves, wellbeing dips every winter, Wijkteam Noord's leadership
//! scores rise after its new team leader started a year ago, and Wijkteam
//! Zuid's wellbeing slides as its workload grows. Some left a comment, and
//! Ahmed replied to one from his team in the latest round. The next round
//! is planned a few weeks from now. Nobody is told of these old rounds.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::dto::surveys::{Answer, ReplyForm, SurveyForm, SurveyQuestion};
use crate::domain::ids::{OrgId, SurveyAnswerId, SurveyId, SurveyRoundId, UnitId, UserId};
use crate::domain::roles::Roles;
use crate::domain::surveys::{SurveyQuestionKind, Theme};
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{
    org_unit, survey_answer, survey_participant, survey_response, survey_round, unit_member, user_account,
};
use crate::server::service::structure;
use crate::server::service::surveys::{answering, builder, comments, rounds};

/// The demo organisation's time zone.
const TIME_ZONE: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;
/// The units the pulse asks, with the units below them.
const ASKED_UNITS: [&str; 6] =
    ["Eikenhof", "Lindehof", "Wijkteam Noord", "Wijkteam Zuid", "Staf", "Facilitair"];
/// Out of a hundred, how many of those asked answer a round.
const ANSWERING: u64 = 82;
/// Out of a hundred respondents, how many leave a comment.
const COMMENTING: u64 = 18;

const COMMENTS: [&str; 10] = [
    "Meer tijd voor de overdracht tussen de diensten zou veel schelen.",
    "De roosters komen vaak laat; graag eerder duidelijkheid.",
    "Fijn team, maar de werkdruk is de laatste tijd hoog.",
    "Meer ruimte voor scholing en intervisie, graag.",
    "Het nieuwe teamoverleg werkt goed, ga zo door.",
    "Waardering voor de invallers die steeds bijspringen.",
    "Minder administratie, meer tijd voor cliënten.",
    "Duidelijker uitleg vanuit de directie over de plannen voor volgend jaar.",
    "Goede begeleiding van nieuwe collega's.",
    "De apparatuur laat vaak te wensen over.",
];

pub async fn seed_surveys(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let femke = scope(db, org, "femke.jansen@delinde.example").await?;
    let first_opening =
        now.checked_sub_months(Months::new(24)).ok_or(AppError::Internal)? + Duration::days(20);
    let form = SurveyForm {
        title_nl: "Pulse De Linde".into(),
        title_en: "De Linde pulse".into(),
        intro_nl: "Elk kwartaal een paar vragen over hoe het gaat. Het kost vijf minuten.".into(),
        intro_en: "A few questions every quarter on how things are going. It takes five minutes.".into(),
        kind: "pulse".into(),
        open_days: "14".into(),
        repeat_months: "3".into(),
        remind_after_days: "7".into(),
        ..SurveyForm::default()
    };
    let survey = builder::create(db, &femke, &form, first_opening).await?;
    let asked: Vec<UnitId> = structure::tree(db, &femke)
        .await?
        .into_iter()
        .filter(|unit| ASKED_UNITS.contains(&unit.name.as_str()))
        .map(|unit| unit.id)
        .collect();
    builder::set_units(db, &femke, survey, &asked).await?;
    let questions = builder::details(db, &femke, survey, TIME_ZONE).await?.questions;
    let people = People::load(db, org).await?;
    let mut round = builder::schedule(db, &femke, survey, "", TIME_ZONE, first_opening).await?;
    for index in 0u32.. {
        let row = survey_round::Entity::find_by_id(round.0)
            .one(db)
            .await
            .map_err(internal)?
            .ok_or(AppError::Internal)?;
        answer_round(db, keys, &people, &questions, &row, index).await?;
        rounds::close_due(db, Some(org), TIME_ZONE, row.closes_at).await?;
        let Some(next) = pending_round(db, survey).await? else { break };
        if next.opens_at > now {
            reply_to_a_comment(db, keys, org, &row).await?;
            break;
        }
        rounds::open_due(db, org, next.opens_at).await?;
        round = SurveyRoundId(next.id);
    }
    Ok(())
}

/// Everyone asked who worked here by then answers, most of them, some
/// days into the round.
async fn answer_round(
    db: &DatabaseConnection,
    keys: &Keyring,
    people: &People,
    questions: &[SurveyQuestion],
    round: &survey_round::Model,
    index: u32,
) -> Result<(), AppError> {
    let asked = survey_participant::Entity::find()
        .filter(survey_participant::Column::RoundId.eq(round.id))
        .all(db)
        .await
        .map_err(internal)?;
    let opened_on = round.opens_at.with_timezone(&TIME_ZONE).date_naive();
    for participant in asked {
        let Some(person) = people.by_id.get(&participant.user_id) else { continue };
        let dice = Dice::new(person.number, index);
        let started = person.started_on.is_none_or(|day| day <= opened_on);
        if !started || dice.percent(1) >= ANSWERING {
            continue;
        }
        let mood = Mood { unit: &person.unit, round: index, quarter: opened_on.month0() / 3 + 1 };
        let answers: Vec<Answer> = questions
            .iter()
            .enumerate()
            .map(|(at, question)| mood.answer(question, &dice, at as u64))
            .collect();
        let answered_at = round.opens_at + Duration::hours(i64::try_from(dice.percent(2) * 3).unwrap_or(0));
        answering::submit(db, keys, &person.scope, SurveyRoundId(round.id), &answers, TIME_ZONE, answered_at)
            .await?;
    }
    Ok(())
}

/// What a group of respondents feels in a round, on the questions' scales.
struct Mood<'a> {
    unit: &'a str,
    /// 0 for the first round, two years ago.
    round: u32,
    /// 1 for January to March.
    quarter: u32,
}

impl Mood<'_> {
    /// Where a theme stands, on the 1–5 agreement scale.
    fn level(&self, theme: Theme) -> f64 {
        let base = match theme {
            Theme::Collaboration => 3.9,
            Theme::Engagement | Theme::Recommendation | Theme::General => 3.6,
            Theme::Leadership | Theme::Wellbeing => 3.4,
            Theme::Alignment | Theme::Recognition => 3.2,
            Theme::Growth => 3.0,
        };
        let improving = 0.05 * f64::from(self.round);
        let winter = if theme == Theme::Wellbeing && self.quarter == 1 { -0.35 } else { 0.0 };
        let team = match (self.unit, theme) {
            ("Wijkteam Noord", Theme::Leadership | Theme::Recognition) if self.round >= 4 => 0.6,
            ("Wijkteam Noord", Theme::Leadership | Theme::Recognition) => -0.3,
            ("Wijkteam Zuid", Theme::Wellbeing | Theme::Engagement) => -0.09 * f64::from(self.round),
            ("Lindehof", Theme::Collaboration) => 0.3,
            _ => 0.0,
        };
        base + improving + winter + team
    }

    fn answer(&self, question: &SurveyQuestion, dice: &Dice, at: u64) -> Answer {
        let spread = dice.between(10 + at, -1.1, 1.1);
        let (score, comment) = match question.kind {
            SurveyQuestionKind::Likert => {
                (Some((self.level(question.theme) + spread).round().clamp(1.0, 5.0)), None)
            }
            SurveyQuestionKind::Enps => {
                let engaged = self.level(Theme::Engagement);
                (Some((engaged * 2.2 - 0.4 + 2.0 * spread).round().clamp(0.0, 10.0)), None)
            }
            SurveyQuestionKind::Open => {
                let comments = dice.percent(3) < COMMENTING;
                let pick = usize::try_from(dice.percent(4)).unwrap_or(0) % COMMENTS.len();
                (None, comments.then_some(COMMENTS[pick]))
            }
        };
        Answer {
            question: Some(question.id),
            score: score.map(|score| score as i32),
            comment: comment.unwrap_or_default().to_owned(),
        }
    }
}

/// Ahmed answers a comment from Wijkteam Noord in the latest round.
async fn reply_to_a_comment(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    round: &survey_round::Model,
) -> Result<(), AppError> {
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let noord = org_unit::Entity::find()
        .filter(org_unit::Column::OrgId.eq(org.0))
        .filter(org_unit::Column::Name.eq("Wijkteam Noord"))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let responses: Vec<uuid::Uuid> = survey_response::Entity::find()
        .filter(survey_response::Column::RoundId.eq(round.id))
        .filter(survey_response::Column::UnitId.eq(noord.id))
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|response| response.id)
        .collect();
    let Some(comment) = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.is_in(responses))
        .filter(survey_answer::Column::Comment.is_not_null())
        .order_by_asc(survey_answer::Column::Id)
        .one(db)
        .await
        .map_err(internal)?
    else {
        return Ok(());
    };
    let reply =
        ReplyForm { text: "Dank voor je opmerking. Zullen we dit in het teamoverleg bespreken?".into() };
    comments::reply(db, keys, &ahmed, SurveyAnswerId(comment.id), &reply, round.closes_at + Duration::days(2))
        .await
}

async fn pending_round(
    db: &DatabaseConnection,
    survey: SurveyId,
) -> Result<Option<survey_round::Model>, AppError> {
    survey_round::Entity::find()
        .filter(survey_round::Column::SurveyId.eq(survey.0))
        .filter(survey_round::Column::ClosedAt.is_null())
        .one(db)
        .await
        .map_err(internal)
}

/// The organisation's people as respondents: a stable number each (by
/// e-mail address), their primary unit's name and their start date.
struct People {
    by_id: HashMap<uuid::Uuid, Respondent>,
}

struct Respondent {
    scope: OrgScope,
    number: u64,
    unit: String,
    started_on: Option<NaiveDate>,
}

impl People {
    async fn load(db: &DatabaseConnection, org: OrgId) -> Result<People, AppError> {
        let units: HashMap<uuid::Uuid, String> = org_unit::Entity::find()
            .filter(org_unit::Column::OrgId.eq(org.0))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|unit| (unit.id, unit.name))
            .collect();
        let primary: HashMap<uuid::Uuid, String> = unit_member::Entity::find()
            .filter(unit_member::Column::IsPrimary.eq(true))
            .filter(unit_member::Column::UnitId.is_in(units.keys().copied()))
            .all(db)
            .await
            .map_err(internal)?
            .into_iter()
            .filter_map(|member| units.get(&member.unit_id).map(|name| (member.user_id, name.clone())))
            .collect();
        let accounts = user_account::Entity::find()
            .filter(user_account::Column::OrgId.eq(org.0))
            .order_by_asc(user_account::Column::Email)
            .all(db)
            .await
            .map_err(internal)?;
        let by_id = (0u64..)
            .zip(accounts)
            .map(|(number, account)| {
                let roles = Roles {
                    manager: account.is_manager,
                    admin: account.is_admin,
                    auditor: account.is_auditor,
                };
                let respondent = Respondent {
                    scope: OrgScope { org, user: UserId(account.id), name: account.name, roles },
                    number,
                    unit: primary.get(&account.id).cloned().unwrap_or_default(),
                    started_on: account.started_on,
                };
                (account.id, respondent)
            })
            .collect();
        Ok(People { by_id })
    }
}

/// Reproducible chance for one person in one round: the same demo every time.
struct Dice {
    seed: u64,
}

impl Dice {
    fn new(person: u64, round: u32) -> Dice {
        Dice {
            seed: person.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ u64::from(round).wrapping_mul(0xBF58_476D_1CE4_E5B9),
        }
    }

    /// A number from 0 to 1, the same for the same `roll`.
    fn unit(&self, roll: u64) -> f64 {
        // SplitMix64's finaliser: well spread for neighbouring inputs.
        let mut x = self.seed.wrapping_add(roll.wrapping_mul(0x94D0_49BB_1331_11EB));
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
        (x >> 11) as f64 / (1u64 << 53) as f64
    }

    fn percent(&self, roll: u64) -> u64 {
        (self.unit(roll) * 100.0) as u64
    }

    fn between(&self, roll: u64, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit(roll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dto::surveys::{Cell, Comments, ResultsQuery, SurveyResults};
    use crate::domain::surveys::Segment;
    use crate::server::entity::{notification, survey};
    use crate::server::service::surveys::results;
    use crate::server::testing::{self, demo, for_each_backend};

    /// A theme's score in each round of the trend where the group shows.
    fn scores(results: &SurveyResults, theme: Theme) -> Vec<i32> {
        let at = results.themes.iter().position(|t| *t == theme).expect("a theme of the survey");
        results
            .trend
            .iter()
            .filter_map(|point| match &point.cell {
                Cell::Shown { themes, .. } => themes[at],
                Cell::Hidden(_) => None,
            })
            .collect()
    }

    fn rise(scores: &[i32]) -> i32 {
        scores.last().copied().unwrap_or_default() - scores.first().copied().unwrap_or_default()
    }

    for_each_backend! {
        async fn two_years_of_quarterly_pulses_tell_the_demo_story(db) {
            let keys = testing::test_keyring();
            let demo = demo(&db, &keys).await;
            let pulse = survey::Entity::find().filter(survey::Column::OrgId.eq(demo.org.0)).one(&db).await.expect("read").expect("the pulse");
            let rounds = survey_round::Entity::find()
                .filter(survey_round::Column::SurveyId.eq(pulse.id))
                .order_by_asc(survey_round::Column::OpensAt)
                .all(&db)
                .await
                .expect("rounds");
            assert_eq!(rounds.len(), 9, "eight quarters held and the next planned");
            assert!(rounds[..8].iter().all(|round| round.closed_at.is_some()));
            assert!(rounds[8].opened_at.is_none() && rounds[8].opens_at > Utc::now());
            let told = notification::Entity::find().filter(notification::Column::Kind.contains("survey")).all(&db).await.expect("read");
            assert!(told.is_empty(), "nobody is told of rounds long closed");

            let latest = SurveyRoundId(rounds[7].id);
            let query = ResultsQuery { round: latest, unit: None, breakdown: Segment::Unit };
            let everyone = results::results(&db, &keys, &demo.admin, query, TIME_ZONE).await.expect("results");
            assert_eq!(everyone.trend.len(), 8);
            assert!(matches!(everyone.overall, Cell::Shown { respondents, .. } if respondents >= 35), "{:?}", everyone.overall);
            assert!(rise(&scores(&everyone, Theme::Engagement)) > 0, "the organisation slowly improves");

            let ahmed = scope(&db, demo.org, "ahmed.elamrani@delinde.example").await.expect("Ahmed");
            let noord = results::results(&db, &keys, &ahmed, query, TIME_ZONE).await.expect("his team");
            assert!(rise(&scores(&noord, Theme::Leadership)) >= 15, "{:?}", scores(&noord, Theme::Leadership));
            let Comments::Shown(themes) = &noord.comments else { panic!("his team's comments show") };
            let replied = themes.iter().flat_map(|theme| &theme.comments).filter(|thread| !thread.replies.is_empty()).count();
            assert_eq!(replied, 1, "Ahmed answered one comment");

            let joyce = scope(&db, demo.org, "joyce.kramer@delinde.example").await.expect("Zuid's team leader");
            let zuid = results::results(&db, &keys, &joyce, query, TIME_ZONE).await.expect("her team");
            assert!(rise(&scores(&zuid, Theme::Wellbeing)) < 0, "{:?}", scores(&zuid, Theme::Wellbeing));
        }
    }
}
