//! Server functions of the shell.

use leptos::prelude::*;

use crate::domain::AppError;

/// Anyone, signed in or not: remembers the interface language in a cookie,
/// then sends the browser back to `return_to` (a path on this site). Posted
/// by a plain form, so it works without JavaScript too.
#[server(endpoint = "language")]
pub async fn set_language(lang: String, return_to: String) -> Result<(), AppError> {
    use crate::domain::validation::local_path_or_home;
    use crate::i18n::Lang;
    use crate::server::{AppState, http};

    let lang = Lang::from_code(&lang).ok_or(AppError::InvalidLanguage)?;
    let state = AppState::current()?;
    http::set_cookie(&http::language_cookie(lang, state.config.served_over_https()));
    leptos_axum::redirect(local_path_or_home(&return_to));
    Ok(())
}
