//! The `koers` command: `serve` (default), `migrate`, `seed-demo`, `audit verify`,
//! `check-config`, `precompress`, `bench-org`, `run-jobs`.

use std::process::ExitCode;
use std::sync::Arc;

use axum::serve::ListenerExt;
use leptos::prelude::LeptosOptions;
use migration::{Migrator, MigratorTrait};

use super::config::{Config, Environment, StorageConfig};
use super::crypto::{KeyStore, Keyring};
use super::messages::{self, MailTransport, Wakeup};
use super::service::notifications::{
    self,
    jobs::{Job, JobContext},
};
use super::service::tenant_keys;
use super::storage::Storage;
use super::{AppState, assets, audit, backup, crypto, db, logging, router, seed};

const USAGE: &str = "\
usage: koers [command]

commands:
  serve          run the web server (default): migrates the database first
  migrate up     apply pending migrations
  migrate down   roll back the most recent migration
  migrate status list applied and pending migrations
  seed-demo      fill an empty database with the demo organisation
  audit verify   check every audit-log chain; exit 1 at the first broken entry
  backup FILE    write the database and the stored files to FILE, sealed
                 under the key-encryption key (the organisations' data keys
                 are never in it)
  restore FILE   replace the database and stored files with the backup in
                 FILE; stop the server first
  check-config   validate Leptos.toml and KOERS_* variables, then exit
  precompress    write the compressed copies of the static files now
                 (serve does it in the background at start-up)
  bench-org [N]  add an organisation of N people (default 10000) through the
                 import, print how fast the org chart and people search are,
                 and give it a year of data
  bench-export   write the full export of the newest benchmark organisation
                 and print its time and the process's peak memory
  run-jobs [--at TIME] [--only JOB]
                 run the background jobs (reminders, digests, copying review
                 cycles forward, destroying organisations whose day has come)
                 once, as at TIME (RFC 3339; default now), or only JOB
                 (goal-reminders, weekly-digests, one-on-one-reminders,
                 review-reminders, review-cycles, destructions), and send
                 the messages they queued

configuration: Leptos.toml (or the file named by KOERS_CONFIG), overridden
by KOERS_<SECTION>_<KEY> environment variables.";

pub async fn run(args: Vec<String>) -> ExitCode {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if matches!(args.as_slice(), ["help" | "--help" | "-h"]) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_environment() {
        Ok(config) => config,
        Err(errors) => {
            eprintln!("koers: {errors}");
            return ExitCode::from(2);
        }
    };
    logging::init(&config.log);
    let outcome = match args.as_slice() {
        [] | ["serve"] => serve(config).await,
        ["migrate", "up"] => with_db(&config, |db| async move { Ok(Migrator::up(&db, None).await?) }).await,
        ["migrate", "down"] => {
            with_db(&config, |db| async move { Ok(Migrator::down(&db, Some(1)).await?) }).await
        }
        ["migrate", "status"] => with_db(&config, |db| async move { Ok(Migrator::status(&db).await?) }).await,
        ["seed-demo"] => {
            let keys = keyring(&config);
            let public_url = config.site.public_url.as_str().to_owned();
            let storage = Storage::from_config(&config.storage);
            with_db(&config, |db| async move {
                db::migrate(&db).await?;
                let stores = (&keys?, &storage?);
                let seeded = seed::seed_demo_if_empty(&db, stores, &public_url, chrono::Utc::now()).await?;
                print_demo_logins(seeded);
                Ok(())
            })
            .await
        }
        ["bench-org", rest @ ..] => {
            let people = match rest {
                [] => Some(super::bench::DEFAULT_PEOPLE),
                [count] => count.parse().ok().filter(|count| *count > 0),
                _ => None,
            };
            let Some(people) = people else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let keys = keyring(&config);
            with_db(&config, |db| async move {
                db::migrate(&db).await?;
                Ok(super::bench::run(&db, &keys?, people).await?)
            })
            .await
        }
        ["run-jobs", rest @ ..] => {
            let Some((at, only)) = run_jobs_arguments(rest) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let keys = match keyring(&config) {
                Ok(keys) => keys,
                Err(error) => {
                    eprintln!("koers: {error}");
                    return ExitCode::FAILURE;
                }
            };
            let storage = match Storage::from_config(&config.storage) {
                Ok(storage) => storage,
                Err(error) => {
                    eprintln!("koers: {error}");
                    return ExitCode::FAILURE;
                }
            };
            let context = JobContext {
                public_url: config.site.public_url.as_str().to_owned(),
                time_zone: config.site.time_zone,
                keys,
                data_directory: config.site.data_directory.clone(),
                storage,
            };
            let transports = transports(&config);
            with_db(&config, |db| async move { run_jobs(&db, &context, &transports?, (at, only)).await })
                .await
        }
        ["bench-export"] => {
            let (keys, directory) = (keyring(&config), config.site.data_directory.clone());
            with_db(
                &config,
                |db| async move { Ok(super::bench::export::run(&db, &keys?, &directory).await?) },
            )
            .await
        }
        ["audit", "verify"] => with_db(&config, |db| async move { verify_audit_log(&db).await }).await,
        ["backup", file] => {
            let (keys, file) = (keyring(&config), std::path::PathBuf::from(file));
            let database = backup::Database::from_url(&config.database.url);
            let files = stored_files(&config);
            with_db(&config, |db| async move {
                let manifest =
                    backup::backup(&db, &database?, &files, &keys?.kek, &file, chrono::Utc::now()).await?;
                println!("koers: backup written to {} ({} stored files)", file.display(), manifest.files);
                Ok(())
            })
            .await
        }
        ["restore", file] => restore_backup(&config, std::path::Path::new(file)),
        ["precompress"] => {
            assets::precompress_all(&config.site.root);
            Ok(())
        }
        ["check-config"] => {
            println!("koers: configuration is valid");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "koers stopped");
            eprintln!("koers: {error}");
            ExitCode::FAILURE
        }
    }
}

