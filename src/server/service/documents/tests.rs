//! A document's way into the object store and back, on a local directory
//! and on a real S3-compatible server (moto): what is stored is sealed and
//! opens back whole; a program dressed up as a PDF, an empty file, a file
//! over the limit and an upload cut off are refused and leave nothing; a
//! file of 200 MB streams through holding a few parts, never the file.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use futures::StreamExt;

use super::kinds::FileKind;
use super::pipeline::{Stored, open, store};
use crate::domain::AppError;
use crate::domain::validation::Problem;
use crate::server::crypto::file_stream::CHUNK;
use crate::server::crypto::file_stream::FileKey;
use crate::server::storage::{PART, PARTS_IN_FLIGHT, Storage};
use crate::server::testing::{S3Server, local_storage};

const OBJECT: &str = "org/documents/certificate";
const RECORD: &[u8] = b"koers-document-v1|org|certificate";

/// A PDF of `size` bytes, arriving in pieces of 100 000 bytes.
fn pdf(size: usize) -> Vec<Result<Bytes, std::io::Error>> {
    let mut content = b"%PDF-1.7\n".to_vec();
    content.extend((0..size - content.len()).map(|i| b"Certificaat BHV Dewi Visser "[i % 28]));
    content.chunks(100_000).map(|piece| Ok(Bytes::copy_from_slice(piece))).collect()
}

fn whole(pieces: &[Result<Bytes, std::io::Error>]) -> Vec<u8> {
    pieces.iter().flat_map(|piece| piece.as_ref().map(|b| b.to_vec()).unwrap_or_default()).collect()
}

async fn read_raw(storage: &Storage) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut stream = storage.read(OBJECT).await.expect("stored");
    while let Some(piece) = stream.next().await {
        raw.extend_from_slice(&piece.expect("a piece"));
    }
    raw
}

async fn refused(storage: &Storage, pieces: Vec<Result<Bytes, std::io::Error>>, limit: u64) -> Problem {
    let key = FileKey::generate();
    let outcome = store(storage, OBJECT, (&key, RECORD), futures::stream::iter(pieces), limit).await;
    assert!(!storage.exists(OBJECT).await.expect("head"), "a refused file leaves nothing");
    match outcome {
        Err(AppError::Invalid { errors }) => errors.into_iter().next().expect("a problem").problem,
        other => panic!("refused, not {other:?}"),
    }
}

async fn sealed_whole_and_refused_cleanly(storage: Storage) {
    let key = FileKey::generate();
    let pieces = pdf(3 * 1024 * 1024 + 7);
    let plain = whole(&pieces);
    let stored = store(&storage, OBJECT, (&key, RECORD), futures::stream::iter(pieces), 10 << 20)
        .await
        .expect("stored");
    assert_eq!(stored, Stored { kind: FileKind::Pdf, size: plain.len() as u64 });

    let raw = read_raw(&storage).await;
    assert!(
        !raw.windows(28).any(|window| window == b"Certificaat BHV Dewi Visser "),
        "stored sealed, not as the file"
    );
    let mut opened = Vec::new();
    let mut stream = open(&storage, OBJECT, (key, RECORD)).await.expect("opens");
    while let Some(piece) = stream.next().await {
        opened.extend_from_slice(&piece.expect("a piece"));
    }
    assert_eq!(opened, plain);
    assert!(stream.next().await.is_none(), "asked again after the end, the stream stays ended");
    let mut wrong = open(&storage, OBJECT, (FileKey::generate(), RECORD)).await.expect("the object is there");
    assert!(wrong.next().await.expect("a first piece").is_err(), "another key does not open it");
    storage.delete(OBJECT).await.expect("deleted");

    let program =
        vec![Ok(Bytes::from_static(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff program renamed to .pdf"))];
    assert_eq!(refused(&storage, program, 10 << 20).await, Problem::FileTypeNotAllowed);
    assert_eq!(refused(&storage, Vec::new(), 10 << 20).await, Problem::EmptyFile);
    assert_eq!(refused(&storage, pdf(3 << 20), 1 << 20).await, Problem::FileTooLarge { max_megabytes: 1 });
    // Cut off after a first part went up.
    let mut cut_off = pdf(8 << 20);
    cut_off.insert(70, Err(std::io::Error::other("the browser went away")));
    assert_eq!(refused(&storage, cut_off, 10 << 20).await, Problem::UploadInterrupted);
}

/// Streams a PDF of 200 MB in and out. On the way in, each piece is made
/// only when the pipeline asks for it, and notes how far the pipeline is
/// ahead of what the store has received: that is what it holds in memory.
async fn two_hundred_megabytes_stream_through_in_bounded_memory(mut storage: Storage) {
    const SIZE: u64 = 200 * 1024 * 1024;
    const PIECE: usize = 256 * 1024;
    let stored = Arc::new(AtomicU64::new(0));
    storage.stored_parts = Some(stored.clone());
    let most_held = Arc::new(AtomicU64::new(0));
    let body = futures::stream::iter(0..SIZE / PIECE as u64).map({
        let (stored, most_held) = (stored.clone(), most_held.clone());
        move |at| {
            let taken = at * PIECE as u64;
            most_held.fetch_max(taken.saturating_sub(stored.load(Ordering::SeqCst)), Ordering::SeqCst);
            let mut piece = vec![b'x'; PIECE];
            if at == 0 {
                piece[..9].copy_from_slice(b"%PDF-1.7\n");
            }
            Ok::<_, std::io::Error>(Bytes::from(piece))
        }
    });
    let key = FileKey::generate();
    let kept = store(&storage, OBJECT, (&key, RECORD), body, SIZE).await.expect("stored");
    assert_eq!(kept.size, SIZE);
    let bound = (PART * (1 + PARTS_IN_FLIGHT) + CHUNK + PIECE) as u64;
    let held = most_held.load(Ordering::SeqCst);
    assert!(held <= bound, "held {held} bytes on the way in; a few parts are {bound}, the file {SIZE}");

    // Out again, piece by piece, never whole.
    let all_x = vec![b'x'; CHUNK];
    let mut total = 0;
    let mut stream = open(&storage, OBJECT, (key, RECORD)).await.expect("opens");
    while let Some(piece) = stream.next().await {
        let piece = piece.expect("a piece");
        let body = if total == 0 { &piece[9..] } else { &piece[..] };
        // Compared a chunk at a time: a byte at a time is slow unoptimised.
        assert!(body.chunks(CHUNK).all(|part| part == &all_x[..part.len()]), "only the header is not an x");
        total += piece.len() as u64;
    }
    assert_eq!(total, SIZE, "the whole file");
    storage.delete(OBJECT).await.expect("deleted");
    assert!(!storage.exists(OBJECT).await.expect("head"), "gone from the store");
}

#[tokio::test]
async fn documents_go_sealed_into_a_local_directory() {
    sealed_whole_and_refused_cleanly(local_storage()).await;
    two_hundred_megabytes_stream_through_in_bounded_memory(local_storage()).await;
}

#[tokio::test]
async fn documents_go_sealed_into_an_s3_compatible_store() {
    let server = S3Server::start().await;
    let storage = Storage::from_config(&server.config()).expect("store");
    sealed_whole_and_refused_cleanly(storage.clone()).await;
    two_hundred_megabytes_stream_through_in_bounded_memory(storage).await;
}
