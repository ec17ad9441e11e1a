//! Server functions of the import. The file travels as base64 text, read
//! in the browser: once for the preview and once more to import it.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::{ImportPreview, ImportProgress};

/// Admins: what importing the file would do; nothing is written.
#[server(endpoint = "import/preview")]
pub async fn preview_import(content: String) -> Result<ImportPreview, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth, service};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let bytes = decode(&content)?;
    service::import::preview(&AppState::current()?.db, &admin, &bytes, chrono::Utc::now()).await
}

/// Admins: starts importing the previewed file (its `fingerprint` from the
/// preview) and answers with the import's id to follow its progress.
#[server(endpoint = "import/start")]
pub async fn start_import(content: String, fingerprint: String, invite: bool) -> Result<String, AppError> {
    use crate::domain::dto::{ImportIssue, ImportProblem};
    use crate::domain::roles::Role;
    use crate::server::service::import;
    use crate::server::{AppState, auth};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let bytes = decode(&content)?;
    if import::fingerprint(&bytes) != fingerprint {
        let problem = ImportProblem { row: 0, column: None, issue: ImportIssue::FileChanged };
        return Err(AppError::ImportRejected { problems: vec![problem] });
    }
    let state = AppState::current()?;
    let job = state.imports.start(admin.org, import::row_count(&bytes));
    let id = job.id.to_string();
    tokio::spawn(async move {
        let options = import::Options {
            fingerprint: &fingerprint,
            invite,
            default_language: state.config.site.default_language,
            public_url: state.config.site.public_url.as_str(),
        };
        let outcome = import::run(&state.db, &admin, &bytes, &options, &job, chrono::Utc::now()).await;
        if outcome.is_ok() && invite {
            state.outbox.notify();
        }
        job.finish(outcome);
    });
    Ok(id)
}

/// Admins: how far an import of their organisation has come.
#[server(endpoint = "import/follow")]
pub async fn follow_import(job: String) -> Result<ImportProgress, AppError> {
    use crate::domain::roles::Role;
    use crate::server::{AppState, auth};

    let admin = auth::require_member().await?.require(Role::Admin)?;
    let job = job.parse().map_err(|_| AppError::NotFound)?;
    AppState::current()?.imports.progress(admin.org, job).ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn decode(content: &str) -> Result<Vec<u8>, AppError> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(content.trim()).map_err(|_| AppError::BadRequest)
}
