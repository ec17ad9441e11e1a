//! The HTTP contract of every response, exercised through the real router.
//! Every test runs on the multi-threaded runtime, as the server does: page
//! rendering awaits work spawned on the runtime, and several pages rendered
//! by one router stalled on the single-threaded test runtime.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, Response, StatusCode, header};
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

use super::build;
use crate::server::AppState;
use crate::server::config::Config;
use crate::server::testing::TestDb;

async fn app() -> axum::Router {
    let config = Config::parse(Path::new("test.toml"), None, &BTreeMap::new()).expect("default config");
    let leptos_options = LeptosOptions::builder().output_name("koers").site_root("target/site").build();
    let db = TestDb::sqlite().await.db;
    let keys = crate::server::testing::test_keyring();
    build(AppState {
        leptos_options,
        db,
        config: Arc::new(config),
        keys: Arc::new(keys),
        outbox: Default::default(),
        imports: Default::default(),
        storage: crate::server::testing::local_storage(),
    })
}

async fn send(request: Request<Body>) -> Response<Body> {
    app().await.oneshot(request).await.expect("router answers")
}

/// A GET as a browser sends it when following a link.
fn get(path: &str) -> axum::http::request::Builder {
    Request::builder().uri(path).header(header::ACCEPT, "text/html,application/xhtml+xml")
}

async fn body_text(response: Response<Body>) -> String {
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.expect("body");
    String::from_utf8_lossy(&bytes).into_owned()
}

