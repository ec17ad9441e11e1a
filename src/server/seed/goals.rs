//! A year of the demo organisation's goals: two organisation goals, team
//! goals of two units aligned to them, and people's performance and
//! development goals with key results and a check-in about every month
//! since the start of the year, in the people's own words; and goal
//! templates, one given to a whole location.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::dto::{
    AssignTemplateForm, CheckInForm, GoalForm, GoalTemplateForm, KeyResultForm, KeyResultValue,
};
use crate::domain::ids::{GoalId, OrgId, UserId};
use crate::domain::roles::Roles;
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::user_account;
use crate::server::service::{competencies, core_values, goals, structure};

/// Someone of the demo organisation, by e-mail address.
pub(super) async fn scope(db: &DatabaseConnection, org: OrgId, email: &str) -> Result<OrgScope, AppError> {
    let person = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(org.0))
        .filter(user_account::Column::Email.eq(email))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let roles = Roles { manager: person.is_manager, admin: person.is_admin, auditor: person.is_auditor };
    Ok(OrgScope { org, user: UserId(person.id), name: person.name, roles })
}

fn key_result(title: &str, start: f64, target: f64) -> KeyResultForm {
    KeyResultForm { title: title.into(), start: start.to_string(), target: target.to_string() }
}

struct Seeder<'a> {
    db: &'a DatabaseConnection,
    keys: &'a Keyring,
    year: String,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
}

impl Seeder<'_> {
    async fn goal(&self, who: &OrgScope, form: GoalForm) -> Result<GoalId, AppError> {
        let form = GoalForm { year: self.year.clone(), ..form };
        goals::create(self.db, self.keys, who, &form, self.start).await
    }

    /// A check-in `month` months after the start of the year, setting the
    /// goal's key results (in order) to `values`.
    async fn check_in(
        &self,
        who: &OrgScope,
        goal: GoalId,
        month: i64,
        (status, values, comment): (&str, &[f64], &str),
    ) -> Result<(), AppError> {
        // Never later than the moment of seeding.
        let now = (self.start + Duration::days(30 * month)).min(self.now);
        let tz = chrono_tz::Europe::Amsterdam;
        let results = goals::details(self.db, self.keys, who, goal, tz, now).await?.goal.key_results;
        let values = results
            .iter()
            .zip(values)
            .map(|(result, value)| KeyResultValue { id: result.id.to_string(), value: value.to_string() })
            .collect();
        let form =
            CheckInForm { status: status.into(), comment: comment.into(), values, ..Default::default() };
        goals::check_in(self.db, self.keys, who, goal, &form, now).await
    }
}

