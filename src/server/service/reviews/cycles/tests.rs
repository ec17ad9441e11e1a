//! Review cycles (issue 7): configured with scope and moments within their
//! period; a yearly cycle copied forward once, also by two workers at once;
//! a form in use kept; nothing reached from another organisation. On
//! SQLite and PostgreSQL.

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::*;
use crate::domain::dto::{BilingualForm, QuestionForm};
use crate::domain::roles::Roles;
use crate::server::service::reviews::forms;
use crate::server::service::structure;
use crate::server::testing::{self, for_each_backend};

async fn admin(db: &DatabaseConnection, organisation: &str) -> OrgScope {
    let org = testing::organisation(db, organisation).await;
    testing::scope(db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await
}

fn year_2027(repeats: bool) -> CycleForm {
    CycleForm {
        name: "Gesprekscyclus 2027".into(),
        starts_on: "2027-01-01".into(),
        ends_on: "2027-12-31".into(),
        repeats_yearly: repeats.then(|| "on".into()),
        ..Default::default()
    }
}

async fn end_form(db: &DatabaseConnection, admin: &OrgScope) -> ReviewFormId {
    let named = BilingualForm { name_nl: "Eindgesprek".into(), ..Default::default() };
    let form = forms::create(db, admin, &named, Utc::now()).await.expect("form");
    let question = QuestionForm { kind: "open".into(), text_nl: "Terugblik".into(), ..Default::default() };
    forms::add_question(db, admin, form, &question).await.expect("question");
    form
}

fn end_moment(form: ReviewFormId) -> MomentForm {
    MomentForm {
        kind: "end".into(),
        opens_on: "2027-11-01".into(),
        closes_on: "2027-12-15".into(),
        writers: "both".into(),
        form: form.to_string(),
        reminders: "2027-12-01, 2027-12-10".into(),
        ..Default::default()
    }
}

for_each_backend! {
    async fn a_cycle_is_configured_with_scope_and_moments_within_its_period(db) {
        let femke = admin(&db, "De Linde").await;
        let form = end_form(&db, &femke).await;
        let id = create(&db, &femke, &year_2027(false), Utc::now()).await.expect("cycle");
        let care = structure::create(&db, &femke, "Zorg", None, Utc::now()).await.expect("unit");
        let sanne = testing::scope(&db, femke.org, "Sanne", Roles::default()).await;
        let scope = ScopeForm { units: vec![care.to_string()], people: vec![sanne.user.to_string()] };
        set_scope(&db, &femke, id, &scope).await.expect("scope");
        let goal_setting = MomentForm {
            kind: "goal_setting".into(),
            opens_on: "2027-01-15".into(),
            closes_on: "2027-02-28".into(),
            writers: "manager".into(),
            intro_nl: "Bespreek je doelen en je ontwikkeling.".into(),
            ..end_moment(form)
        };
        add_moment(&db, &femke, id, &end_moment(form)).await.expect("end moment");
        add_moment(&db, &femke, id, &goal_setting).await.expect("goal setting");
        let late = MomentForm { closes_on: "2028-01-15".into(), ..end_moment(form) };
        assert!(matches!(add_moment(&db, &femke, id, &late).await, Err(AppError::Invalid { ref errors }) if errors[0].field == "closes_on"), "within the period");

        let shown = details(&db, &femke, id).await.expect("details");
        assert_eq!(shown.units.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>(), ["Zorg"]);
        assert_eq!(shown.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Sanne"]);
        let kinds: Vec<(MomentKind, Writers)> = shown.moments.iter().map(|m| (m.kind, m.writers)).collect();
        assert_eq!(kinds, [(MomentKind::GoalSetting, Writers::Manager), (MomentKind::End, Writers::Both)], "in the order they open");
        assert_eq!(shown.moments[1].reminders, ["2027-12-01", "2027-12-10"]);
        assert_eq!(shown.moments[1].form.1.nl, "Eindgesprek");

        let moved = MomentForm { reminders: "2027-12-10".into(), ..end_moment(form) };
        update_moment(&db, &femke, shown.moments[1].id, &moved).await.expect("changed");
        assert_eq!(details(&db, &femke, id).await.expect("details").moments[1].reminders, ["2027-12-10"]);
        assert_eq!(forms::delete(&db, &femke, form).await, Err(AppError::invalid("form", Problem::NotNow)), "a form in use stays");
        assert_eq!(list(&db, &femke).await.expect("list")[0].moments, 2);
    }

    async fn a_yearly_cycle_is_copied_forward_once_three_months_before_it_ends(db) {
        let femke = admin(&db, "De Linde").await;
        let form = end_form(&db, &femke).await;
        let id = create(&db, &femke, &year_2027(true), Utc::now()).await.expect("cycle");
        add_moment(&db, &femke, id, &end_moment(form)).await.expect("moment");
        create(&db, &femke, &CycleForm { name: "Eenmalig".into(), ..year_2027(false) }, Utc::now()).await.expect("one-off");
        let day = |text: &str| text.parse::<NaiveDate>().expect("date");
        assert_eq!(copy_forward(&db, day("2027-09-15"), Utc::now()).await, Ok(0), "too early");

        // Two servers run the job at the same moment: one copy.
        let (first, second) = tokio::join!(copy_forward(&db, day("2027-10-01"), Utc::now()), copy_forward(&db, day("2027-10-01"), Utc::now()));
        assert_eq!(first.expect("ran") + second.expect("ran"), 1);
        assert_eq!(copy_forward(&db, day("2027-10-02"), Utc::now()).await, Ok(0), "once");
        let cycles = list(&db, &femke).await.expect("list");
        let next = cycles.iter().find(|c| c.name == "Gesprekscyclus 2028").expect("next year's");
        assert_eq!((next.starts_on.as_str(), next.ends_on.as_str(), next.moments, next.repeats_yearly), ("2028-01-01", "2028-12-31", 1, true));
        let moment = &details(&db, &femke, next.id).await.expect("details").moments[0];
        assert_eq!((moment.opens_on.as_str(), moment.reminders.clone()), ("2028-11-01", vec!["2028-12-01".to_owned(), "2028-12-10".to_owned()]));
    }

    async fn another_organisation_reaches_no_cycle(db) {
        let femke = admin(&db, "De Linde").await;
        let form = end_form(&db, &femke).await;
        let id = create(&db, &femke, &year_2027(false), Utc::now()).await.expect("cycle");
        let moment = add_moment(&db, &femke, id, &end_moment(form)).await.expect("moment");
        let olga = admin(&db, "Zorggroep Oost").await;
        assert!(list(&db, &olga).await.expect("theirs").is_empty());
        assert_eq!(details(&db, &olga, id).await, Err(AppError::NotFound));
        assert_eq!(update(&db, &olga, id, &year_2027(true)).await, Err(AppError::NotFound));
        assert_eq!(set_scope(&db, &olga, id, &ScopeForm::default()).await, Err(AppError::NotFound));
        assert_eq!(delete_moment(&db, &olga, moment).await, Err(AppError::NotFound));
        assert_eq!(delete(&db, &olga, id).await, Err(AppError::NotFound));
        // Nor may a cycle of theirs use De Linde's form or people.
        let theirs = create(&db, &olga, &year_2027(false), Utc::now()).await.expect("their cycle");
        assert!(matches!(add_moment(&db, &olga, theirs, &end_moment(form)).await, Err(AppError::Invalid { ref errors }) if errors[0].field == "form"));
        let stranger = ScopeForm { people: vec![femke.user.to_string()], ..Default::default() };
        assert!(matches!(set_scope(&db, &olga, theirs, &stranger).await, Err(AppError::Invalid { .. })));
    }
}
