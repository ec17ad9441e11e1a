//! Rectification (GDPR art. 16, DPA 3.G): an admin corrects the data a
//! person's account holds — name, e-mail address, username, mobile number,
//! language, start date and year of birth. An address or username someone else in the organisation has
//! is refused, and every correction is audit-logged. What the person wrote
//! (goals, feedback, notes) they correct themselves, where it is.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::people::{member, record, refuse_names_in_use};
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::RectifyForm;
use crate::domain::ids::UserId;
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::user_account;

pub async fn rectify(
    db: &DatabaseConnection,
    admin: &OrgScope,
    user: UserId,
    form: &RectifyForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let person = member(db, admin, user).await?;
    let this_year = u32::try_from(now.year()).unwrap_or_default();
    // A year of birth stored years ago is not checked against this year's
    // window again: correcting a phone number must not fail on it.
    let stored_birth_year = person.birth_year;
    let birth_year_unchanged =
        stored_birth_year.map(|year| year.to_string()).as_deref() == Some(form.birth_year.trim());
    let checked = if birth_year_unchanged {
        RectifyForm { birth_year: String::new(), ..form.clone() }
    } else {
        form.clone()
    };
    let corrected = checked.validate(this_year).map_err(|errors| AppError::Invalid { errors })?;
    refuse_names_in_use(db, admin, (corrected.email.as_deref(), corrected.username.as_deref()), Some(user))
        .await?;
    let mut change: user_account::ActiveModel = person.into();
    change.name = Set(corrected.name);
    change.email = Set(corrected.email);
    change.username = Set(corrected.username);
    change.phone = Set(corrected.phone);
    change.language = Set(corrected.language.code().to_owned());
    change.started_on = Set(corrected.started_on.and_then(|day| day.parse::<NaiveDate>().ok()));
    change.birth_year = Set(if birth_year_unchanged {
        stored_birth_year
    } else {
        corrected.birth_year.and_then(|year| i32::try_from(year).ok())
    });
    change.update(db).await.map_err(internal)?;
    record(db, admin, AuditAction::UserRectified, user, now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::Roles;
    use crate::domain::validation::Problem;
    use crate::server::service::people;
    use crate::server::testing::{self, for_each_backend};

    fn correction(email: &str) -> RectifyForm {
        RectifyForm {
            name: "Dewi Sutanto-de Boer".into(),
            email: email.into(),
            username: String::new(),
            phone: "06 1234 5678".into(),
            language: "en".into(),
            started_on: "1-3-2019".into(),
            birth_year: "1984".into(),
        }
    }

    for_each_backend! {
        async fn dpa_3g_an_admin_rectifies_a_persons_data_and_it_is_logged(db) {
            let org = testing::organisation(&db, "De Linde").await;
            let femke = testing::scope(&db, org, "Femke", Roles { manager: false, admin: true, auditor: false }).await;
            let (dewi, _) = testing::member(&db, org, "Dewi Sutanto", Roles::default()).await;
            let (_, taken) = testing::member(&db, org, "Anouk", Roles::default()).await;

            let clash = rectify(&db, &femke, dewi, &correction(&taken), Utc::now()).await;
            assert_eq!(clash, Err(AppError::invalid("email", Problem::AlreadyInUse)));
            rectify(&db, &femke, dewi, &correction("dewi.sutanto@delinde.example"), Utc::now()).await.expect("rectified");
            let details = people::details(&db, &femke, dewi, chrono_tz::UTC, Utc::now()).await.expect("details");
            assert_eq!(details.summary.name, "Dewi Sutanto-de Boer");
            assert_eq!(details.summary.email.as_deref(), Some("dewi.sutanto@delinde.example"));
            assert_eq!((details.phone.as_deref(), details.language.as_str()), (Some("+31612345678"), "en"));
            assert_eq!((details.started_on.as_deref(), details.birth_year), (Some("2019-03-01"), Some(1984)));
            let at = "2026-11-27T12:00:00Z".parse::<DateTime<Utc>>().expect("a time");
            let born_too_late = RectifyForm { birth_year: "2020".into(), ..correction("dewi.sutanto@delinde.example") };
            assert_eq!(
                rectify(&db, &femke, dewi, &born_too_late, at).await,
                Err(AppError::invalid("birth_year", Problem::BirthYearOutOfRange { from: 1926, to: 2012 }))
            );
            rectify(&db, &femke, dewi, &correction("dewi.sutanto@delinde.example"), Utc::now())
                .await
                .expect("their own address is no clash");

            let other = testing::organisation(&db, "Zorggroep Oost").await;
            let ilse = testing::scope(&db, other, "Ilse", Roles { manager: false, admin: true, auditor: false }).await;
            let elsewhere = rectify(&db, &ilse, dewi, &correction("x@oost.example"), Utc::now()).await;
            assert_eq!(elsewhere, Err(AppError::NotFound));
        }
    }
}
