//! Where the bytes of documents live (issue 10, PRODUCT.md §3.6): an
//! object store reached through the `object_store` API — a local
//! directory by default, any S3-compatible service in production
//! (`[storage]` in Leptos.toml). Only sealed bytes are ever handed to it
//! (`crypto::file_stream`), so neither the directory nor the provider
//! holds a readable file (DPA 5.A).
//!
//! Writing streams: a file goes up in parts of [`PART`] bytes, the next
//! part waiting while [`PARTS_IN_FLIGHT`] are still on their way, so
//! memory stays bounded whatever the file's size. A write that is not
//! finished is aborted and leaves nothing behind.

use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::stream::{BoxStream, StreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};

use super::config::StorageConfig;

/// Bytes per uploaded part: S3's smallest part but the last.
pub const PART: usize = 5 * 1024 * 1024;
/// Parts on their way at once, per file.
pub const PARTS_IN_FLIGHT: usize = 2;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("the object store cannot be reached or refused: {0}")]
    Store(#[from] object_store::Error),
    #[error("the storage directory {0} cannot be created: {1}")]
    Directory(std::path::PathBuf, std::io::Error),
    #[error("no such object")]
    NotFound,
}

/// The object store of the installation.
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// In tests: counts the bytes of every part once the store has it.
    #[cfg(test)]
    pub(crate) stored_parts: Option<Arc<std::sync::atomic::AtomicU64>>,
}

impl Storage {
    pub fn from_config(config: &StorageConfig) -> Result<Storage, StorageError> {
        let store: Arc<dyn ObjectStore> = match config {
            StorageConfig::Local { directory } => {
                std::fs::create_dir_all(directory)
                    .map_err(|error| StorageError::Directory(directory.clone(), error))?;
                Arc::new(LocalFileSystem::new_with_prefix(directory)?)
            }
            StorageConfig::S3(s3) => Arc::new(
                AmazonS3Builder::new()
                    .with_endpoint(&s3.endpoint)
                    .with_allow_http(s3.endpoint.starts_with("http://"))
                    .with_virtual_hosted_style_request(false)
                    .with_region(&s3.region)
                    .with_bucket_name(&s3.bucket)
                    .with_access_key_id(&s3.access_key_id)
                    .with_secret_access_key(s3.secret_access_key.expose())
                    .build()?,
            ),
        };
        Ok(Storage {
            store,
            #[cfg(test)]
            stored_parts: None,
        })
    }

    /// Starts writing the object at `key`.
    pub async fn writer(&self, key: &str) -> Result<ObjectWriter, StorageError> {
        let upload = self.store.put_multipart(&Path::from(key)).await?;
        #[cfg(test)]
        let upload = match &self.stored_parts {
            Some(count) => Box::new(tests::Counted { upload, count: count.clone() }),
            None => upload,
        };
        Ok(ObjectWriter { parts: WriteMultipart::new_with_chunk_size(upload, PART) })
    }

    /// The object at `key`, as it streams in.
    pub async fn read(
        &self,
        key: &str,
    ) -> Result<BoxStream<'static, Result<Bytes, StorageError>>, StorageError> {
        match self.store.get(&Path::from(key)).await {
            Ok(found) => Ok(found.into_stream().map(|part| part.map_err(StorageError::from)).boxed()),
            Err(object_store::Error::NotFound { .. }) => Err(StorageError::NotFound),
            Err(error) => Err(error.into()),
        }
    }

    /// Whether an object is stored at `key`.
    pub async fn exists(&self, key: &str) -> Result<bool, StorageError> {
        match self.store.head(&Path::from(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// Every object in the store, with when it was written, as the listing
    /// comes in.
    pub fn list(&self) -> BoxStream<'static, Result<(String, DateTime<Utc>), StorageError>> {
        self.store
            .list(None)
            .map(|listed| {
                listed.map(|meta| (meta.location.to_string(), meta.last_modified)).map_err(StorageError::from)
            })
            .boxed()
    }

    /// Removes every object whose key starts with the folder `prefix`
    /// (`{org}`: all of an organisation's files); says how many went.
    pub async fn delete_all_under(&self, prefix: &str) -> Result<usize, StorageError> {
        let mut listed = self.store.list(Some(&Path::from(prefix)));
        let mut found = Vec::new();
        while let Some(object) = listed.next().await {
            found.push(object?.location);
        }
        for location in &found {
            self.delete(location.as_ref()).await?;
        }
        Ok(found.len())
    }

    /// Removes the object at `key`; one already gone is fine.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }
}

/// An object being written; nothing is stored until [`ObjectWriter::finish`].
pub struct ObjectWriter {
    parts: WriteMultipart,
}

impl ObjectWriter {
    /// Adds bytes, first waiting while enough parts are on their way.
    pub async fn write(&mut self, bytes: Vec<u8>) -> Result<(), StorageError> {
        self.parts.wait_for_capacity(PARTS_IN_FLIGHT).await?;
        self.parts.put(Bytes::from(bytes));
        Ok(())
    }

    pub async fn finish(self) -> Result<(), StorageError> {
        self.parts.finish().await.map(|_| ()).map_err(StorageError::from)
    }

    /// Gives up: the parts sent so far are dropped and no object appears.
    pub async fn abort(self) -> Result<(), StorageError> {
        self.parts.abort().await.map_err(StorageError::from)
    }
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "Storage({})", self.store)
    }
}

#[cfg(test)]
mod tests;