pub async fn seed_goals(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let year = now.year();
    let start = chrono::NaiveDate::from_ymd_opt(year, 1, 15)
        .and_then(|day| day.and_hms_opt(9, 0, 0))
        .map(|moment| moment.and_utc())
        .unwrap_or(now);
    let seeder = Seeder { db, keys, year: year.to_string(), start, now };
    let months_so_far = i64::from(now.month0()).max(1);
    let femke = scope(db, org, "femke.jansen@delinde.example").await?;
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let dennis = scope(db, org, "dennis.jacobs@delinde.example").await?;
    let sanne = scope(db, org, "sanne.devries@delinde.example").await?;
    let thomas = scope(db, org, "thomas.bakker@delinde.example").await?;
    let fatima = scope(db, org, "fatima.ouali@delinde.example").await?;
    let kevin = scope(db, org, "kevin.meijer@delinde.example").await?;

    let named =
        |kind: &str, title: &str| GoalForm { kind: kind.into(), title: title.into(), ..Default::default() };
    let close_to_home = seeder
        .goal(
            &femke,
            GoalForm {
                description: "Cliënten krijgen de zorg die ze nodig hebben, thuis of zo dichtbij mogelijk."
                    .into(),
                ..named("organisation", "Goede zorg dichtbij huis")
            },
        )
        .await?;
    let good_place = seeder
        .goal(
            &femke,
            GoalForm {
                description: "Minder verzuim en collega's die blijven.".into(),
                ..named("organisation", "Een fijne plek om te werken")
            },
        )
        .await?;
    let units = structure::tree(db, &femke).await?;
    let unit =
        |name: &str| units.iter().find(|u| u.name == name).map(|u| u.id.to_string()).unwrap_or_default();
    let waiting = seeder
        .goal(
            &ahmed,
            GoalForm {
                unit: unit("Wijkteam Noord"),
                parent: close_to_home.to_string(),
                key_results: vec![key_result("Wachttijd nieuwe cliënten (dagen)", 10.0, 5.0)],
                ..named("team", "Nieuwe cliënten binnen vijf dagen in zorg")
            },
        )
        .await?;
    let falls = seeder
        .goal(
            &dennis,
            GoalForm {
                unit: unit("Verpleeghuis De Beuk"),
                parent: close_to_home.to_string(),
                key_results: vec![key_result("Valincidenten per maand", 12.0, 6.0)],
                ..named("team", "Minder valincidenten")
            },
        )
        .await?;
    for month in 1..=months_so_far {
        let days = 10.0 - (month as f64 * 0.6).min(4.5);
        seeder.check_in(&ahmed, waiting, month, ("on_track", &[days.round()], "")).await?;
        let incidents = 12.0 - (month as f64 * 0.5).min(5.0);
        let status = if month % 4 == 0 { "at_risk" } else { "on_track" };
        seeder.check_in(&dennis, falls, month, (status, &[incidents.round()], "")).await?;
    }

    let competency = |list: &[crate::domain::dto::Competency], name: &str| {
        list.iter().find(|c| c.name_nl == name).map(|c| c.id.to_string()).unwrap_or_default()
    };
    let all = competencies::list(db, org).await?;
    let values = core_values::list(db, org).await?;
    let skilled =
        values.iter().find(|v| v.name_nl == "Vakkundig").map(|v| v.id.to_string()).unwrap_or_default();

    let intakes = seeder
        .goal(
            &sanne,
            GoalForm {
                parent: waiting.to_string(),
                visibility: "team".into(),
                target: "Elke nieuwe aanmelding binnen drie werkdagen een intake.".into(),
                key_results: vec![key_result("Intakes binnen 3 dagen (%)", 40.0, 90.0)],
                ..named("performance", "Intakes snel inplannen")
            },
        )
        .await?;
    let reasoning = seeder
        .goal(
            &sanne,
            GoalForm {
                develops: competency(&all, "Klinisch redeneren"),
                ..named("development", "Complexe wondzorg zelfstandig beoordelen")
            },
        )
        .await?;
    let notes = [
        "Eerste weken: veel aanmeldingen tegelijk.",
        "Vaste intakemomenten ingepland.",
        "Gaat beter, wel drukte door griep.",
        "Planning samen met Kevin gedeeld.",
        "Bijna alle intakes op tijd.",
        "Zomerdrukte, iets teruggevallen.",
        "Weer op niveau na de vakanties.",
        "Stabiel boven de 80%.",
        "Doel bijna gehaald.",
        "Blijft goed gaan.",
    ];
    for month in 1..=months_so_far {
        let share = (40.0 + month as f64 * 5.5).min(88.0);
        let note = notes[usize::try_from(month - 1).unwrap_or(0) % notes.len()];
        seeder.check_in(&sanne, intakes, month, ("on_track", &[share.round()], note)).await?;
    }
    let learning = CheckInForm {
        status: "on_track".into(),
        progress: "60".into(),
        comment: "Twee complexe casussen besproken met de wondverpleegkundige.".into(),
        ..Default::default()
    };
    goals::check_in(db, keys, &sanne, reasoning, &learning, (start + Duration::days(150)).min(now)).await?;

    let certificate = seeder
        .goal(
            &thomas,
            GoalForm {
                develops: skilled,
                visibility: "manager".into(),
                ..named("development", "Complete the wound care certificate")
            },
        )
        .await?;
    let progress = CheckInForm {
        status: "behind".into(),
        progress: "30".into(),
        comment: "Module two postponed; planning it for next month.".into(),
        ..Default::default()
    };
    goals::check_in(db, keys, &thomas, certificate, &progress, (start + Duration::days(200)).min(now))
        .await?;
    seeder
        .goal(
            &fatima,
            GoalForm {
                parent: falls.to_string(),
                key_results: vec![key_result("Cliënten met valrisico-inventarisatie (%)", 20.0, 100.0)],
                ..named("performance", "Valrisico van elke cliënt in beeld")
            },
        )
        .await?;
    seeder
        .goal(
            &kevin,
            GoalForm {
                parent: good_place.to_string(),
                visibility: "organisation".into(),
                ..named("performance", "Nieuwe collega's inwerken als buddy")
            },
        )
        .await?;
    seed_templates(db, keys, &femke, (unit("Verpleeghuis De Beuk"), public_url), now).await
}

/// Two templates; the yearly emergency-response refresher is given to
/// everyone in Verpleeghuis De Beuk, who each find a copy and a notification.
async fn seed_templates(
    db: &DatabaseConnection,
    keys: &Keyring,
    femke: &OrgScope,
    (de_beuk, public_url): (String, &str),
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let refresher = GoalTemplateForm {
        kind: "performance".into(),
        title: "Jaarlijkse BHV-herhaling".into(),
        description: "Iedereen op de werkvloer kan bij brand of een ongeval meteen handelen.".into(),
        key_results: vec![key_result("Herhalingstraining gevolgd", 0.0, 1.0)],
        ..Default::default()
    };
    let refresher = goals::create_template(db, keys, femke, &refresher, now).await?;
    let buddy = GoalTemplateForm {
        kind: "performance".into(),
        title: "Een nieuwe collega inwerken".into(),
        target: "De nieuwe collega werkt na drie maanden zelfstandig.".into(),
        ..Default::default()
    };
    goals::create_template(db, keys, femke, &buddy, now).await?;
    let to_de_beuk = AssignTemplateForm {
        to: format!("unit:{de_beuk}"),
        year: now.year().to_string(),
        due_on: format!("{}-12-15", now.year()),
    };
    goals::assign(db, keys, femke, refresher, &to_de_beuk, public_url, now).await?;
    Ok(())
}
