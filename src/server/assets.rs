//! Compressed copies of the static site's hashed files (`/pkg`), made once
//! per build instead of once per request: `name.br` and `name.gz` beside
//! each file, which the static file service sends to browsers that accept
//! them. Made in the background at start-up, so starting is not delayed;
//! until a copy exists the file is sent as it is.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Brotli quality and gzip level: close to the best sizes at a fraction of
/// the time of the maximum settings.
const BROTLI_QUALITY: u32 = 9;
const GZIP_LEVEL: u32 = 9;

pub fn precompress_in_background(site_root: PathBuf) {
    tokio::task::spawn_blocking(move || precompress_all(&site_root));
}

/// Writes the missing compressed copies of `/pkg` (`koers precompress`).
pub fn precompress_all(site_root: &Path) {
    let pkg = site_root.join("pkg");
    let Ok(entries) = std::fs::read_dir(&pkg) else { return };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if is_compressible(&path)
            && let Err(error) = precompress(&path)
        {
            tracing::warn!(file = %path.display(), %error, "could not precompress");
        }
    }
}

fn is_compressible(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css"))
}

/// Writes `.br` and `.gz` copies unless up-to-date ones exist (the names are
/// hashed, so an existing copy is of the same content).
fn precompress(path: &Path) -> std::io::Result<()> {
    let content = std::fs::read(path)?;
    let br = with_suffix(path, "br");
    if !br.exists() {
        let mut out = Vec::with_capacity(content.len() / 4);
        {
            let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, 22);
            writer.write_all(&content)?;
        }
        write_atomically(&br, &out)?;
    }
    let gz = with_suffix(path, "gz");
    if !gz.exists() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
        encoder.write_all(&content)?;
        write_atomically(&gz, &encoder.finish()?)?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Written under a temporary name and renamed, so a half-written copy is never served.
fn write_atomically(path: &Path, content: &[u8]) -> std::io::Result<()> {
    let partial = with_suffix(path, "partial");
    std::fs::write(&partial, content)?;
    std::fs::rename(partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_made_once_and_decompress_to_the_original() {
        let directory = std::env::temp_dir().join(format!("koers-assets-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&directory).expect("directory");
        let file = directory.join("koers.abc123.js");
        let content = "export function hydrate() {}\n".repeat(200);
        std::fs::write(&file, &content).expect("file");
        precompress(&file).expect("compressed");

        let gz = std::fs::read(with_suffix(&file, "gz")).expect("gz");
        let mut unzipped = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz.as_slice()), &mut unzipped)
            .expect("gunzip");
        assert_eq!(unzipped, content);
        let br = std::fs::read(with_suffix(&file, "br")).expect("br");
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut unbrotli).expect("unbrotli");
        assert_eq!(unbrotli, content.as_bytes());
        assert!(br.len() < content.len() / 10);
        assert!(!is_compressible(&with_suffix(&file, "br")), "copies are not compressed again");
        std::fs::remove_dir_all(directory).ok();
    }
}
