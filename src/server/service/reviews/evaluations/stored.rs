//! Evaluations as rows: the workflow state read from an evaluation row and
//! its writings, loaded one at a time or for many moments at once.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::AppError;
use crate::domain::evaluations::{Party, Workflow, Writing};
use crate::domain::reviews::Writers;
use crate::server::db::internal;
use crate::server::entity::{review_evaluation as evaluation, review_writing as writing};

/// One person's evaluation at one moment, as stored; empty before anyone wrote.
#[derive(Clone, Debug, Default)]
pub struct Stored {
    pub evaluation: Option<evaluation::Model>,
    pub writings: Vec<writing::Model>,
}

impl Stored {
    pub async fn load(
        db: &impl ConnectionTrait,
        moment: uuid::Uuid,
        employee: uuid::Uuid,
    ) -> Result<Stored, AppError> {
        let evaluation = evaluation::Entity::find()
            .filter(evaluation::Column::MomentId.eq(moment))
            .filter(evaluation::Column::EmployeeId.eq(employee))
            .one(db)
            .await
            .map_err(internal)?;
        let writings = match &evaluation {
            Some(found) => writing::Entity::find()
                .filter(writing::Column::EvaluationId.eq(found.id))
                .all(db)
                .await
                .map_err(internal)?,
            None => Vec::new(),
        };
        Ok(Stored { evaluation, writings })
    }

    /// The evaluations of `moments`, by moment and employee, in two queries.
    pub async fn load_many(
        db: &impl ConnectionTrait,
        moments: impl IntoIterator<Item = uuid::Uuid>,
    ) -> Result<HashMap<(uuid::Uuid, uuid::Uuid), Stored>, AppError> {
        let evaluations = evaluation::Entity::find()
            .filter(evaluation::Column::MomentId.is_in(moments))
            .all(db)
            .await
            .map_err(internal)?;
        let mut writings: HashMap<uuid::Uuid, Vec<writing::Model>> = HashMap::new();
        for row in writing::Entity::find()
            .filter(writing::Column::EvaluationId.is_in(evaluations.iter().map(|e| e.id)))
            .all(db)
            .await
            .map_err(internal)?
        {
            writings.entry(row.evaluation_id).or_default().push(row);
        }
        Ok(evaluations
            .into_iter()
            .map(|e| {
                let writings = writings.remove(&e.id).unwrap_or_default();
                ((e.moment_id, e.employee_id), Stored { evaluation: Some(e), writings })
            })
            .collect())
    }

    pub fn writing(&self, party: Party) -> Option<&writing::Model> {
        self.writings.iter().find(|w| w.party == party.code())
    }

    pub fn workflow(&self, writers: Writers) -> Workflow {
        let stage = |party| match self.writing(party) {
            None => Writing::Unwritten,
            Some(found) if found.shared_at.is_some() => Writing::Shared,
            Some(_) => Writing::Draft,
        };
        let evaluation = self.evaluation.as_ref();
        Workflow {
            writers,
            employee: stage(Party::Employee),
            manager: stage(Party::Manager),
            employee_acknowledged: evaluation.is_some_and(|e| e.employee_acknowledged_at.is_some()),
            manager_acknowledged: evaluation.is_some_and(|e| e.manager_acknowledged_at.is_some()),
            locked: evaluation.is_some_and(|e| e.locked_at.is_some()),
        }
    }
}
