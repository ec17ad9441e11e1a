//! Who a sign-in name stands for, and where a message to them goes — for
//! password links and one-time sign-in codes. An e-mail address matches
//! operators and users with that address (one account per organisation),
//! reached by e-mail; a username matches users, reached by text message
//! when they have a number, else by e-mail.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::session::Holder;
use crate::domain::AppError;
use crate::domain::ids::OrgId;
use crate::i18n::Lang;
use crate::server::db::internal;
use crate::server::entity::{operator_account, organisation, user_account};

/// Where one account's message goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Channel {
    Mail(String),
    Sms(String),
}

#[derive(Clone, Debug)]
pub struct Recipient {
    pub holder: Holder,
    pub org: Option<OrgId>,
    pub name: String,
    /// The organisation's name, or the product's for operator staff.
    pub organisation: String,
    pub language: Lang,
    pub channel: Channel,
}

/// The active accounts with this sign-in name (trimmed, any case).
pub async fn recipients(db: &DatabaseConnection, sign_in_name: &str) -> Result<Vec<Recipient>, AppError> {
    let name = sign_in_name.trim().to_lowercase();
    let by_email = name.contains('@');
    let mut found = Vec::new();
    if by_email {
        let operators = operator_account::Entity::find()
            .filter(operator_account::Column::Email.eq(&name))
            .filter(operator_account::Column::DeactivatedAt.is_null())
            .all(db)
            .await
            .map_err(internal)?;
        found.extend(operators.into_iter().map(|o| Recipient {
            holder: Holder::Operator { operator: o.id },
            org: None,
            organisation: "Koers".into(),
            language: Lang::from_code(&o.language).unwrap_or_default(),
            channel: Channel::Mail(o.email),
            name: o.name,
        }));
    }
    let column = if by_email { user_account::Column::Email } else { user_account::Column::Username };
    let users = user_account::Entity::find()
        .filter(column.eq(&name))
        .filter(user_account::Column::DeactivatedAt.is_null())
        .all(db)
        .await
        .map_err(internal)?;
    for user in users {
        let channel = match (by_email, user.phone, user.email) {
            (false, Some(phone), _) => Channel::Sms(phone),
            (_, _, Some(email)) => Channel::Mail(email),
            _ => continue,
        };
        let organisation = organisation::Entity::find_by_id(user.org_id).one(db).await.map_err(internal)?;
        found.push(Recipient {
            holder: Holder::User { user: user.id, org: user.org_id },
            org: Some(OrgId(user.org_id)),
            organisation: organisation.map(|o| o.name).unwrap_or_default(),
            language: Lang::from_code(&user.language).unwrap_or_default(),
            channel,
            name: user.name,
        });
    }
    Ok(found)
}
