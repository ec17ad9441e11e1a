//! Feedback (issue 6, PRODUCT.md §3.3): anyone gives feedback to a
//! colleague at any time, optionally about a goal, competency or core
//! value, and chooses who may read it within what the organisation allows
//! for the recipient (setting "visibility.feedback"): the recipient, the
//! recipient and their managers, the managers only, or everyone as praise
//! tied to a core value. The giver always reads what they gave. The text is
//! sealed under the organisation's data key. Being an admin gives no
//! reading of anyone's feedback (PRODUCT.md §1).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::dto::{
    CheckedFeedback, Feedback, FeedbackAbout, FeedbackBox, FeedbackChoices, FeedbackForm, FeedbackPreview,
    FunctionName, PersonRef,
};
use crate::domain::feedback::FeedbackVisibility;
use crate::domain::ids::{FeedbackId, GoalId, UserId};
use crate::domain::notifications::NotificationKind;
use crate::domain::settings::Setting;
use crate::domain::validation::Problem;
use crate::server::auth::OrgScope;
use crate::server::auth::reach::{ManagerMap, managers_of};
use crate::server::crypto::{Keyring, Purpose, TenantCipher};
use crate::server::db::internal;
use crate::server::entity::{competency, core_value, feedback, user_account};
use crate::server::messages::{feedback_for_manager_mail, feedback_received_mail};
use crate::server::service::names::Names;
use crate::server::service::notifications::{Notice, notify};
use crate::server::service::{goals, settings, tenant_keys};

/// The most a list shows, newest first.
const LIST_SIZE: u64 = 200;

async fn cipher(
    db: &impl ConnectionTrait,
    keys: &Keyring,
    scope: &OrgScope,
) -> Result<TenantCipher, AppError> {
    tenant_keys::content_cipher(db, keys, scope.org).await
}

fn record(id: uuid::Uuid) -> String {
    format!("feedback/{id}/body")
}

/// Gives feedback and tells who may read it: the recipient, or for feedback
/// to the managers only, the managers.
pub async fn give(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    form: &FeedbackForm,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<FeedbackId, AppError> {
    let checked = form.validate().map_err(|errors| AppError::Invalid { errors })?;
    let recipient = colleague(db, scope, checked.recipient).await?;
    if !allowed_for(db, scope, UserId(recipient.id)).await?.contains(&checked.visibility) {
        return Err(AppError::invalid("visibility", Problem::NotAChoice));
    }
    let about = about(db, keys, scope, &checked).await?;
    let cipher = cipher(db, keys, scope).await?;
    let txn = db.begin().await.map_err(internal)?;
    let new = NewFeedback {
        giver: Some(scope.user),
        giver_name: &scope.name,
        recipient: &recipient,
        visibility: checked.visibility,
        about,
        body: &checked.body,
    };
    let id = store(&txn, &cipher, new, public_url, now).await?;
    txn.commit().await.map_err(internal)?;
    Ok(id)
}

/// What and about what one gives in feedback, before it is stored.
struct NewFeedback<'a> {
    /// `None` for an external person.
    giver: Option<UserId>,
    /// A colleague's or external person's name, for the notification.
    giver_name: &'a str,
    recipient: &'a user_account::Model,
    visibility: FeedbackVisibility,
    /// A goal, competency or core value, checked.
    about: (Option<uuid::Uuid>, Option<uuid::Uuid>, Option<uuid::Uuid>),
    body: &'a str,
}

