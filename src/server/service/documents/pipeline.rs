//! A document's way into the object store and back out (issue 10).
//!
//! In: its kind is told from its first bytes before anything is stored;
//! then it is sealed chunk by chunk (`crypto::file_stream`) and written in
//! parts, its size counted against the limit as it comes. Memory holds a
//! few parts, whatever the file's size. A file refused or cut off on the
//! way leaves nothing in the store.
//!
//! Out: the object is read and opened piece by piece; a piece that does
//! not open ends the stream with an error, so a download breaks off
//! rather than end as if complete.

use bytes::Bytes;
use futures::stream::{BoxStream, Stream, StreamExt};

use super::kinds::{FileKind, SNIFF_LEN};
use crate::domain::AppError;
use crate::domain::validation::Problem;
use crate::server::crypto::file_stream::{FileKey, Opener, Sealer};
use crate::server::storage::{ObjectWriter, Storage, StorageError};

/// What was stored: the file's kind and its own size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    pub kind: FileKind,
    pub size: u64,
}

/// Seals `body` into the object `object` under `key`, bound to
/// `associated`; refuses a file of a kind not on the list, an empty one,
/// or one over `limit` bytes.
pub async fn store<S, E>(
    storage: &Storage,
    object: &str,
    (key, associated): (&FileKey, &[u8]),
    mut body: S,
    limit: u64,
) -> Result<Stored, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let head = first_bytes(&mut body).await?;
    if head.is_empty() {
        return Err(AppError::invalid("file", Problem::EmptyFile));
    }
    let kind = FileKind::of(&head[..head.len().min(SNIFF_LEN)])
        .ok_or_else(|| AppError::invalid("file", Problem::FileTypeNotAllowed))?;
    let mut writer = storage.writer(object).await.map_err(store_failed)?;
    let mut sealer = Sealer::new(key, associated);
    let mut size = 0;
    let written = async {
        seal_piece(&mut writer, &mut sealer, &mut size, limit, Ok::<_, E>(Bytes::from(head))).await?;
        while let Some(piece) = body.next().await {
            seal_piece(&mut writer, &mut sealer, &mut size, limit, piece).await?;
        }
        let last = sealer.finish().map_err(|_| AppError::Internal)?;
        writer.write(last).await.map_err(store_failed)
    }
    .await;
    match written {
        Ok(()) => {
            writer.finish().await.map_err(store_failed)?;
            Ok(Stored { kind, size })
        }
        Err(error) => {
            if let Err(abort) = writer.abort().await {
                tracing::warn!(%abort, object, "giving up a document's upload failed");
            }
            Err(error)
        }
    }
}

/// At least the first [`SNIFF_LEN`] bytes of `body`, or all of a shorter file.
async fn first_bytes<S, E>(body: &mut S) -> Result<Vec<u8>, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let mut head = Vec::with_capacity(SNIFF_LEN);
    while head.len() < SNIFF_LEN {
        match body.next().await {
            Some(piece) => head.extend_from_slice(&piece.map_err(interrupted)?),
            None => break,
        }
    }
    Ok(head)
}

async fn seal_piece<E: std::fmt::Display>(
    writer: &mut ObjectWriter,
    sealer: &mut Sealer,
    size: &mut u64,
    limit: u64,
    piece: Result<Bytes, E>,
) -> Result<(), AppError> {
    let piece = piece.map_err(interrupted)?;
    *size += piece.len() as u64;
    if *size > limit {
        return Err(AppError::invalid(
            "file",
            Problem::FileTooLarge { max_megabytes: limit / (1024 * 1024) },
        ));
    }
    let sealed = sealer.push(&piece).map_err(|_| AppError::Internal)?;
    if sealed.is_empty() {
        return Ok(());
    }
    writer.write(sealed).await.map_err(store_failed)
}

/// The file in the object `object`, opened as it streams in.
pub async fn open(
    storage: &Storage,
    object: &str,
    (key, associated): (FileKey, &[u8]),
) -> Result<BoxStream<'static, Result<Bytes, std::io::Error>>, AppError> {
    let source = storage.read(object).await.map_err(|error| match error {
        StorageError::NotFound => AppError::NotFound,
        other => store_failed(other),
    })?;
    let reading = Reading { source, opener: Some(Opener::new(key, associated)) };
    // Fused: whoever polls again after the end (a compressing layer does)
    // keeps hearing the end.
    Ok(futures::stream::unfold(Some(reading), next_plain).fuse().boxed())
}

struct Reading {
    source: BoxStream<'static, Result<Bytes, StorageError>>,
    /// Taken when the last piece is opened.
    opener: Option<Opener>,
}

async fn next_plain(state: Option<Reading>) -> Option<(Result<Bytes, std::io::Error>, Option<Reading>)> {
    let mut reading = state?;
    loop {
        let plain = match reading.source.next().await {
            Some(Ok(sealed)) => reading.opener.as_mut()?.push(&sealed),
            Some(Err(error)) => return Some((Err(std::io::Error::other(error)), None)),
            None => {
                let opened = reading.opener.take()?.finish();
                return Some((opened.map(Bytes::from).map_err(|_| unreadable()), None));
            }
        };
        match plain {
            Ok(plain) if plain.is_empty() => continue,
            Ok(plain) => return Some((Ok(Bytes::from(plain)), Some(reading))),
            Err(_) => return Some((Err(unreadable()), None)),
        }
    }
}

fn unreadable() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, "a stored document does not open with its key")
}

fn interrupted(error: impl std::fmt::Display) -> AppError {
    tracing::info!(%error, "an upload broke off");
    AppError::invalid("file", Problem::UploadInterrupted)
}

fn store_failed(error: StorageError) -> AppError {
    tracing::error!(%error, "the object store failed");
    AppError::Internal
}