fn header_of(response: &Response<Body>, name: header::HeaderName) -> &str {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

fn language_form(origin_headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/api/language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000");
    for (name, value) in origin_headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from("lang=en&return_to=%2F")).expect("request")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_json() {
    let response = send(get("/healthz").body(Body::empty()).expect("request")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body_text(response).await.contains("\"status\":\"ok\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_checks_the_database() {
    let response = send(get("/readyz").body(Body::empty()).expect("request")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body_text(response).await.contains("\"database\":\"ok\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers_and_a_fresh_request_id() {
    let request =
        get("/healthz").header("x-request-id", "forged-by-client").body(Body::empty()).expect("request");
    let response = send(request).await;
    assert_eq!(header_of(&response, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(header_of(&response, header::REFERRER_POLICY), "same-origin");
    assert!(header_of(&response, header::CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'"));
    let id = response.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(uuid::Uuid::parse_str(id).is_ok(), "server-made request id, got {id:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_have_a_nonce_csp_that_matches_their_scripts() {
    let response = send(get("/login").body(Body::empty()).expect("request")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CACHE_CONTROL), "no-store");
    let csp = header_of(&response, header::CONTENT_SECURITY_POLICY).to_owned();
    for directive in ["object-src 'none'", "frame-ancestors 'none'", "'wasm-unsafe-eval'", "base-uri 'none'"]
    {
        assert!(csp.contains(directive), "{directive} missing in {csp}");
    }
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("CSP has a nonce")
        .to_owned();
    let html = body_text(response).await;
    let scripts = html.matches("<script").count();
    assert!(scripts > 0, "the page has hydration scripts");
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every script carries the nonce"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_follow_the_language_cookie_then_the_browser_then_dutch() {
    let dutch = body_text(send(get("/login").body(Body::empty()).expect("request")).await).await;
    assert!(dutch.contains("<html lang=\"nl\"") && dutch.contains("Welkom bij Koers"));

    let request =
        get("/login").header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.8").body(Body::empty()).expect("request");
    let english = send(request).await;
    assert_eq!(header_of(&english, header::CONTENT_LANGUAGE), "en");
    assert!(body_text(english).await.contains("Welcome to Koers"));

    let request = get("/login")
        .header(header::ACCEPT_LANGUAGE, "en")
        .header(header::COOKIE, "koers_lang=nl")
        .body(Body::empty())
        .expect("request");
    assert!(body_text(send(request).await).await.contains("Welkom bij Koers"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_path_is_a_translated_404() {
    let request =
        get("/no/such/page").header(header::ACCEPT_LANGUAGE, "en").body(Body::empty()).expect("request");
    let response = send(request).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body_text(response).await.contains("Page not found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_form_sets_a_cookie_and_goes_back() {
    let response = send(language_form(&[("sec-fetch-site", "same-origin"), ("accept", "text/html")])).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(header_of(&response, header::LOCATION), "/");
    assert!(header_of(&response, header::SET_COOKIE).starts_with("koers_lang=en"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cross_site_write_is_refused_before_it_runs() {
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("origin", "https://evil.example")],
        vec![("sec-fetch-site", "same-site"), ("origin", "https://sub.example")],
    ] {
        let response = send(language_form(&headers)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(response.headers().get(header::SET_COOKIE).is_none(), "nothing was done");
        assert_eq!(body_text(response).await, r#"{"code":"forbidden"}"#);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutating_server_functions_do_not_answer_get() {
    let request = get("/api/language?lang=en&return_to=%2F").body(Body::empty()).expect("request");
    let response = send(request).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(response.headers().get(header::SET_COOKIE).is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_manifest_is_served_in_the_visitors_language() {
    let request = get("/manifest.webmanifest")
        .header(header::ACCEPT_LANGUAGE, "en")
        .body(Body::empty())
        .expect("request");
    let response = send(request).await;
    assert_eq!(header_of(&response, header::CONTENT_TYPE), "application/manifest+json");
    assert!(body_text(response).await.contains("\"lang\":\"en\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offline_page_is_translated_and_has_no_scripts() {
    let request = get("/offline").header(header::ACCEPT_LANGUAGE, "en").body(Body::empty()).expect("request");
    let response = send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CONTENT_LANGUAGE), "en");
    let html = body_text(response).await;
    assert!(html.contains("You are offline"), "{html}");
    assert!(!html.contains("<script"), "nothing to hydrate: {html}");
}

mod signing_in {
    use super::*;
    use crate::server::seed::{DEMO_PASSWORD, seed_demo_if_empty};

    const ANNA: &str = "sanne.devries@delinde.example";

    /// The app with the demo data, and its database for checks.
    async fn seeded_app() -> (axum::Router, sea_orm::DatabaseConnection) {
        let config = Config::parse(Path::new("test.toml"), None, &BTreeMap::new()).expect("default config");
        let leptos_options = LeptosOptions::builder().output_name("koers").site_root("target/site").build();
        let db = TestDb::sqlite().await.db;
        let keys = crate::server::testing::test_keyring();
        seed_demo_if_empty(
            &db,
            (&keys, &crate::server::testing::local_storage()),
            "http://127.0.0.1:3000",
            chrono::Utc::now(),
        )
        .await
        .expect("seeded");
        let app = build(AppState {
            leptos_options,
            db: db.clone(),
            config: Arc::new(config),
            keys: Arc::new(keys),
            outbox: Default::default(),
            imports: Default::default(),
            storage: crate::server::testing::local_storage(),
        });
        (app, db)
    }

    fn sign_in_form(email: &str, password: &str) -> Request<Body> {
        let body = format!("identifier={}&password={}&next=%2F", email.replace('@', "%40"), password);
        Request::builder()
            .method(Method::POST)
            .uri("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/login")
            .body(Body::from(body))
            .expect("request")
    }

    fn page_with(path: &str, cookie: &str) -> Request<Body> {
        get(path).header(header::COOKIE, cookie).body(Body::empty()).expect("request")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_signed_out_visitor_is_sent_to_login_and_back() {
        let (app, _) = seeded_app().await;
        let response = app.oneshot(get("/").body(Body::empty()).expect("request")).await.expect("answer");
        assert!(response.status().is_redirection(), "{}", response.status());
        assert_eq!(header_of(&response, header::LOCATION), "/login?next=/");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn signing_in_sets_a_session_cookie_and_opens_the_dashboard() {
        let (app, _) = seeded_app().await;
        let response = app.clone().oneshot(sign_in_form(ANNA, DEMO_PASSWORD)).await.expect("answer");
        assert!(response.status().is_redirection());
        assert_eq!(header_of(&response, header::LOCATION), "/");
        let cookie = header_of(&response, header::SET_COOKIE).to_owned();
        assert!(
            cookie.starts_with("koers_session=")
                && cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
        );
        let session = cookie.split(';').next().unwrap_or_default().to_owned();

        let dashboard = app.oneshot(page_with("/", &session)).await.expect("answer");
        assert_eq!(dashboard.status(), StatusCode::OK);
        let html = body_text(dashboard).await;
        assert!(html.contains("Welkom, Sanne de Vries") && html.contains("Zorggroep De Linde"), "{html}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_wrong_password_returns_to_the_form_with_the_error() {
        let (app, _) = seeded_app().await;
        let response = app.oneshot(sign_in_form(ANNA, "verkeerd-wachtwoord")).await.expect("answer");
        assert!(response.headers().get(header::SET_COOKIE).is_none());
        let location = header_of(&response, header::LOCATION);
        assert!(
            location.starts_with("http://127.0.0.1:3000/login?") && location.contains("__err="),
            "{location}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_deactivated_users_open_session_is_refused_at_the_next_request() {
        use crate::server::entity::user_account;
        use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

        let (app, db) = seeded_app().await;
        let response = app.clone().oneshot(sign_in_form(ANNA, DEMO_PASSWORD)).await.expect("answer");
        let session =
            header_of(&response, header::SET_COOKIE).split(';').next().unwrap_or_default().to_owned();
        let user = user_account::Entity::find()
            .filter(user_account::Column::Email.eq(ANNA))
            .one(&db)
            .await
            .expect("query")
            .expect("Anna exists");
        user_account::ActiveModel {
            id: Set(user.id),
            deactivated_at: Set(Some(chrono::Utc::now())),
            ..Default::default()
        }
        .update(&db)
        .await
        .expect("deactivated");

        let response = app.oneshot(page_with("/", &session)).await.expect("answer");
        assert_eq!(header_of(&response, header::LOCATION), "/login?next=/");
    }

    /// DPA 8.B: once the contract has ended, people read what is theirs and
    /// change nothing, whichever function they call.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn dpa_8b_after_the_contract_ends_members_read_but_change_nothing() {
        use crate::server::entity::organisation;
        use sea_orm::{ActiveModelTrait, EntityTrait, Set};

        let (app, db) = seeded_app().await;
        let response = app.clone().oneshot(sign_in_form(ANNA, DEMO_PASSWORD)).await.expect("answer");
        let session = session_of(&response);
        let api = |path: &str, body: &str| {
            Request::builder()
                .method(Method::POST)
                .uri(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .header(header::COOKIE, session.as_str())
                .body(Body::from(body.to_owned()))
                .expect("request")
        };
        let note = "form[subject]=&form[body]=";
        let before = app.clone().oneshot(api("/api/notes/add", note)).await.expect("answer");
        assert_eq!(
            before.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "reaches the function while the contract runs"
        );

        let org = organisation::Entity::find().one(&db).await.expect("read").expect("the demo organisation");
        let today = chrono::Utc::now().date_naive();
        organisation::ActiveModel {
            id: Set(org.id),
            contract_end: Set(Some(today - chrono::Days::new(1))),
            destroy_on: Set(Some(today + chrono::Days::new(29))),
            ..Default::default()
        }
        .update(&db)
        .await
        .expect("ended");

        let read =
            app.clone().oneshot(api("/api/goals/list", "year=2027&owner=&status=")).await.expect("answer");
        assert_eq!(read.status(), StatusCode::OK);
        let write = app.clone().oneshot(api("/api/notes/add", note)).await.expect("answer");
        assert_eq!(write.status(), StatusCode::LOCKED);
        assert!(body_text(write).await.contains(r#""code":"contract_ended""#));
        let page = app.oneshot(page_with("/goals", &session)).await.expect("answer");
        assert_eq!(page.status(), StatusCode::OK, "pages still open");
    }

    fn second_factor_form(cookie: &str, code: &str) -> Request<Body> {
        Request::builder()
            .method(Method::POST)
            .uri("/api/sign_in/second_factor")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, cookie)
            .body(Body::from(format!("code={code}&next=%2F")))
            .expect("request")
    }

    fn session_of(response: &axum::response::Response) -> String {
        header_of(response, header::SET_COOKIE).split(';').next().unwrap_or_default().to_owned()
    }

    /// The demo operator signs in with password and authenticator code.
    async fn operator_session(app: &axum::Router) -> String {
        use crate::server::auth::second_factor::TotpSecret;
        use crate::server::seed::DEMO_TOTP_SECRET;

        let password = app
            .clone()
            .oneshot(sign_in_form("operator@koers.localhost", DEMO_PASSWORD))
            .await
            .expect("answer");
        assert_eq!(header_of(&password, header::LOCATION), "/login/verify?next=/");
        let waiting = session_of(&password);
        let console = app.clone().oneshot(page_with("/operator", &waiting)).await.expect("answer");
        assert_eq!(
            header_of(&console, header::LOCATION),
            "/login?next=/operator",
            "the password alone signs nobody in"
        );

        let secret = TotpSecret::from_base32(DEMO_TOTP_SECRET).expect("demo secret");
        let code = secret.code_at_step(chrono::Utc::now().timestamp().div_euclid(30));
        let verified = app.clone().oneshot(second_factor_form(&waiting, &code)).await.expect("answer");
        assert_eq!(header_of(&verified, header::LOCATION), "/operator");
        session_of(&verified)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn operators_reach_the_console_after_their_second_factor_but_members_do_not() {
        let (app, _) = seeded_app().await;
        let session = operator_session(&app).await;
        let console = app.clone().oneshot(page_with("/operator", &session)).await.expect("answer");
        assert!(body_text(console).await.contains("Zorggroep De Linde"));

        let member = app.clone().oneshot(sign_in_form(ANNA, DEMO_PASSWORD)).await.expect("answer");
        let session = session_of(&member);
        let list = Request::builder()
            .method(Method::POST)
            .uri("/api/operator/organisations")
            .header(header::COOKIE, &session)
            .body(Body::empty())
            .expect("request");
        let refused = app.oneshot(list).await.expect("answer");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert_eq!(body_text(refused).await, r#"{"code":"forbidden"}"#);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_admin_without_a_second_factor_can_only_set_one_up() {
        use crate::domain::roles::Roles;
        use crate::server::testing;

        let (app, db) = seeded_app().await;
        let org = testing::organisation(&db, "Nieuwe organisatie").await;
        let (_, email) = testing::member(&db, org, "Nadia", Roles { admin: true, ..Roles::default() }).await;
        let signed_in =
            app.clone().oneshot(sign_in_form(&email, testing::TEST_PASSWORD)).await.expect("answer");
        assert_eq!(header_of(&signed_in, header::LOCATION), "/", "no app yet, so no code is asked");
        let session = session_of(&signed_in);

        let page = app.clone().oneshot(page_with("/admin/people", &session)).await.expect("answer");
        assert_eq!(header_of(&page, header::LOCATION), "/account/second-factor/setup?next=/admin/people");
        let call = |path: &str| {
            Request::builder()
                .method(Method::POST)
                .uri(path)
                .header(header::COOKIE, &session)
                .body(Body::empty())
                .expect("request")
        };
        let structure = app.clone().oneshot(call("/api/structure/tree")).await.expect("answer");
        assert_eq!(structure.status(), StatusCode::FORBIDDEN);
        assert_eq!(body_text(structure).await, r#"{"code":"second_factor_setup_required"}"#);
        let viewer = app.clone().oneshot(call("/api/current_viewer")).await.expect("answer");
        assert!(body_text(viewer).await.contains("SetupRequired"));
        let setup =
            app.clone().oneshot(page_with("/account/second-factor/setup", &session)).await.expect("answer");
        assert_eq!(setup.status(), StatusCode::OK);
        let html = body_text(setup).await;
        assert!(html.contains("id=\"totp-secret\"") && html.contains("data:image/svg+xml;base64,"), "{html}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_function_errors_carry_their_http_status() {
    // Called as the browser's client does (no text/html): the error comes back as JSON.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("identifier=niemand%40example.org&password=x&next=%2F"))
        .expect("request");
    let response = send(request).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_text(response).await, r#"{"code":"invalid_credentials"}"#);

    let anonymous = Request::builder()
        .method(Method::POST)
        .uri("/api/operator/organisations")
        .body(Body::empty())
        .expect("request");
    assert_eq!(send(anonymous).await.status(), StatusCode::UNAUTHORIZED);
}

/// Every page carries the nonce of its own scripts, fresh per request, also
/// on the fallback path (the header is set by the middleware that made the
/// nonce, not while rendering). Several requests on one router need the
/// multi-threaded runtime the server runs on; on a single thread they stall.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_gets_its_own_matching_nonce() {
    let app = app().await;
    let mut nonces = std::collections::HashSet::new();
    for n in 0..10 {
        let path = if n % 2 == 0 { "/login" } else { "/no/such/page" };
        let response =
            app.clone().oneshot(get(path).body(Body::empty()).expect("request")).await.expect("answer");
        let csp = header_of(&response, header::CONTENT_SECURITY_POLICY).to_owned();
        let nonce =
            csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).expect("nonce in CSP").to_owned();
        let html = body_text(response).await;
        assert!(html.contains(&format!("nonce=\"{nonce}\"")), "scripts carry the header's nonce");
        nonces.insert(nonce);
    }
    assert_eq!(nonces.len(), 10, "a fresh nonce per request");
}
