use super::*;
use crate::server::config::KeyEncryptionKey;

fn kek(byte: u8) -> KeyEncryptionKey {
    use base64::Engine as _;
    KeyEncryptionKey::from_base64(&base64::engine::general_purpose::STANDARD.encode([byte; 32]))
        .expect("valid key")
}

fn org() -> crate::domain::ids::OrgId {
    crate::domain::ids::OrgId(uuid::Uuid::new_v4())
}

#[test]
fn a_wrapped_key_opens_only_with_its_kek_and_organisation() {
    let (kek_a, org_a) = (kek(1), org());
    let wrapped = wrap_data_key(&kek_a, org_a, &DataKey::generate());
    assert!(unwrap_data_key(&kek_a, org_a, &wrapped).is_ok());
    assert!(matches!(unwrap_data_key(&kek(2), org_a, &wrapped), Err(KeyError::Undecryptable)));
    assert!(matches!(unwrap_data_key(&kek_a, org(), &wrapped), Err(KeyError::Undecryptable)));
}

#[test]
fn sealed_content_is_bound_to_its_kind_and_record() {
    let cipher = TenantCipher::new(org(), DataKey::generate());
    let sealed = cipher.seal_text(Purpose::PrivateNote, "note-7", "vertrouwelijk");
    assert_eq!(cipher.open_text(Purpose::PrivateNote, "note-7", &sealed), Ok("vertrouwelijk".into()));
    assert_eq!(cipher.open_text(Purpose::Feedback, "note-7", &sealed), Err(KeyError::Undecryptable));
    assert_eq!(cipher.open_text(Purpose::PrivateNote, "note-8", &sealed), Err(KeyError::Undecryptable));
}

#[test]
fn sealing_twice_gives_different_ciphertexts() {
    let cipher = TenantCipher::new(org(), DataKey::generate());
    let one = cipher.seal_text(Purpose::Feedback, "f", "same");
    let two = cipher.seal_text(Purpose::Feedback, "f", "same");
    assert_ne!(one, two, "a fresh nonce every time");
}

#[test]
fn tampered_or_truncated_ciphertext_does_not_open() {
    let cipher = TenantCipher::new(org(), DataKey::generate());
    let mut sealed = cipher.seal_text(Purpose::Document, "d", "inhoud");
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    assert_eq!(cipher.open(Purpose::Document, "d", &sealed), Err(KeyError::Undecryptable));
    assert_eq!(cipher.open(Purpose::Document, "d", &sealed[..5]), Err(KeyError::Undecryptable));
    assert_eq!(cipher.open(Purpose::Document, "d", &[]), Err(KeyError::Undecryptable));
}

#[test]
fn the_development_kek_is_created_once_and_kept_private() {
    let directory = std::env::temp_dir().join(format!("koers-kek-{}", uuid::Uuid::new_v4()));
    let first = load_or_create_development_kek(&directory).expect("created");
    let second = load_or_create_development_kek(&directory).expect("read back");
    assert_eq!(first, second);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(directory.join("development-key-encryption-key"))
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::remove_dir_all(directory).ok();
}
