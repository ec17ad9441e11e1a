//! Structured logs: readable lines in development, JSON for log collectors.
//! Each request runs in a span carrying its request id, so every line logged
//! while serving it names that id.

use tracing_subscriber::EnvFilter;

use super::config::{LogConfig, LogFormat};

pub fn init(config: &LogConfig) {
    // The filter was validated with the rest of the configuration.
    let filter = EnvFilter::try_new(&config.filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(true);
    let installed = match config.format {
        LogFormat::Pretty => builder.try_init(),
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(false).try_init(),
    };
    if installed.is_err() {
        tracing::debug!("a tracing subscriber was already installed");
    }
}
