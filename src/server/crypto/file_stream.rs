//! Files sealed as a stream (issue 10, DPA 5.A): a document is encrypted
//! chunk by chunk on its way to the object store and opened chunk by chunk
//! on its way out, so neither needs the whole file in memory.
//!
//! Each file has its own random key, kept sealed under the organisation's
//! data key in the document's row: destroying the organisation's key
//! shreds its files too. The stored object is a header (`KOERSF01` and a
//! random 7-byte nonce prefix) followed by chunks of [`CHUNK`] bytes, each
//! with its 16-byte tag, sealed with AES-256-GCM in the STREAM construction
//! (a counter and a last-chunk flag in every nonce): chunks cannot be
//! reordered, dropped or cut off at the end without opening failing.

use aes_gcm::aead::stream::{DecryptorBE32, EncryptorBE32};
use aes_gcm::aead::{KeyInit, OsRng, Payload, rand_core::RngCore};
use aes_gcm::{Aes256Gcm, Key};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::keys::KeyError;
use super::tenant_cipher::{Purpose, TenantCipher};

/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const MAGIC: &[u8; 8] = b"KOERSF01";
const PREFIX: usize = 7;
const HEADER: usize = MAGIC.len() + PREFIX;

/// One file's key. Never printed, serialised or left in memory.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct FileKey([u8; 32]);

impl FileKey {
    pub fn generate() -> FileKey {
        let mut key = [0; 32];
        OsRng.fill_bytes(&mut key);
        FileKey(key)
    }

    /// The key sealed under the organisation's data key, for the record `record`.
    pub fn seal(&self, cipher: &TenantCipher, record: &str) -> Vec<u8> {
        cipher.seal(Purpose::Document, record, &self.0)
    }

    pub fn open(cipher: &TenantCipher, record: &str, sealed: &[u8]) -> Result<FileKey, KeyError> {
        let mut plain = cipher.open(Purpose::Document, record, sealed)?;
        let key = <[u8; 32]>::try_from(plain.as_slice()).map(FileKey).map_err(|_| KeyError::Undecryptable);
        plain.zeroize();
        key
    }

    fn aead(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.0))
    }
}

/// How many bytes a file of `plain` bytes takes once sealed.
pub fn sealed_len(plain: u64) -> u64 {
    let chunk = CHUNK as u64;
    HEADER as u64 + plain + (plain / chunk + 1) * TAG as u64
}

/// Seals a file pushed to it in pieces of any size.
pub struct Sealer {
    encryptor: EncryptorBE32<Aes256Gcm>,
    associated: Vec<u8>,
    header: Option<Vec<u8>>,
    pending: Vec<u8>,
}

impl Sealer {
    /// `associated` binds the file to its record: the same bytes must be
    /// given to open it.
    pub fn new(key: &FileKey, associated: &[u8]) -> Sealer {
        let mut prefix = [0u8; PREFIX];
        OsRng.fill_bytes(&mut prefix);
        let mut header = MAGIC.to_vec();
        header.extend_from_slice(&prefix);
        Sealer {
            encryptor: EncryptorBE32::from_aead(key.aead(), (&prefix).into()),
            associated: associated.to_vec(),
            header: Some(header),
            pending: Vec::with_capacity(CHUNK),
        }
    }

    /// What can be stored of the file so far: the header first, then every
    /// chunk completed by `plain`.
    pub fn push(&mut self, mut plain: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut out = self.header.take().unwrap_or_default();
        while !plain.is_empty() {
            let take = (CHUNK - self.pending.len()).min(plain.len());
            self.pending.extend_from_slice(&plain[..take]);
            plain = &plain[take..];
            if self.pending.len() == CHUNK {
                let payload = Payload { msg: &self.pending, aad: &self.associated };
                out.extend(self.encryptor.encrypt_next(payload).map_err(|_| KeyError::Undecryptable)?);
                self.pending.zeroize();
                self.pending.clear();
            }
        }
        Ok(out)
    }

    /// The rest of the file: the last, possibly empty, chunk.
    pub fn finish(mut self) -> Result<Vec<u8>, KeyError> {
        let mut out = self.header.take().unwrap_or_default();
        let payload = Payload { msg: &self.pending, aad: &self.associated };
        out.extend(self.encryptor.encrypt_last(payload).map_err(|_| KeyError::Undecryptable)?);
        self.pending.zeroize();
        Ok(out)
    }
}

/// Opens a sealed file pushed to it in pieces of any size. Until
/// [`Opener::finish`] succeeds, what came out is not known to be the whole
/// file: a caller streaming it on must break off on an error.
pub struct Opener {
    key: FileKey,
    associated: Vec<u8>,
    decryptor: Option<DecryptorBE32<Aes256Gcm>>,
    pending: Vec<u8>,
}

