//! Where a person's data lives: the walk through every table that holds
//! rows about them or by them. A table added to Koers with a person in it
//! belongs here: a test reads the schema and fails on a table with a
//! person's column that the walk does not visit.

use sea_orm::sea_query::IntoCondition;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, IdenStatic, PaginatorTrait, QueryFilter,
};
use serde::Serialize;

use super::rows::{self, Row, ids};
use super::{ExportKind, Mention, Section, Withheld};
use crate::domain::AppError;
use crate::server::crypto::TenantCipher;
use crate::server::db::internal;
use crate::server::entity::{
    audit_event, digest_subscription, document, dpa_acceptance, feedback, feedback_request,
    feedback_request_giver, goal, goal_check_in, goal_plan, goal_template_assignment, hr_reader_grant,
    invitation, key_result, manager_override, notification, notification_preference, one_on_one,
    one_on_one_action, one_on_one_meeting, one_on_one_point, outbound_message, password_reset, private_note,
    recovery_code, review_calibration, review_cycle_scope, review_evaluation, review_nomination,
    review_writing, session, sign_in_code, sub_processor_objection, survey, survey_participant, survey_reply,
    talent_review, totp_credential, unit_manager, unit_member, user_account,
};

/// Columns of a peer review that would tell the person who reviewed them.
const REVIEWER_COLUMNS: &[&str] = &["reviewer_id", "external_name", "external_email", "approved_by"];

