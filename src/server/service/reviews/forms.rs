//! Review forms (issue 7, PRODUCT.md §3.4): admins build the question forms
//! of review moments in a form editor — open questions, ratings on a scale,
//! ratings per goal and per competency — in Dutch and English, and reuse
//! them from cycle to cycle; a copy is a start for a new one. A form of
//! another organisation is not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

use crate::domain::AppError;
use crate::domain::dto::{
    BilingualForm, CheckedQuestion, FunctionName, QuestionForm, ReviewFormDetails, ReviewFormSummary,
    ReviewQuestion,
};
use crate::domain::ids::{QuestionId, ReviewFormId};
use crate::domain::reviews::QuestionKind;
use crate::domain::validation::Problem;
use crate::i18n::{Key, Lang, text};
use crate::server::auth::OrgScope;
use crate::server::db::internal;
use crate::server::entity::{review_form, review_moment, review_question as question};
use crate::server::service::ordering::Ordered;

crate::server::service::bilingual::bilingual_rows!(review_form, ReviewFormId);

/// The organisation's forms by name, with how many questions each has.
pub async fn list(db: &DatabaseConnection, admin: &OrgScope) -> Result<Vec<ReviewFormSummary>, AppError> {
    let forms = review_form::Entity::find()
        .filter(review_form::Column::OrgId.eq(admin.org.0))
        .order_by_asc(review_form::Column::NameNl)
        .all(db)
        .await
        .map_err(internal)?;
    let counts: std::collections::HashMap<uuid::Uuid, i64> = question::Entity::find()
        .select_only()
        .column(question::Column::FormId)
        .column_as(question::Column::Id.count(), "questions")
        .filter(question::Column::OrgId.eq(admin.org.0))
        .group_by(question::Column::FormId)
        .into_tuple::<(uuid::Uuid, i64)>()
        .all(db)
        .await
        .map_err(internal)?
        .into_iter()
        .collect();
    Ok(forms
        .into_iter()
        .map(|form| ReviewFormSummary {
            id: ReviewFormId(form.id),
            questions: counts.get(&form.id).copied().unwrap_or_default().try_into().unwrap_or_default(),
            name: FunctionName { nl: form.name_nl, en: form.name_en },
        })
        .collect())
}

/// A form with its questions in order.
pub async fn details(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: ReviewFormId,
) -> Result<ReviewFormDetails, AppError> {
    let form = owned(db, admin, id).await?;
    let questions = questions_of(db, form.id).await?.into_iter().map(as_question).collect();
    Ok(ReviewFormDetails {
        id,
        form: BilingualForm {
            name_nl: form.name_nl,
            name_en: form.name_en,
            description_nl: form.description_nl,
            description_en: form.description_en,
        },
        questions,
    })
}

/// Deletes a form and its questions; a form a moment uses stays.
pub async fn delete(db: &DatabaseConnection, admin: &OrgScope, id: ReviewFormId) -> Result<(), AppError> {
    owned(db, admin, id).await?;
    let in_use = review_moment::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(review_moment::Column::FormId.eq(id.0))
                .add(review_moment::Column::PeerFormId.eq(id.0)),
        )
        .one(db)
        .await
        .map_err(internal)?;
    if in_use.is_some() {
        return Err(AppError::invalid("form", Problem::NotNow));
    }
    review_form::Entity::delete_by_id(id.0).exec(db).await.map(|_| ()).map_err(internal)
}

