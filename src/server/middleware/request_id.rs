//! A fresh id for every request, in the `x-request-id` header of the request
//! (for handlers and the audit log) and of the response (for support).
//! An id sent by the client is replaced: log lines must not carry its text.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

pub const REQUEST_ID: &str = "x-request-id";

pub async fn assign_request_id(mut request: Request, next: Next) -> Response {
    let id = uuid::Uuid::now_v7().to_string();
    let value = HeaderValue::from_str(&id).ok();
    if let Some(value) = &value {
        request.headers_mut().insert(REQUEST_ID, value.clone());
    }
    let mut response = next.run(request).await;
    if let Some(value) = value {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// The request path as it may appear in logs: secrets in the path (the token
/// of an invitation, reset or external-feedback link) are masked.
pub fn loggable_path(path: &str) -> String {
    const TOKEN_PATHS: [&str; 4] = ["/invite/", "/reset/", "/r/", "/f/"];
    for prefix in TOKEN_PATHS {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return format!("{prefix}{{token}}");
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn tokens_in_paths_are_masked() {
        assert_eq!(loggable_path("/invite/abc123"), "/invite/{token}");
        assert_eq!(loggable_path("/r/secret"), "/r/{token}");
        assert_eq!(loggable_path("/goals/5"), "/goals/5");
    }
}