impl Opener {
    pub fn new(key: FileKey, associated: &[u8]) -> Opener {
        Opener { key, associated: associated.to_vec(), decryptor: None, pending: Vec::new() }
    }

    /// The plaintext of every chunk that `sealed` completes, except one held
    /// back until it is known whether it is the last.
    pub fn push(&mut self, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.pending.extend_from_slice(sealed);
        if self.decryptor.is_none() {
            if self.pending.len() < HEADER {
                return Ok(Vec::new());
            }
            let header: Vec<u8> = self.pending.drain(..HEADER).collect();
            if &header[..MAGIC.len()] != MAGIC {
                return Err(KeyError::Undecryptable);
            }
            let prefix =
                <[u8; PREFIX]>::try_from(&header[MAGIC.len()..]).map_err(|_| KeyError::Undecryptable)?;
            self.decryptor = Some(DecryptorBE32::from_aead(self.key.aead(), (&prefix).into()));
        }
        let Some(decryptor) = self.decryptor.as_mut() else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        // A full chunk with more behind it cannot be the last.
        let mut start = 0;
        while self.pending.len() - start > CHUNK + TAG {
            let chunk = &self.pending[start..start + CHUNK + TAG];
            let payload = Payload { msg: chunk, aad: &self.associated };
            out.extend(decryptor.decrypt_next(payload).map_err(|_| KeyError::Undecryptable)?);
            start += CHUNK + TAG;
        }
        self.pending.drain(..start);
        Ok(out)
    }

    /// The last chunk's plaintext, once it opens as the last: the file is whole.
    pub fn finish(self) -> Result<Vec<u8>, KeyError> {
        let decryptor = self.decryptor.ok_or(KeyError::Undecryptable)?;
        if self.pending.len() < TAG || self.pending.len() >= CHUNK + TAG {
            return Err(KeyError::Undecryptable);
        }
        let payload = Payload { msg: &self.pending, aad: &self.associated };
        decryptor.decrypt_last(payload).map_err(|_| KeyError::Undecryptable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> FileKey {
        FileKey([7; 32])
    }

    /// Seals `plain` pushed in pieces of `piece` bytes.
    fn seal(plain: &[u8], piece: usize) -> Vec<u8> {
        let mut sealer = Sealer::new(&key(), b"doc-1");
        let mut out = Vec::new();
        for part in plain.chunks(piece.max(1)) {
            out.extend(sealer.push(part).expect("sealed"));
        }
        out.extend(sealer.finish().expect("sealed"));
        out
    }

    fn open(sealed: &[u8], piece: usize, associated: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut opener = Opener::new(key(), associated);
        let mut out = Vec::new();
        for part in sealed.chunks(piece.max(1)) {
            out.extend(opener.push(part)?);
        }
        out.extend(opener.finish()?);
        Ok(out)
    }

    #[test]
    fn files_of_every_awkward_size_come_back_whole_in_any_pieces() {
        for size in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17] {
            let plain: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            for piece in [1000, CHUNK, CHUNK + TAG + 1, 5 * CHUNK] {
                let sealed = seal(&plain, piece);
                assert_eq!(sealed.len() as u64, sealed_len(size as u64), "size {size}");
                assert_eq!(
                    open(&sealed, piece + 3, b"doc-1").expect("opens"),
                    plain,
                    "size {size}, pieces {piece}"
                );
            }
        }
    }

    #[test]
    fn the_stored_bytes_are_not_the_file() {
        let plain = b"%PDF-1.7 certificate of Dewi Visser".repeat(100);
        let sealed = seal(&plain, 4096);
        assert!(!sealed.windows(20).any(|window| plain.windows(20).any(|p| p == window)));
    }

    #[test]
    fn a_file_cut_short_changed_or_moved_to_another_record_does_not_open() {
        let plain: Vec<u8> = (0..3 * CHUNK + 5).map(|i| (i % 7) as u8).collect();
        let sealed = seal(&plain, CHUNK);
        let cut_at_a_chunk = &sealed[..HEADER + 2 * (CHUNK + TAG)];
        assert_eq!(open(cut_at_a_chunk, 4096, b"doc-1"), Err(KeyError::Undecryptable));
        assert_eq!(open(&sealed[..sealed.len() - 1], 4096, b"doc-1"), Err(KeyError::Undecryptable));
        let mut changed = sealed.clone();
        changed[HEADER + 10] ^= 1;
        assert_eq!(open(&changed, 4096, b"doc-1"), Err(KeyError::Undecryptable));
        assert_eq!(open(&sealed, 4096, b"doc-2"), Err(KeyError::Undecryptable));
        assert_eq!(open(b"not a sealed file at all", 4096, b"doc-1"), Err(KeyError::Undecryptable));
    }
}