/// A copy of a form with all its questions, named as a copy in both languages.
pub async fn copy(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: ReviewFormId,
    now: DateTime<Utc>,
) -> Result<ReviewFormId, AppError> {
    let original = owned(db, admin, id).await?;
    let copied = uuid::Uuid::now_v7();
    let named = |name: &str, lang: Lang| {
        if name.is_empty() { String::new() } else { format!("{name} ({})", text(lang, Key::ReviewFormsCopy)) }
    };
    let txn = db.begin().await.map_err(internal)?;
    review_form::ActiveModel {
        id: Set(copied),
        org_id: Set(admin.org.0),
        name_nl: Set(named(&original.name_nl, Lang::Nl)),
        name_en: Set(named(&original.name_en, Lang::En)),
        description_nl: Set(original.description_nl),
        description_en: Set(original.description_en),
        created_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    for row in questions_of(&txn, original.id).await? {
        question::ActiveModel { id: Set(uuid::Uuid::now_v7()), form_id: Set(copied), ..row.into() }
            .insert(&txn)
            .await
            .map_err(internal)?;
    }
    txn.commit().await.map_err(internal)?;
    Ok(ReviewFormId(copied))
}

/// Adds a question at the end of a form.
pub async fn add_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    form: ReviewFormId,
    input: &QuestionForm,
) -> Result<QuestionId, AppError> {
    let checked = input.validate().map_err(|errors| AppError::Invalid { errors })?;
    owned(db, admin, form).await?;
    let last = questions_of(db, form.0).await?.last().map_or(0, |q| q.position);
    let id = uuid::Uuid::now_v7();
    let fields = fields_of(&checked);
    question::ActiveModel {
        id: Set(id),
        org_id: Set(admin.org.0),
        form_id: Set(form.0),
        position: Set(last + 1),
        ..fields
    }
    .insert(db)
    .await
    .map_err(internal)?;
    Ok(QuestionId(id))
}

/// Changes a question of one of the organisation's forms.
pub async fn update_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: QuestionId,
    input: &QuestionForm,
) -> Result<(), AppError> {
    let checked = input.validate().map_err(|errors| AppError::Invalid { errors })?;
    let row = owned_question(db, admin, id).await?;
    question::ActiveModel { id: Set(row.id), ..fields_of(&checked) }
        .update(db)
        .await
        .map(|_| ())
        .map_err(internal)
}

pub async fn delete_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: QuestionId,
) -> Result<(), AppError> {
    let row = owned_question(db, admin, id).await?;
    question::Entity::delete_by_id(row.id).exec(db).await.map(|_| ()).map_err(internal)
}

/// Swaps a question with the one above (`up`) or below it; at the top or
/// bottom already, nothing changes.
pub async fn move_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: QuestionId,
    up: bool,
) -> Result<(), AppError> {
    let row = owned_question(db, admin, id).await?;
    let questions = questions_of(db, row.form_id).await?;
    let list: Vec<(uuid::Uuid, i32)> = questions.iter().map(|q| (q.id, q.position)).collect();
    let ordered =
        Ordered::<question::Entity> { id: question::Column::Id, position: question::Column::Position };
    ordered.move_item(db, &list, row.id, up).await
}

async fn questions_of(db: &impl ConnectionTrait, form: uuid::Uuid) -> Result<Vec<question::Model>, AppError> {
    question::Entity::find()
        .filter(question::Column::FormId.eq(form))
        .order_by_asc(question::Column::Position)
        .all(db)
        .await
        .map_err(internal)
}

/// The questions of `form`, in order, as a writer answers them.
pub(super) async fn questions(
    db: &impl ConnectionTrait,
    form: uuid::Uuid,
) -> Result<Vec<ReviewQuestion>, AppError> {
    Ok(questions_of(db, form).await?.into_iter().map(as_question).collect())
}

async fn owned_question(
    db: &DatabaseConnection,
    admin: &OrgScope,
    id: QuestionId,
) -> Result<question::Model, AppError> {
    question::Entity::find_by_id(id.0)
        .filter(question::Column::OrgId.eq(admin.org.0))
        .one(db)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// The columns a question's editor sets.
fn fields_of(checked: &CheckedQuestion) -> question::ActiveModel {
    question::ActiveModel {
        kind: Set(checked.kind.code().to_owned()),
        text_nl: Set(checked.text_nl.clone()),
        text_en: Set(checked.text_en.clone()),
        hint_nl: Set(checked.hint_nl.clone()),
        hint_en: Set(checked.hint_en.clone()),
        scale: Set(i32::try_from(checked.scale).unwrap_or_default()),
        required: Set(checked.required),
        ..Default::default()
    }
}

fn as_question(row: question::Model) -> ReviewQuestion {
    ReviewQuestion {
        id: QuestionId(row.id),
        kind: QuestionKind::from_code(&row.kind).unwrap_or(QuestionKind::Open),
        text: FunctionName { nl: row.text_nl, en: row.text_en },
        hint: FunctionName { nl: row.hint_nl, en: row.hint_en },
        scale: u32::try_from(row.scale).unwrap_or_default(),
        required: row.required,
    }
}

#[cfg(test)]
mod tests;