pub(super) struct Walk<'a> {
    db: &'a DatabaseConnection,
    cipher: &'a TenantCipher,
    person: &'a user_account::Model,
    kind: ExportKind,
    sections: Vec<Section>,
    withheld: Vec<Withheld>,
    named_in: Vec<Mention>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(
        db: &'a DatabaseConnection,
        cipher: &'a TenantCipher,
        person: &'a user_account::Model,
        kind: ExportKind,
    ) -> Self {
        Walk { db, cipher, person, kind, sections: Vec::new(), withheld: Vec::new(), named_in: Vec::new() }
    }

    pub(super) async fn everything(&mut self) -> Result<(), AppError> {
        self.account().await?;
        let goals = self.goals().await?;
        self.feedback().await?;
        self.conversations().await?;
        let evaluations = self.reviews().await?;
        self.documents(goals, evaluations).await?;
        self.surveys().await?;
        self.traces().await?;
        self.mentions().await
    }

    /// The sections, the people in them named, and what was left out.
    pub(super) async fn finish(mut self) -> Result<(Vec<Section>, Vec<Withheld>, Vec<Mention>), AppError> {
        let mut all_rows: Vec<&mut Row> = self.sections.iter_mut().flat_map(|s| s.rows.iter_mut()).collect();
        rows::name_people(self.db, &mut all_rows).await?;
        Ok((self.sections, self.withheld, self.named_in))
    }

    fn me(&self) -> uuid::Uuid {
        self.person.id
    }

    async fn account(&mut self) -> Result<(), AppError> {
        let me = self.me();
        self.section::<user_account::Entity>("profile", true, user_account::Column::Id.eq(me)).await?;
        self.section::<unit_member::Entity>("units", false, unit_member::Column::UserId.eq(me)).await?;
        self.section::<unit_manager::Entity>("units_managed", false, unit_manager::Column::UserId.eq(me))
            .await?;
        self.section::<hr_reader_grant::Entity>("hr_reading", false, hr_reader_grant::Column::UserId.eq(me))
            .await?;
        let override_ = manager_override::Column::UserId.eq(me);
        self.section::<manager_override::Entity>("manager_override", false, override_).await?;
        let preferences = notification_preference::Column::UserId.eq(me);
        self.section::<notification_preference::Entity>("notification_preferences", true, preferences)
            .await?;
        let digest = digest_subscription::Column::UserId.eq(me);
        self.section::<digest_subscription::Entity>("digest", true, digest).await?;
        self.section::<notification::Entity>("notifications", false, notification::Column::UserId.eq(me))
            .await?;
        self.section::<session::Entity>("sessions", false, session::Column::UserId.eq(me)).await?;
        self.section::<invitation::Entity>("invitations", false, invitation::Column::UserId.eq(me)).await?;
        self.section::<totp_credential::Entity>(
            "second_factor",
            false,
            totp_credential::Column::UserId.eq(me),
        )
        .await?;
        self.section::<recovery_code::Entity>("recovery_codes", false, recovery_code::Column::UserId.eq(me))
            .await?;
        self.section::<sign_in_code::Entity>("sign_in_codes", false, sign_in_code::Column::UserId.eq(me))
            .await?;
        let resets = password_reset::Column::UserId.eq(me);
        self.section::<password_reset::Entity>("password_resets", false, resets).await?;
        Ok(())
    }

    /// The person's goals; returns their ids.
    async fn goals(&mut self) -> Result<Vec<uuid::Uuid>, AppError> {
        let me = self.me();
        let goals = self.section::<goal::Entity>("goals", true, goal::Column::OwnerId.eq(me)).await?;
        let results = key_result::Column::GoalId.is_in(goals.clone());
        self.section::<key_result::Entity>("key_results", true, results).await?;
        let written = goal_check_in::Column::AuthorId.eq(me);
        self.section::<goal_check_in::Entity>("check_ins_written", true, written).await?;
        let by_others = Condition::all()
            .add(goal_check_in::Column::GoalId.is_in(goals.clone()))
            .add(goal_check_in::Column::AuthorId.ne(me));
        self.section::<goal_check_in::Entity>("check_ins_by_others", false, by_others).await?;
        self.section::<goal_plan::Entity>("goal_plans", false, goal_plan::Column::OwnerId.eq(me)).await?;
        Ok(goals)
    }

    async fn feedback(&mut self) -> Result<(), AppError> {
        let me = self.me();
        self.section::<feedback::Entity>("feedback_received", false, feedback::Column::RecipientId.eq(me))
            .await?;
        self.section::<feedback::Entity>("feedback_given", true, feedback::Column::GiverId.eq(me)).await?;
        let requests = feedback_request::Column::RequesterId.eq(me);
        let requests = self.section::<feedback_request::Entity>("feedback_requests", true, requests).await?;
        let asked = feedback_request_giver::Column::RequestId.is_in(requests);
        self.section::<feedback_request_giver::Entity>("feedback_request_givers", true, asked).await?;
        let asked_of_me = feedback_request_giver::Column::UserId.eq(me);
        self.section::<feedback_request_giver::Entity>("feedback_asked_of", false, asked_of_me).await?;
        // Notes are their authors' private memory (PRODUCT.md §3.3): the
        // person learns that they exist and how many, not what they say.
        self.withhold::<private_note::Entity>("private_notes_about", private_note::Column::SubjectId.eq(me))
            .await?;
        self.withhold::<private_note::Entity>("private_notes_by", private_note::Column::AuthorId.eq(me)).await
    }

    async fn conversations(&mut self) -> Result<(), AppError> {
        let me = self.me();
        let mine = Condition::any()
            .add(one_on_one::Column::ManagerId.eq(me))
            .add(one_on_one::Column::EmployeeId.eq(me));
        let series = self.section::<one_on_one::Entity>("one_on_ones", false, mine).await?;
        let meetings = one_on_one_meeting::Column::SeriesId.is_in(series);
        let meetings =
            self.section::<one_on_one_meeting::Entity>("one_on_one_meetings", false, meetings).await?;
        let written = one_on_one_point::Column::AuthorId.eq(me);
        self.section::<one_on_one_point::Entity>("one_on_one_points_written", true, written).await?;
        let of_others = |private: bool| {
            Condition::all()
                .add(one_on_one_point::Column::MeetingId.is_in(meetings.clone()))
                .add(one_on_one_point::Column::AuthorId.ne(me))
                .add(one_on_one_point::Column::Private.eq(private))
        };
        self.section::<one_on_one_point::Entity>("one_on_one_points_of_others", false, of_others(false))
            .await?;
        self.withhold::<one_on_one_point::Entity>("private_points_of_others", of_others(true)).await?;
        let actions = Condition::any()
            .add(one_on_one_action::Column::MeetingId.is_in(meetings.clone()))
            .add(one_on_one_action::Column::OwnerId.eq(me));
        self.section::<one_on_one_action::Entity>("one_on_one_actions", false, actions).await?;
        Ok(())
    }

    /// The person's reviews; returns the ids of their evaluations.
    async fn reviews(&mut self) -> Result<Vec<uuid::Uuid>, AppError> {
        let me = self.me();
        let scopes = review_cycle_scope::Column::UserId.eq(me);
        self.section::<review_cycle_scope::Entity>("review_scopes", false, scopes).await?;
        let evaluations = review_evaluation::Column::EmployeeId.eq(me);
        let evaluations =
            self.section::<review_evaluation::Entity>("evaluations", false, evaluations).await?;
        let written = review_writing::Column::AuthorId.eq(me);
        self.section::<review_writing::Entity>("review_writings_written", true, written).await?;
        let by_others =
            Condition::all().add(review_writing::Column::EvaluationId.is_in(evaluations.clone())).add(
                Condition::any()
                    .add(review_writing::Column::AuthorId.ne(me))
                    .add(review_writing::Column::AuthorId.is_null()),
            );
        self.section::<review_writing::Entity>("review_writings_by_others", false, by_others).await?;
        let calibrations = review_calibration::Column::EvaluationId.is_in(evaluations.clone());
        self.section::<review_calibration::Entity>("calibrations", false, calibrations).await?;
        self.section::<talent_review::Entity>(
            "talent_reviews",
            false,
            talent_review::Column::EmployeeId.eq(me),
        )
        .await?;
        let about_me = review_nomination::Column::EmployeeId.eq(me);
        self.section::<review_nomination::Entity>("peer_reviews_received", false, about_me.clone()).await?;
        self.strip_reviewers();
        let named = Condition::all().add(about_me).add(
            Condition::any()
                .add(review_nomination::Column::ReviewerId.is_not_null())
                .add(review_nomination::Column::ExternalName.is_not_null()),
        );
        self.withhold::<review_nomination::Entity>("reviewers", named).await?;
        let given = review_nomination::Column::ReviewerId.eq(me);
        self.section::<review_nomination::Entity>("peer_reviews_given", true, given).await?;
        Ok(evaluations)
    }

    /// The documents on the person, their goals and their evaluations
    /// (issue 10): their names, kinds, sizes, who uploaded them and when.
    /// Documents they uploaded on someone else's things are about that
    /// other person: counted as mentions.
    async fn documents(
        &mut self,
        goals: Vec<uuid::Uuid>,
        evaluations: Vec<uuid::Uuid>,
    ) -> Result<(), AppError> {
        let me = self.me();
        let about_me = Condition::any()
            .add(document::Column::PersonId.eq(me))
            .add(document::Column::GoalId.is_in(goals))
            .add(document::Column::EvaluationId.is_in(evaluations));
        self.section::<document::Entity>("documents", false, about_me.clone()).await?;
        let on_others = Condition::all().add(document::Column::UploadedBy.eq(me)).add(about_me.not());
        self.count_mention::<document::Entity>(document::Column::UploadedBy, on_others).await
    }

    /// Which survey rounds the person was asked to answer and whether they
    /// did; the replies they wrote to comments as a manager. What they
    /// answered is not found: answers carry no link to anyone, and an unsent
    /// draft is not exported, as it would name them (issue 9).
    async fn surveys(&mut self) -> Result<(), AppError> {
        let me = self.me();
        let rounds = survey_participant::Column::UserId.eq(me);
        self.section::<survey_participant::Entity>("survey_participation", true, rounds).await?;
        let replies = survey_reply::Column::AuthorId.eq(me);
        self.section::<survey_reply::Entity>("survey_replies_written", true, replies).await?;
        Ok(())
    }

    /// What the organisation's systems recorded of the person: the audit
    /// log's entries by or about them and the messages sent to them.
    async fn traces(&mut self) -> Result<(), AppError> {
        let me = self.me();
        let audit = Condition::any()
            .add(audit_event::Column::ActorId.eq(me))
            .add(audit_event::Column::ObjectId.eq(me.to_string()));
        self.section::<audit_event::Entity>("audit_log", false, audit).await?;
        let addresses: Vec<String> =
            [self.person.email.clone(), self.person.phone.clone()].into_iter().flatten().collect();
        let messages = Condition::all()
            .add(outbound_message::Column::OrgId.eq(self.person.org_id))
            .add(outbound_message::Column::Recipient.is_in(addresses));
        self.section::<outbound_message::Entity>("messages", false, messages).await?;
        Ok(())
    }

    async fn mentions(&mut self) -> Result<(), AppError> {
        self.mention::<goal::Entity>(goal::Column::CreatedBy, goal::Column::OwnerId).await?;
        self.mention::<goal_plan::Entity>(goal_plan::Column::DecidedBy, goal_plan::Column::OwnerId).await?;
        let acknowledged = review_evaluation::Column::ManagerAcknowledgedBy;
        self.mention::<review_evaluation::Entity>(acknowledged, review_evaluation::Column::EmployeeId)
            .await?;
        let reopened = review_evaluation::Column::ReopenedBy;
        self.mention::<review_evaluation::Entity>(reopened, review_evaluation::Column::EmployeeId).await?;
        let approved = review_nomination::Column::ApprovedBy;
        self.mention::<review_nomination::Entity>(approved, review_nomination::Column::EmployeeId).await?;
        self.mention::<talent_review::Entity>(
            talent_review::Column::PlacedBy,
            talent_review::Column::EmployeeId,
        )
        .await?;
        let about = notification::Column::AboutUserId;
        self.mention::<notification::Entity>(about, notification::Column::UserId).await?;
        let successor = user_account::Column::OffboardingSuccessor;
        self.mention::<user_account::Entity>(successor, user_account::Column::Id).await?;
        let me = self.me();
        self.count_mention::<review_calibration::Entity>(
            review_calibration::Column::ChangedBy,
            review_calibration::Column::ChangedBy.eq(me),
        )
        .await?;
        self.count_mention::<goal_template_assignment::Entity>(
            goal_template_assignment::Column::AssignedBy,
            goal_template_assignment::Column::AssignedBy.eq(me),
        )
        .await?;
        self.count_mention::<sub_processor_objection::Entity>(
            sub_processor_objection::Column::ObjectedBy,
            sub_processor_objection::Column::ObjectedBy.eq(me),
        )
        .await?;
        self.count_mention::<survey::Entity>(survey::Column::CreatedBy, survey::Column::CreatedBy.eq(me))
            .await?;
        self.count_mention::<dpa_acceptance::Entity>(
            dpa_acceptance::Column::RecordedBy,
            dpa_acceptance::Column::RecordedBy.eq(me),
        )
        .await
    }

    /// Rows of `E` whose `column` names the person while `owner` is someone
    /// else: those rows are about that other person.
    async fn mention<E>(&mut self, column: E::Column, owner: E::Column) -> Result<(), AppError>
    where
        E: EntityTrait + Default,
        E::Model: Sync,
    {
        let me = self.me();
        let filter =
            Condition::all().add(column.eq(me)).add(Condition::any().add(owner.ne(me)).add(owner.is_null()));
        self.count_mention::<E>(column, filter).await
    }

    async fn count_mention<E>(
        &mut self,
        column: E::Column,
        filter: impl IntoCondition,
    ) -> Result<(), AppError>
    where
        E: EntityTrait + Default,
        E::Model: Sync,
    {
        if self.kind == ExportKind::Portability {
            return Ok(());
        }
        let count = E::find().filter(filter).count(self.db).await.map_err(internal)?;
        if count > 0 {
            self.named_in.push(Mention { table: E::default().table_name(), column: column.as_str(), count });
        }
        Ok(())
    }

    /// Adds the rows of `E` that match `filter` as the section `name` when
    /// this export holds it (`provided`: the person gave this data
    /// themselves, so it belongs in the portability export too); returns
    /// their ids either way, for the rows that hang on them.
    async fn section<E>(
        &mut self,
        name: &'static str,
        provided: bool,
        filter: impl IntoCondition,
    ) -> Result<Vec<uuid::Uuid>, AppError>
    where
        E: EntityTrait + Default,
        E::Model: Serialize,
    {
        let found = rows::rows::<E>(self.db, self.cipher, filter).await?;
        let found_ids = ids(&found);
        if provided || self.kind == ExportKind::SubjectAccess {
            self.sections.push(Section { name, table: E::default().table_name(), rows: found });
        }
        Ok(found_ids)
    }

    async fn withhold<E>(&mut self, name: &'static str, filter: impl IntoCondition) -> Result<(), AppError>
    where
        E: EntityTrait,
        E::Model: Sync,
    {
        if self.kind == ExportKind::Portability {
            return Ok(());
        }
        let count = E::find().filter(filter).count(self.db).await.map_err(internal)?;
        self.withheld.push(Withheld { name, count });
        Ok(())
    }

    /// The reviews of the person keep their answers but lose who gave them.
    fn strip_reviewers(&mut self) {
        if let Some(section) = self.sections.last_mut().filter(|s| s.name == "peer_reviews_received") {
            for row in &mut section.rows {
                row.retain(|column, _| !REVIEWER_COLUMNS.contains(&column.as_str()));
            }
        }
    }
}