type Outcome = Result<(), Box<dyn std::error::Error + Send + Sync>>;

async fn with_db<F, Fut>(config: &Config, work: F) -> Outcome
where
    F: FnOnce(sea_orm::DatabaseConnection) -> Fut,
    Fut: Future<Output = Outcome>,
{
    let db = db::connect(&config.database).await?;
    work(db).await
}

async fn serve(config: Config) -> Outcome {
    std::fs::create_dir_all(&config.site.data_directory)?;
    let db = db::connect(&config.database).await?;
    db::migrate(&db).await?;
    let keys = Arc::new(keyring(&config)?);
    let moved = tenant_keys::move_keys_out_of_database(&db, &keys).await?;
    if moved > 0 {
        tracing::info!(moved, "tenant keys moved from the database to the key store");
    }
    assets::precompress_in_background(config.site.root.clone());
    let outbox = Wakeup::default();
    messages::spawn_worker(db.clone(), transports(&config)?, outbox.clone());
    let leptos_options = leptos_options(&config);
    let address = config.site.address;
    let public_url = config.site.public_url.as_str().to_owned();
    let storage = Storage::from_config(&config.storage)?;
    let jobs = JobContext {
        public_url: public_url.clone(),
        time_zone: config.site.time_zone,
        keys: (*keys).clone(),
        data_directory: config.site.data_directory.clone(),
        storage: storage.clone(),
    };
    notifications::jobs::spawn(db.clone(), jobs, outbox.clone());
    let state = AppState {
        leptos_options,
        db,
        config: Arc::new(config),
        keys,
        outbox,
        imports: Default::default(),
        storage,
    };
    let app = router::build(state);

    // axum does not set TCP_NODELAY: without it, responses written in several
    // pieces wait for the client's delayed ACK (about 40 ms each).
    let listener = tokio::net::TcpListener::bind(address).await?.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    tracing::info!(%address, %public_url, "Koers is listening");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

fn transports(config: &Config) -> Result<messages::Transports, Box<dyn std::error::Error + Send + Sync>> {
    Ok(messages::Transports {
        mail: MailTransport::from_config(&config.mail)?,
        sms: messages::SmsTransport::from_config(&config.sms)?,
    })
}

/// The jobs once, as at `at`, and the delivery of what they queued (due by `at`).
/// `[--at TIME] [--only JOB]`, in that order; `None` for anything else.
fn run_jobs_arguments(rest: &[&str]) -> Option<(chrono::DateTime<chrono::Utc>, Option<Job>)> {
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).ok().map(|at| at.to_utc());
    match rest {
        [] => Some((chrono::Utc::now(), None)),
        ["--at", time] => Some((at(time)?, None)),
        ["--only", job] => Some((chrono::Utc::now(), Some(Job::from_name(job)?))),
        ["--at", time, "--only", job] => Some((at(time)?, Some(Job::from_name(job)?))),
        _ => None,
    }
}

