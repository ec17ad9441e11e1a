//! Who is signed in, loaded once per page load and shared by the header and
//! the pages. Signing in or out reloads the page, so it never goes stale.

use leptos::prelude::*;

use crate::domain::AppError;
use crate::domain::dto::Viewer;
use crate::features::account::api::current_viewer;

pub type ViewerResource = Resource<Result<Option<Viewer>, AppError>>;

pub fn provide_viewer() -> ViewerResource {
    // Blocking: the server knows who is signed in before it sends any HTML,
    // so a page that needs a session can still redirect to /login.
    let resource = Resource::new_blocking(|| (), |_| current_viewer());
    provide_context(resource);
    resource
}

pub fn use_viewer() -> ViewerResource {
    use_context::<ViewerResource>().unwrap_or_else(provide_viewer)
}
