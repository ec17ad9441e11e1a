//! Server functions for documents. Who may see, add and delete them is
//! decided in `service::documents`; every function first obtains the
//! member's scope.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::DocumentList;
use crate::domain::ids::DocumentId;

/// Members who may see what the documents hang on (`on`, as
/// `domain::documents::Holder` writes it): the documents, newest first.
#[server(endpoint = "documents/list")]
pub async fn list_documents(on: String) -> Result<DocumentList, AppError> {
    use crate::domain::documents::Holder;
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    let holder = on.parse::<Holder>().map_err(|()| AppError::NotFound)?;
    let shown_as = (state.config.site.time_zone, state.config.max_file_megabytes);
    service::documents::list(&state.db, &state.keys, &scope, holder, shown_as, chrono::Utc::now()).await
}

/// Members who may change what a document hangs on (or who uploaded it,
/// on their own person): deletes it, from the store too.
#[server(endpoint = "documents/delete")]
pub async fn delete_document(id: DocumentId) -> Result<(), AppError> {
    use crate::server::{AppState, auth, service};

    let scope = auth::require_member().await?;
    let state = AppState::current()?;
    service::documents::delete(&state.db, &state.storage, &scope, id, chrono::Utc::now()).await
}