async fn run_jobs(
    db: &sea_orm::DatabaseConnection,
    context: &JobContext,
    transports: &messages::Transports,
    (at, only): (chrono::DateTime<chrono::Utc>, Option<Job>),
) -> Outcome {
    db::migrate(db).await?;
    let done = notifications::jobs::run_once(db, context, at, only).await;
    let mut sent = 0;
    loop {
        let delivery = messages::deliver_due(db, transports, at).await?;
        sent += delivery.sent;
        if !delivery.took_full_batch() {
            break;
        }
    }
    println!("koers: jobs run as at {}: {done} done, {sent} messages sent", at.to_rfc3339());
    Ok(())
}

fn print_demo_logins(seeded: bool) {
    if seeded {
        println!("koers: demo data created");
    }
    println!("demo sign-ins (password {:?}):", seed::DEMO_PASSWORD);
    for login in seed::demo_logins() {
        let code = if login.second_factor { " — asks for an authenticator code" } else { "" };
        println!("  {:<34} {}{code}", login.email, login.who);
    }
    println!("authenticator-app key of the demo operator and admin: {}", seed::DEMO_TOTP_SECRET);
}

/// The configured key-encryption key — in development without one, a key
/// generated once into the data directory (production refuses to start
/// without one: see `Config::parse`) — and the key store.
/// The local file store's directory; with S3 the provider keeps its own backups.
fn stored_files(config: &Config) -> std::path::PathBuf {
    match &config.storage {
        StorageConfig::Local { directory } => directory.clone(),
        StorageConfig::S3(_) => config.site.data_directory.join("no-local-files"),
    }
}

fn restore_backup(config: &Config, file: &std::path::Path) -> Outcome {
    let keys = keyring(config)?;
    let database = backup::Database::from_url(&config.database.url)?;
    let manifest = backup::restore(&database, &stored_files(config), &keys.kek, file)?;
    println!("koers: restored the backup of {} ({} stored files)", manifest.created_at, manifest.files);
    Ok(())
}

fn keyring(config: &Config) -> Result<Keyring, Box<dyn std::error::Error + Send + Sync>> {
    let kek = match &config.security.key_encryption_key {
        Some(key) => key.clone(),
        None => crypto::load_or_create_development_kek(&config.site.data_directory)?,
    };
    Ok(Keyring { kek, store: KeyStore::new(&config.security.key_store_directory) })
}

async fn verify_audit_log(db: &sea_orm::DatabaseConnection) -> Outcome {
    let reports = audit::verify_all(db).await?;
    let mut broken = 0;
    for report in &reports {
        match report {
            audit::ChainReport::Intact { chain, entries } => println!("intact  {chain}: {entries} entries"),
            audit::ChainReport::Broken { chain, seq, reason } => {
                broken += 1;
                println!("BROKEN  {chain}: entry {seq} {reason}");
            }
        }
    }
    if broken > 0 {
        return Err(format!("{broken} of {} audit chains are broken", reports.len()).into());
    }
    println!("all {} audit chains are intact", reports.len());
    Ok(())
}

/// The Leptos settings, derived from our configuration instead of the
/// environment variables cargo-leptos sets, so the binary runs anywhere.
fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(env!("CARGO_PKG_NAME"))
        .site_root(config.site.root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.site.address)
        .env(match config.site.environment {
            Environment::Development => leptos::config::Env::DEV,
            Environment::Production => leptos::config::Env::PROD,
        })
        .hash_files(true)
        .build()
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