/// Stores feedback, sealed, and tells who may read it: the recipient, or
/// for feedback to the managers only, the managers. Inside the caller's
/// transaction.
async fn store(
    txn: &impl ConnectionTrait,
    cipher: &TenantCipher,
    new: NewFeedback<'_>,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<FeedbackId, AppError> {
    let org = cipher.org();
    let id = uuid::Uuid::now_v7();
    let (goal, competency, value) = new.about;
    feedback::ActiveModel {
        id: Set(id),
        org_id: Set(org.0),
        giver_id: Set(new.giver.map(|giver| giver.0)),
        recipient_id: Set(new.recipient.id),
        visibility: Set(new.visibility.code().to_owned()),
        goal_id: Set(goal),
        competency_id: Set(competency),
        value_id: Set(value),
        body: Set(cipher.seal_text(Purpose::Feedback, &record(id), new.body)),
        created_at: Set(now),
    }
    .insert(txn)
    .await
    .map_err(internal)?;
    let recipient = new.recipient;
    if new.visibility.recipient_reads() {
        let mut notice = Notice::new(NotificationKind::FeedbackReceived);
        if let Some(giver) = new.giver {
            notice = notice.about(giver);
        }
        let link = format!("{public_url}/feedback");
        let mail = |lang, to: &str, name: &str| feedback_received_mail(lang, to, name, new.giver_name, &link);
        notify(txn, org, recipient, notice, mail, now).await?;
    } else {
        let managers = managers_of(txn, org, UserId(recipient.id)).await.map_err(internal)?;
        let notice = Notice::new(NotificationKind::FeedbackForManager).about(UserId(recipient.id));
        let link = format!("{public_url}/feedback?box=team");
        for manager in accounts(txn, &managers).await? {
            let mail = |lang, to: &str, name: &str| {
                feedback_for_manager_mail(lang, to, name, &recipient.name, &link)
            };
            notify(txn, org, &manager, notice, mail, now).await?;
        }
    }
    Ok(FeedbackId(id))
}

/// Who will read feedback to `recipient` with `visibility`, what the
/// organisation allows for them, and their goals the giver may see.
pub async fn preview(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    recipient: UserId,
    visibility: FeedbackVisibility,
) -> Result<FeedbackPreview, AppError> {
    // Someone not of the organisation does not exist for the asker.
    let person = colleague(db, scope, recipient.0).await.map_err(|_| AppError::NotFound)?;
    let mut readers = Vec::new();
    if visibility.recipient_reads() {
        readers.push(person.name.clone());
    }
    if visibility.managers_read() {
        let managers = managers_of(db, scope.org, recipient).await.map_err(internal)?;
        readers.extend(accounts(db, &managers).await?.into_iter().map(|m| m.name));
    }
    Ok(FeedbackPreview {
        recipient: person.name,
        readers,
        everyone: visibility.everyone_reads(),
        allowed: allowed_for(db, scope, recipient).await?,
        goals: goals::visible_goals_of(db, keys, scope, recipient).await?,
    })
}

/// What the form offers: colleagues, competencies and core values.
pub async fn choices(db: &DatabaseConnection, scope: &OrgScope) -> Result<FeedbackChoices, AppError> {
    let people = user_account::Entity::find()
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .filter(user_account::Column::Id.ne(scope.user.0))
        .order_by_asc(user_account::Column::Name)
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|p| PersonRef { id: UserId(p.id), name: p.name })
        .collect();
    let (competencies, values) = super::core_values::competencies_and_values(db, scope.org).await?;
    Ok(FeedbackChoices { people, competencies, values })
}

