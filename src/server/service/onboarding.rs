//! Adding an organisation (a new controller): the operator records the
//! organisation, its signature under the processing agreement and its privacy
//! contact, and invites its first admin. All of it happens at once or not at
//! all.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};

use super::invitations::{self, Invitee};
use super::tenant_keys;
use crate::domain::AppError;
use crate::domain::audit::AuditAction;
use crate::domain::dto::{AGREEMENT_VERSION, Delivery, NewOrganisation};
use crate::domain::ids::{OrgId, UserId};
use crate::server::audit::{self, AuditEntry};
use crate::server::auth::OperatorScope;
use crate::server::crypto::Keyring;
use crate::server::db::internal;
use crate::server::entity::{dpa_acceptance, organisation, user_account};

pub async fn add_organisation(
    db: &DatabaseConnection,
    keys: &Keyring,
    operator: &OperatorScope,
    new: &NewOrganisation,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<OrgId, AppError> {
    let org = OrgId(uuid::Uuid::now_v7());
    let admin = UserId(uuid::Uuid::now_v7());
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| AppError::BadRequest);
    let languages: Vec<&str> = new.languages.iter().map(|lang| lang.code()).collect();
    let txn = db.begin().await.map_err(internal)?;
    organisation::ActiveModel {
        id: Set(org.0),
        name: Set(new.name.clone()),
        default_language: Set(new.languages.first().copied().unwrap_or_default().code().to_owned()),
        created_at: Set(now),
        kvk_number: Set(new.kvk_number.clone()),
        address: Set(new.address.clone()),
        representative: Set(new.representative.clone()),
        privacy_contact_name: Set(new.privacy_contact_name.clone()),
        privacy_contact_email: Set(new.privacy_contact_email.clone()),
        languages: Set(languages.join(",")),
        contract_start: Set(Some(date(&new.contract_start)?)),
        contract_end: Set(None),
        destroy_on: Set(None),
        destroyed_at: Set(None),
        survey_threshold: Set(crate::domain::anonymity::DEFAULT_THRESHOLD as i32),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    tenant_keys::insert(&txn, keys, org, now).await.map_err(|error| {
        tracing::error!(%error, "data key of a new organisation not stored");
        AppError::Internal
    })?;
    dpa_acceptance::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        org_id: Set(org.0),
        agreement_version: Set(AGREEMENT_VERSION.to_owned()),
        signer_name: Set(new.signer_name.clone()),
        signer_function: Set(new.signer_function.clone()),
        signed_on: Set(date(&new.signed_on)?),
        signed_at: Set(new.signed_at.clone()),
        recorded_by: Set(operator.operator.0),
        recorded_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    user_account::ActiveModel {
        id: Set(admin.0),
        org_id: Set(org.0),
        name: Set(new.admin_name.clone()),
        email: Set(Some(new.admin_email.clone())),
        username: Set(None),
        phone: Set(None),
        language: Set(new.admin_language.code().to_owned()),
        password_hash: Set(None),
        is_manager: Set(false),
        is_admin: Set(true),
        is_auditor: Set(false),
        created_at: Set(now),
        deactivated_at: Set(None),
        restricted_at: Set(None),
        offboarding_choice: Set(None),
        offboarding_successor: Set(None),
        offboarded_at: Set(None),
        function_id: Set(None),
        started_on: Set(None),
        birth_year: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(internal)?;
    let invitee = Invitee {
        user: admin,
        org,
        name: &new.admin_name,
        language: new.admin_language,
        organisation: &new.name,
    };
    let delivery = Delivery::Email(new.admin_email.clone());
    let sending = invitations::Sending { delivery: &delivery, at: None };
    invitations::invite(&txn, &invitee, sending, public_url, now).await?;
    txn.commit().await.map_err(internal)?;

    let by_operator = |action| AuditEntry::by_operator(Some(org), operator.operator, action);
    audit::record(db, by_operator(AuditAction::OrganisationCreated).on("organisation", org), now)
        .await
        .map_err(internal)?;
    audit::record(db, by_operator(AuditAction::TenantKeyCreated).on("organisation", org), now)
        .await
        .map_err(internal)?;
    audit::record(db, by_operator(AuditAction::DpaAcceptanceRecorded).on("organisation", org), now)
        .await
        .map_err(internal)?;
    audit::record(db, by_operator(AuditAction::UserInvited).on("user", admin), now)
        .await
        .map_err(internal)?;
    Ok(org)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use sea_orm::EntityTrait;

    use super::*;
    use crate::domain::dto::NewOrganisationForm;
    use crate::server::entity::{invitation, outbound_message};
    use crate::server::service::invitations;
    use crate::server::testing::{self, for_each_backend};

    fn keys() -> Keyring {
        crate::server::testing::test_keyring()
    }

    fn form() -> NewOrganisationForm {
        NewOrganisationForm {
            name: "Stichting Het Baken".into(),
            kvk_number: "87654321".into(),
            address: "Havenstraat 4, Zwolle".into(),
            representative: "R. Visser".into(),
            privacy_contact_name: "P. de Jong".into(),
            privacy_contact_email: "privacy@hetbaken.example".into(),
            contract_start: "2027-01-01".into(),
            language_nl: Some("on".into()),
            language_en: Some("on".into()),
            signer_name: "R. Visser".into(),
            signer_function: "Directeur-bestuurder".into(),
            signed_on: "2026-11-20".into(),
            signed_at: "Zwolle".into(),
            admin_name: "Ilse Koster".into(),
            admin_email: "ilse.koster@hetbaken.example".into(),
            admin_language: "en".into(),
        }
    }

    fn link_token(mail: &outbound_message::Model) -> String {
        let link = mail.text_body.split_whitespace().find(|w| w.contains("/invite/")).expect("link");
        link.rsplit('/').next().unwrap_or_default().to_owned()
    }

    for_each_backend! {
        async fn the_first_admin_is_invited_and_chooses_a_password(db) {
            let new = form().validate().expect("valid");
            let now = Utc::now();
            let org = add_organisation(&db, &keys(), &testing::operator(&db).await, &new, "https://koers.example", now).await.expect("added");

            let stored = organisation::Entity::find_by_id(org.0).one(&db).await.expect("read").expect("organisation");
            assert_eq!((stored.kvk_number.as_str(), stored.languages.as_str()), ("87654321", "nl,en"));
            let signature = dpa_acceptance::Entity::find().all(&db).await.expect("read");
            assert_eq!(signature[0].signer_function, "Directeur-bestuurder");
            assert_eq!(signature[0].agreement_version, AGREEMENT_VERSION);

            let mails = outbound_message::Entity::find().all(&db).await.expect("queue");
            assert_eq!(mails.len(), 1);
            assert_eq!(mails[0].recipient, "ilse.koster@hetbaken.example");
            assert_eq!(mails[0].subject, "Stichting Het Baken invites you to Koers", "in the admin's language");

            let token = link_token(&mails[0]);
            let details = invitations::details(&db, &token, now).await.expect("details").expect("usable");
            assert_eq!(details.organisation, "Stichting Het Baken");
            assert_eq!(invitations::accept(&db, &token, "password123", None, now).await, Err(AppError::PasswordTooWeak));
            let (_, accepted_org) = invitations::accept(&db, &token, "groene giraffe in de tram", None, now).await.expect("accepted");
            assert_eq!(accepted_org, org);
            assert_eq!(
                invitations::accept(&db, &token, "groene giraffe in de tram", None, now).await,
                Err(AppError::InvitationInvalid),
                "a link works once"
            );
            let audit = audit::verify_chain(&db, &org.to_string()).await.expect("audit");
            assert!(matches!(audit, Some(audit::ChainReport::Intact { entries: 5, .. })), "{audit:?}");
        }

        async fn an_invitation_expires_after_seven_days(db) {
            let new = form().validate().expect("valid");
            let now = Utc::now();
            add_organisation(&db, &keys(), &testing::operator(&db).await, &new, "https://koers.example", now).await.expect("added");
            let mails = outbound_message::Entity::find().all(&db).await.expect("queue");
            let token = link_token(&mails[0]);
            let late = now + Duration::days(7);
            assert_eq!(invitations::details(&db, &token, late).await.expect("details"), None);
            assert_eq!(invitation::Entity::find().all(&db).await.expect("read").len(), 1);
        }
    }
}
