//! The backup file: a zip sealed in chunks under the key-encryption key.
//! Each chunk is AES-256-GCM with the chunk's number and whether it is the
//! last as associated data, so chunks cannot be reordered, swapped between
//! files or cut off unnoticed; memory holds one chunk, whatever the size.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use crate::server::config::KeyEncryptionKey;
use crate::server::crypto::{open_under_kek, seal_under_kek};

const MAGIC: &[u8; 8] = b"KOERSBK1";
const CHUNK: usize = 1 << 20;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not a Koers backup, or not sealed under this key-encryption key")]
    Unreadable,
}

fn context(index: u64, last: bool) -> String {
    format!("backup/{index}/{}", if last { "last" } else { "more" })
}

/// Seals the file at `plain` into `sealed`.
pub fn seal_file(kek: &KeyEncryptionKey, plain: &Path, sealed: &Path) -> Result<(), SealError> {
    let mut input = BufReader::new(File::open(plain)?);
    let mut output = BufWriter::new(File::create(sealed)?);
    output.write_all(MAGIC)?;
    let mut current = read_chunk(&mut input)?;
    let mut index = 0u64;
    loop {
        let next = read_chunk(&mut input)?;
        let last = next.is_empty();
        let chunk = seal_under_kek(kek, &context(index, last), &current);
        output.write_all(&u32::try_from(chunk.len()).map_err(|_| SealError::Unreadable)?.to_be_bytes())?;
        output.write_all(&chunk)?;
        if last {
            break;
        }
        (current, index) = (next, index + 1);
    }
    output.flush()?;
    Ok(())
}

/// Opens the sealed file at `sealed` into `plain`.
pub fn open_file(kek: &KeyEncryptionKey, sealed: &Path, plain: &Path) -> Result<(), SealError> {
    let mut input = BufReader::new(File::open(sealed)?);
    let mut magic = [0u8; 8];
    input.read_exact(&mut magic).map_err(|_| SealError::Unreadable)?;
    if &magic != MAGIC {
        return Err(SealError::Unreadable);
    }
    let mut output = BufWriter::new(File::create(plain)?);
    let mut index = 0u64;
    let mut length = [0u8; 4];
    loop {
        input.read_exact(&mut length).map_err(|_| SealError::Unreadable)?;
        let mut chunk = vec![0u8; u32::from_be_bytes(length) as usize];
        input.read_exact(&mut chunk).map_err(|_| SealError::Unreadable)?;
        // The last chunk says so in its associated data; a file cut off
        // after any other chunk fails to open here.
        if let Ok(opened) = open_under_kek(kek, &context(index, true), &chunk) {
            output.write_all(&opened)?;
            break;
        }
        let opened =
            open_under_kek(kek, &context(index, false), &chunk).map_err(|_| SealError::Unreadable)?;
        output.write_all(&opened)?;
        index += 1;
    }
    output.flush()?;
    Ok(())
}

fn read_chunk(input: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    input.take(CHUNK as u64).read_to_end(&mut chunk)?;
    Ok(chunk)
}
