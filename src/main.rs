//! The Koers server binary: configuration → database → migrations → router → serve.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    koers::server::cli::run(std::env::args().skip(1).collect()).await
}
