//! The demo organisation's feedback and private notes: feedback between
//! colleagues of Wijkteam Noord, public praise on a core value, feedback
//! for a manager's managers only, and a team leader's notes.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;

use super::goals::scope;
use crate::domain::AppError;
use crate::domain::dto::{FeedbackForm, NoteForm};
use crate::domain::ids::OrgId;
use crate::server::auth::OrgScope;
use crate::server::crypto::Keyring;
use crate::server::service::{core_values, feedback, notes};

pub async fn seed_feedback(
    db: &DatabaseConnection,
    keys: &Keyring,
    org: OrgId,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let ahmed = scope(db, org, "ahmed.elamrani@delinde.example").await?;
    let sanne = scope(db, org, "sanne.devries@delinde.example").await?;
    let kevin = scope(db, org, "kevin.meijer@delinde.example").await?;
    let dennis = scope(db, org, "dennis.jacobs@delinde.example").await?;
    let involved = core_values::list(db, org)
        .await?
        .into_iter()
        .find(|value| value.name_nl == "Betrokken")
        .map(|value| format!("value:{}", value.id))
        .unwrap_or_default();
    let given = [
        (
            &ahmed,
            &sanne,
            "recipient_and_manager",
            "",
            "Je intakegesprekken zijn helder en warm: cliënten voelen zich meteen gehoord.",
            40,
        ),
        (
            &kevin,
            &sanne,
            "praise",
            involved.as_str(),
            "Sanne nam vorige week zonder aarzelen mijn late dienst over toen mijn zoon ziek was. Dank je!",
            12,
        ),
        (
            &sanne,
            &kevin,
            "recipient",
            "",
            "Je overdracht was kort en volledig; dat scheelde me veel tijd.",
            5,
        ),
        (
            &dennis,
            &ahmed,
            "manager",
            "",
            "Ahmed kan in het regio-overleg meer ruimte geven aan de wijkverpleegkundigen.",
            20,
        ),
    ];
    for (giver, recipient, visibility, about, body, days_ago) in given {
        let form = FeedbackForm {
            recipient: recipient.user.to_string(),
            visibility: visibility.into(),
            about: about.into(),
            body: body.into(),
        };
        feedback::give(db, keys, giver, &form, public_url, now - Duration::days(days_ago)).await?;
    }
    note(
        db,
        keys,
        &ahmed,
        &sanne,
        "Wil zich verder ontwikkelen in wondzorg; bespreken in het volgende 1-op-1.",
        now,
    )
    .await?;
    note(db, keys, &ahmed, &ahmed, "Zelf: vaker doorvragen in het teamoverleg in plaats van oplossen.", now)
        .await
}

async fn note(
    db: &DatabaseConnection,
    keys: &Keyring,
    author: &OrgScope,
    subject: &OrgScope,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let form = NoteForm { subject: subject.user.to_string(), body: body.into() };
    notes::add(db, keys, author, &form, now).await.map(|_| ())
}