/// The feedback of one box the viewer may read, newest first.
pub async fn list(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    feedback_box: FeedbackBox,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<Feedback>, AppError> {
    let find = feedback::Entity::find().filter(feedback::Column::OrgId.eq(scope.org.0));
    let find = match feedback_box {
        FeedbackBox::Received => find
            .filter(feedback::Column::RecipientId.eq(scope.user.0))
            .filter(feedback::Column::Visibility.ne(FeedbackVisibility::Manager.code())),
        FeedbackBox::Given => find.filter(feedback::Column::GiverId.eq(scope.user.0)),
        FeedbackBox::Team => {
            let map = ManagerMap::load(db, scope.org).await.map_err(internal)?;
            let people: Vec<UserId> = user_account::Entity::find()
                .filter(user_account::Column::OrgId.eq(scope.org.0))
                .all(db)
                .await
                .map_err(internal)?
                .into_iter()
                .map(|p| UserId(p.id))
                .collect();
            let reports = map.reports_of(scope.user, people);
            find.filter(feedback::Column::RecipientId.is_in(reports.iter().map(|r| r.0)))
                .filter(feedback::Column::Visibility.ne(FeedbackVisibility::Recipient.code()))
        }
        FeedbackBox::Praise => {
            find.filter(feedback::Column::Visibility.eq(FeedbackVisibility::Praise.code()))
        }
    };
    let rows =
        find.order_by_desc(feedback::Column::CreatedAt).limit(LIST_SIZE).all(db).await.map_err(internal)?;
    present(db, keys, scope, rows, time_zone).await
}

/// The feedback `subject` received between `from` and `until` that the
/// viewer may read — as the subject themselves, or as their manager —
/// newest first (for the side panel of an evaluation).
pub async fn received_by_in_period(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    subject: UserId,
    (from, until): (DateTime<Utc>, DateTime<Utc>),
    time_zone: chrono_tz::Tz,
) -> Result<Vec<Feedback>, AppError> {
    let hidden_from_reader = if subject == scope.user {
        FeedbackVisibility::Manager
    } else if managers_of(db, scope.org, subject).await.map_err(internal)?.contains(&scope.user) {
        FeedbackVisibility::Recipient
    } else {
        return Ok(Vec::new());
    };
    let rows = feedback::Entity::find()
        .filter(feedback::Column::OrgId.eq(scope.org.0))
        .filter(feedback::Column::RecipientId.eq(subject.0))
        .filter(feedback::Column::Visibility.ne(hidden_from_reader.code()))
        .filter(feedback::Column::CreatedAt.between(from, until))
        .order_by_desc(feedback::Column::CreatedAt)
        .limit(LIST_SIZE)
        .all(db)
        .await
        .map_err(internal)?;
    present(db, keys, scope, rows, time_zone).await
}

/// The recipient ties feedback they received to one of their goals, or unties it.
pub async fn link_goal(
    db: &DatabaseConnection,
    scope: &OrgScope,
    id: FeedbackId,
    goal: Option<GoalId>,
) -> Result<(), AppError> {
    let row = feedback::Entity::find_by_id(id.0)
        .filter(feedback::Column::OrgId.eq(scope.org.0))
        .filter(feedback::Column::RecipientId.eq(scope.user.0))
        .one(db)
        .await
        .map_err(internal)?
        .filter(|row| FeedbackVisibility::from_code(&row.visibility).is_some_and(|v| v.recipient_reads()))
        .ok_or(AppError::NotFound)?;
    if let Some(goal) = goal
        && !goals::is_owned_by(db, scope.org, goal, scope.user).await?
    {
        return Err(AppError::invalid("goal", Problem::NotAChoice));
    }
    feedback::ActiveModel { id: Set(row.id), goal_id: Set(goal.map(|g| g.0)), ..Default::default() }
        .update(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

/// An active person of the organisation other than the sender.
async fn colleague(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    id: uuid::Uuid,
) -> Result<user_account::Model, AppError> {
    user_account::Entity::find_by_id(id)
        .filter(user_account::Column::OrgId.eq(scope.org.0))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .one(db)
        .await
        .map_err(internal)?
        .filter(|person| person.id != scope.user.0)
        .ok_or_else(|| AppError::invalid("recipient", Problem::NotAChoice))
}

async fn allowed_for(
    db: &impl ConnectionTrait,
    scope: &OrgScope,
    recipient: UserId,
) -> Result<Vec<FeedbackVisibility>, AppError> {
    let widest = settings::for_person(db, scope.org, recipient, Setting::FeedbackVisibility).await?;
    Ok(FeedbackVisibility::allowed_under(&widest))
}

async fn accounts(db: &impl ConnectionTrait, ids: &[UserId]) -> Result<Vec<user_account::Model>, AppError> {
    user_account::Entity::find()
        .filter(user_account::Column::Id.is_in(ids.iter().map(|id| id.0)))
        .all(db)
        .await
        .map_err(internal)
}

/// The goal, competency or core value it is about: of the organisation,
/// and a goal the giver may see.
async fn about(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    checked: &CheckedFeedback,
) -> Result<(Option<uuid::Uuid>, Option<uuid::Uuid>, Option<uuid::Uuid>), AppError> {
    let not_a_choice = || AppError::invalid("about", Problem::NotAChoice);
    match checked.about {
        None => Ok((None, None, None)),
        Some(FeedbackAbout::Goal(goal)) => {
            let visible = goals::visible_references(db, keys, scope, &[GoalId(goal)]).await?;
            if visible.is_empty() { Err(not_a_choice()) } else { Ok((Some(goal), None, None)) }
        }
        Some(FeedbackAbout::Competency(id)) => {
            let found = competency::Entity::find_by_id(id)
                .filter(competency::Column::OrgId.eq(scope.org.0))
                .one(db)
                .await
                .map_err(internal)?;
            found.map(|_| (None, Some(id), None)).ok_or_else(not_a_choice)
        }
        Some(FeedbackAbout::Value(id)) => {
            let found = core_value::Entity::find_by_id(id)
                .filter(core_value::Column::OrgId.eq(scope.org.0))
                .one(db)
                .await
                .map_err(internal)?;
            found.map(|_| (None, None, Some(id))).ok_or_else(not_a_choice)
        }
    }
}

/// The rows as the viewer reads them: names, what they are about and goals
/// (while visible to the viewer) in one query each.
async fn present(
    db: &DatabaseConnection,
    keys: &Keyring,
    scope: &OrgScope,
    rows: Vec<feedback::Model>,
    time_zone: chrono_tz::Tz,
) -> Result<Vec<Feedback>, AppError> {
    let people: Vec<uuid::Uuid> =
        rows.iter().flat_map(|r| [r.giver_id, Some(r.recipient_id)]).flatten().collect();
    let names = Names::of(db, people).await?;
    let mut about: HashMap<uuid::Uuid, FunctionName> = HashMap::new();
    for c in competency::Entity::find()
        .filter(competency::Column::Id.is_in(rows.iter().filter_map(|r| r.competency_id)))
        .all(db)
        .await
        .map_err(internal)?
    {
        about.insert(c.id, FunctionName { nl: c.name_nl, en: c.name_en });
    }
    for v in core_value::Entity::find()
        .filter(core_value::Column::Id.is_in(rows.iter().filter_map(|r| r.value_id)))
        .all(db)
        .await
        .map_err(internal)?
    {
        about.insert(v.id, FunctionName { nl: v.name_nl, en: v.name_en });
    }
    let goal_ids: Vec<GoalId> = rows.iter().filter_map(|r| r.goal_id.map(GoalId)).collect();
    let goals = goals::visible_references(db, keys, scope, &goal_ids).await?;
    let cipher = cipher(db, keys, scope).await?;
    let externals =
        requests::external_givers(db, &cipher, rows.iter().filter(|r| r.giver_id.is_none())).await?;
    rows.into_iter()
        .map(|row| {
            let body = cipher.open_text(Purpose::Feedback, &record(row.id), &row.body).map_err(|error| {
                tracing::error!(%error, "sealed feedback does not open");
                AppError::Internal
            })?;
            Ok(Feedback {
                id: FeedbackId(row.id),
                giver: row.giver_id.map(|giver| names.person(giver)),
                external_giver: externals.get(&row.id).cloned(),
                recipient: names.person(row.recipient_id),
                visibility: FeedbackVisibility::from_code(&row.visibility).ok_or(AppError::Internal)?,
                about: row.competency_id.or(row.value_id).and_then(|id| about.get(&id).cloned()),
                goal: row
                    .goal_id
                    .and_then(|id| goals.get(&GoalId(id)).map(|(reference, _)| reference.clone())),
                body,
                at: row.created_at.with_timezone(&time_zone).format("%Y-%m-%d %H:%M").to_string(),
            })
        })
        .collect()
}

pub mod requests;

#[cfg(test)]
mod request_tests;
#[cfg(test)]
mod tests;
