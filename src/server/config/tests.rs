use super::*;

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn parse(file: &str, pairs: &[(&str, &str)]) -> Result<Config, ConfigErrors> {
    Config::parse(Path::new("Leptos.toml"), Some(file), &env(pairs))
}

fn problems(result: Result<Config, ConfigErrors>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_shipped_leptos_toml_is_valid() {
    let file = include_str!("../../../Leptos.toml");
    let config = parse(file, &[]).unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(config.site.address.to_string(), "127.0.0.1:3000");
    assert_eq!(config.site.environment, Environment::Development);
    assert!(config.database.url.starts_with("sqlite:"));
}

#[test]
fn without_a_file_every_key_has_a_working_default() {
    let config = Config::parse(Path::new("missing.toml"), None, &BTreeMap::new())
        .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(config.site.default_language, Lang::Nl);
    assert_eq!(config.site.public_url.as_str(), "http://127.0.0.1:3000");
    assert!(matches!(config.storage, StorageConfig::Local { .. }));
    assert!(!config.served_over_https());
}

#[test]
fn environment_variables_override_the_file() {
    let config = parse(
        "[database]\nurl = \"sqlite://one.db\"\n",
        &[("KOERS_DATABASE_URL", "postgres://koers@db/koers"), ("KOERS_SITE_DEFAULT_LANGUAGE", "en")],
    )
    .unwrap_or_else(|errors| panic!("{errors}"));
    assert_eq!(config.database.url, "postgres://koers@db/koers");
    assert_eq!(config.site.default_language, Lang::En);
}

#[test]
fn a_bad_value_names_its_key_its_source_and_what_is_expected() {
    assert_eq!(
        problems(parse("[database]\nmax_connections = 0\n", &[])),
        ["Leptos.toml [database] max_connections: expected a whole number from 1 to 1000, found \"0\""]
    );
    assert_eq!(
        problems(parse("", &[("KOERS_SITE_ADDRESS", "localhost")])),
        ["KOERS_SITE_ADDRESS: expected an address such as 127.0.0.1:3000, found \"localhost\""]
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let found = problems(parse(
        "[site]\nenvironment = \"staging\"\n[log]\nformat = \"xml\"\n",
        &[("KOERS_DATABASE_URL", "mysql://x")],
    ));
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("[site] environment: expected one of development, production"));
}

#[test]
fn typos_are_errors_not_silent_defaults() {
    assert_eq!(
        problems(parse("[site]\nadress = \"0.0.0.0:80\"\n[sitee]\n", &[("KOERS_DATABASE_ULR", "x")])),
        [
            "Leptos.toml [site] adress: is not a known key",
            "Leptos.toml [sitee]: is not a known section (known: database, log, mail, processor, security, site, sms, storage)",
            "KOERS_DATABASE_ULR: is not a known setting",
        ]
    );
}

#[test]
fn other_programs_koers_variables_are_left_alone() {
    assert!(parse("", &[("KOERS_CONFIG", "x.toml"), ("KOERS_TEST_DATABASE_URL", "postgres://t")]).is_ok());
}

#[test]
fn production_requires_https_and_a_key_encryption_key() {
    let found = problems(parse("[site]\nenvironment = \"production\"\n", &[]));
    assert_eq!(
        found,
        [
            "Leptos.toml [security] key_encryption_key: expected a key in production (tenant data keys are wrapped by it), but it is not set",
            "Leptos.toml [site] public_url: expected an https:// origin in production, found \"http://127.0.0.1:3000\"",
        ]
    );
    let key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let config = parse(
        "[site]\nenvironment = \"production\"\npublic_url = \"https://koers.example.org\"\n",
        &[("KOERS_SECURITY_KEY_ENCRYPTION_KEY", key)],
    )
    .unwrap_or_else(|errors| panic!("{errors}"));
    assert!(config.served_over_https());
    assert_eq!(config.security.key_encryption_key.map(|k| k.bytes()[31]), Some(31));
}

#[test]
fn a_key_encryption_key_must_be_32_bytes() {
    let found = problems(parse("", &[("KOERS_SECURITY_KEY_ENCRYPTION_KEY", "c2hvcnQ=")]));
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("KOERS_SECURITY_KEY_ENCRYPTION_KEY: expected 32 bytes in base64"));
    assert!(!found[0].contains("c2hvcnQ"), "a secret is never echoed: {}", found[0]);
}

#[test]
fn the_public_url_must_be_a_bare_origin() {
    let found = problems(parse("[site]\npublic_url = \"https://koers.example.org/app\"\n", &[]));
    assert_eq!(found.len(), 1, "{found:#?}");
    let config = parse("[site]\npublic_url = \"https://Koers.Example.org:443/\"\n", &[])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.site.public_url.as_str(), "https://koers.example.org");
}

#[test]
fn s3_storage_needs_its_bucket_and_credentials() {
    let found =
        problems(parse("[storage]\nbackend = \"s3\"\ns3_endpoint = \"http://127.0.0.1:9000\"\n", &[]));
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|f| f.contains("[storage] s3_bucket")));
}

#[test]
fn secrets_do_not_show_in_debug_output() {
    let config =
        parse("", &[("KOERS_MAIL_SMTP_URL", "smtp://user:hunter2@mail")]).unwrap_or_else(|e| panic!("{e}"));
    assert!(!format!("{config:?}").contains("hunter2"));
}

#[test]
fn invalid_toml_is_reported_with_the_file_name() {
    let found = problems(parse("[site\n", &[]));
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("Leptos.toml: is not valid TOML"), "{}", found[0]);
}
