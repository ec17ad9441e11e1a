//! The object store on a local directory and on a real S3-compatible
//! server (moto): what is written in parts reads back whole, a write given
//! up leaves nothing, and a deleted object (or folder of them) is gone.

use std::sync::atomic::{AtomicU64, Ordering};

use futures::{FutureExt, StreamExt};
use object_store::{MultipartUpload, PutPayload, PutResult, UploadPart};

use super::*;
use crate::server::testing::S3Server;

/// An upload that counts each part's bytes once the store has them
/// (`Storage::stored_parts`), so a test can tell how much is still held
/// in memory on the way.
#[derive(Debug)]
pub(crate) struct Counted {
    pub(crate) upload: Box<dyn MultipartUpload>,
    pub(crate) count: Arc<AtomicU64>,
}

#[async_trait::async_trait]
impl MultipartUpload for Counted {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        let (count, bytes) = (self.count.clone(), data.content_length() as u64);
        self.upload
            .put_part(data)
            .map(move |stored| {
                count.fetch_add(bytes, Ordering::SeqCst);
                stored
            })
            .boxed()
    }

    async fn complete(&mut self) -> object_store::Result<PutResult> {
        self.upload.complete().await
    }

    async fn abort(&mut self) -> object_store::Result<()> {
        self.upload.abort().await
    }
}

/// Three parts: two full ones and a short last one.
fn twelve_megabytes() -> Vec<u8> {
    (0..12 * 1024 * 1024).map(|i: usize| (i % 253) as u8).collect()
}

async fn read_all(storage: &Storage, key: &str) -> Vec<u8> {
    let mut stream = storage.read(key).await.expect("stored");
    let mut out = Vec::new();
    while let Some(part) = stream.next().await {
        out.extend_from_slice(&part.expect("a part"));
    }
    out
}

async fn writes_reads_aborts_and_deletes(storage: Storage) {
    let content = twelve_megabytes();
    let mut writer = storage.writer("org/1/documents/a").await.expect("writing");
    for piece in content.chunks(700 * 1024) {
        writer.write(piece.to_vec()).await.expect("written");
    }
    writer.finish().await.expect("finished");
    assert!(storage.exists("org/1/documents/a").await.expect("head"));
    assert_eq!(read_all(&storage, "org/1/documents/a").await, content);

    let mut given_up = storage.writer("org/1/documents/b").await.expect("writing");
    given_up.write(content[..PART + 1].to_vec()).await.expect("written");
    given_up.abort().await.expect("aborted");
    assert!(!storage.exists("org/1/documents/b").await.expect("head"), "nothing left behind");

    storage.delete("org/1/documents/a").await.expect("deleted");
    assert!(!storage.exists("org/1/documents/a").await.expect("head"));
    assert!(matches!(storage.read("org/1/documents/a").await, Err(StorageError::NotFound)));
    storage.delete("org/1/documents/a").await.expect("deleting twice is fine");

    // An organisation's destruction: everything under its folder goes,
    // another's (whose name starts the same) stays.
    for key in ["org/1/documents/c", "org/1/documents/d", "org/10/documents/e"] {
        let mut writer = storage.writer(key).await.expect("writing");
        writer.write(b"sealed".to_vec()).await.expect("written");
        writer.finish().await.expect("finished");
    }
    assert_eq!(storage.delete_all_under("org/1").await.expect("deleted"), 2);
    assert!(!storage.exists("org/1/documents/c").await.expect("head"));
    assert!(storage.exists("org/10/documents/e").await.expect("head"));
}

#[tokio::test]
async fn a_local_directory_stores_objects() {
    let directory = std::env::temp_dir().join(format!("koers-storage-{}", uuid::Uuid::new_v4()));
    let storage =
        Storage::from_config(&StorageConfig::Local { directory: directory.join("files") }).expect("store");
    writes_reads_aborts_and_deletes(storage).await;
    std::fs::remove_dir_all(directory).ok();
}

#[tokio::test]
async fn an_s3_compatible_server_stores_objects() {
    let server = S3Server::start().await;
    let storage = Storage::from_config(&server.config()).expect("store");
    writes_reads_aborts_and_deletes(storage).await;
}
