//! `koers bench-org`: builds an organisation of (by default) 10 000 people
//! in ten divisions of ten departments of ten teams, through the bulk
//! import, and prints how long the screens that must stay fast take: the
//! org chart's first screen, an opened team, the org chart's search and the
//! admin's people search, each the median of several runs (issue 4). Then
//! it adds a year of data (`year`), which `koers bench-export` exports
//! (issue 8). It adds one organisation to the configured database and
//! touches no other.

pub mod export;
mod year;

use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::auth::OrgScope;
use super::crypto::Keyring;
use super::service::accounts::{self, NewUser};
use super::service::{import, org_chart, organisations, people};
use crate::domain::AppError;
use crate::domain::dto::PeopleFilter;
use crate::domain::ids::UnitId;
use crate::domain::roles::Roles;
use crate::i18n::Lang;

pub const DEFAULT_PEOPLE: usize = 10_000;
/// Runs per measurement; the median is printed.
const RUNS: usize = 9;
/// What both searches look for: part of a common surname.
const SEARCH: &str = "jans";

const FIRST_NAMES: [&str; 20] = [
    "Anna", "Bram", "Chantal", "Daan", "Emma", "Fatima", "Gijs", "Hanna", "Ilse", "Jesse", "Kim", "Lars",
    "Mila", "Noah", "Olga", "Priya", "Ruben", "Sanne", "Tim", "Yara",
];
const SURNAMES: [&str; 25] = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "El Amrani",
];

/// The CSV of an organisation of `people`: every team's first person manages it.
fn organisation_file(people: usize) -> Vec<u8> {
    let mut file = String::from("name,email,function,unit,manages unit\n");
    let teams = 1000;
    for n in 0..people {
        let team = n % teams;
        let (division, department) = (team / 100, team / 10 % 10);
        let first = FIRST_NAMES[n % FIRST_NAMES.len()];
        let surname = SURNAMES[n / FIRST_NAMES.len() % SURNAMES.len()];
        let manages = if n < teams { "yes" } else { "no" };
        let function = if n < teams { "Teamleider" } else { "Medewerker" };
        file.push_str(&format!(
            "{first} {surname} {n},person{n}@bench.example,{function},\
             Divisie {division} > Afdeling {division}.{department} > Team {team},{manages}\n"
        ));
    }
    file.into_bytes()
}

/// The median time of `RUNS` runs of `work`.
async fn median<T, F: Future<Output = Result<T, AppError>>>(
    mut work: impl FnMut() -> F,
) -> Result<Duration, AppError> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        work().await?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times[RUNS / 2])
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

pub async fn run(db: &DatabaseConnection, keys: &Keyring, people: usize) -> Result<(), AppError> {
    let now = Utc::now();
    let name = format!("Benchmark {}", now.format("%Y-%m-%d %H:%M:%S"));
    let org = organisations::create(db, keys, &name, now).await.map_err(|error| {
        tracing::error!(%error, "benchmark organisation not created");
        AppError::Internal
    })?;
    let roles = Roles { admin: true, ..Roles::default() };
    let user = NewUser { name: "Benchmark", email: Some("admin@bench.example"), language: Lang::Nl, roles };
    let admin_user = accounts::create_user(db, org, user, None, now).await?;
    let admin = OrgScope { org, user: admin_user, name: "Benchmark".into(), roles };

    let file = organisation_file(people);
    let fingerprint = import::fingerprint(&file);
    let options = import::Options {
        fingerprint: &fingerprint,
        invite: false,
        default_language: Lang::Nl,
        public_url: "",
    };
    let job = import::ImportJobs::default().start(org, import::row_count(&file));
    let started = Instant::now();
    let outcome = import::run(db, &admin, &file, &options, &job, now).await?;
    let imported = started.elapsed();

    let first_screen = median(|| org_chart::level(db, &admin, None)).await?;
    let divisions = org_chart::level(db, &admin, None).await?;
    let division = divisions.sub_units.first().map(|unit| unit.id).ok_or(AppError::Internal)?;
    let departments = org_chart::level(db, &admin, Some(division)).await?;
    let department = departments.sub_units.first().map(|unit| unit.id).ok_or(AppError::Internal)?;
    let teams = org_chart::level(db, &admin, Some(department)).await?;
    let team: UnitId = teams.sub_units.first().map(|unit| unit.id).ok_or(AppError::Internal)?;
    let opened_team = median(|| org_chart::level(db, &admin, Some(team))).await?;
    let chart_search = median(|| org_chart::search(db, &admin, SEARCH)).await?;
    let filter = PeopleFilter { q: SEARCH.into(), ..Default::default() };
    let found = people::list(db, &admin, &filter, chrono_tz::Europe::Amsterdam, now).await?.total;
    let people_search =
        median(|| people::list(db, &admin, &filter, chrono_tz::Europe::Amsterdam, now)).await?;

    let backend = format!("{:?}", db.get_database_backend()).to_lowercase();
    println!("Koers benchmark on {backend}: {} people, {} units", outcome.created + 1, outcome.units_created);
    let line = |what: &str, figure: String| println!("  {what:<32}{figure}");
    line("import, one transaction", format!("{:.1} s", imported.as_secs_f64()));
    line("org chart, first screen", format!("{} (median of {RUNS})", millis(first_screen)));
    line("org chart, a team opened", format!("{} (median of {RUNS})", millis(opened_team)));
    line(&format!("org chart search \"{SEARCH}\""), format!("{} (median of {RUNS})", millis(chart_search)));
    let shown = format!("{} (median of {RUNS}; {found} found, 50 shown)", millis(people_search));
    line(&format!("people search \"{SEARCH}\""), shown);
    let started = Instant::now();
    let rows = year::add_year(db, keys, org, now).await?;
    line("a year of data added", format!("{rows} rows in {:.1} s", started.elapsed().as_secs_f64()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_a_thousand_teams_in_three_levels_each_with_a_manager() {
        let file = String::from_utf8(organisation_file(2000)).expect("text");
        let rows: Vec<&str> = file.lines().skip(1).collect();
        assert_eq!(rows.len(), 2000);
        assert_eq!(
            rows[0],
            "Anna de Jong 0,person0@bench.example,Teamleider,Divisie 0 > Afdeling 0.0 > Team 0,yes"
        );
        assert_eq!(
            rows[1999],
            "Yara El Amrani 1999,person1999@bench.example,Medewerker,Divisie 9 > Afdeling 9.9 > Team 999,no"
        );
        let managers = rows.iter().filter(|row| row.ends_with(",yes")).count();
        assert_eq!(managers, 1000);
    }
}
