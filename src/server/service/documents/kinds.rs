//! Which files Koers keeps, told by their first bytes, never by their name
//! (issue 10): a program renamed to `.pdf` is still a program. The list is
//! short on purpose — what certificates, plans and signed evaluations come
//! as — and every kind is one a browser shows or an office suite opens.

/// How many leading bytes [`FileKind::of`] looks at.
pub const SNIFF_LEN: usize = 8 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Docx,
    Xlsx,
    Text,
}

impl FileKind {
    /// The kind of a file starting with `head` (its first [`SNIFF_LEN`]
    /// bytes, or all of a shorter file); none when it is not on the list.
    pub fn of(head: &[u8]) -> Option<FileKind> {
        let starts = |magic: &[u8]| head.starts_with(magic);
        if starts(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if starts(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if starts(b"\xff\xd8\xff") {
            Some(FileKind::Jpeg)
        } else if starts(b"GIF87a") || starts(b"GIF89a") {
            Some(FileKind::Gif)
        } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
            Some(FileKind::Webp)
        } else if starts(b"PK\x03\x04") {
            office_kind(head)
        } else if is_text(head) {
            Some(FileKind::Text)
        } else {
            None
        }
    }

    pub const fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Text => "text/plain; charset=utf-8",
        }
    }

    pub fn from_media_type(media_type: &str) -> Option<FileKind> {
        FileKind::ALL.iter().copied().find(|kind| kind.media_type() == media_type)
    }

    /// The names files of this kind usually end in, for the file picker to
    /// offer (the server still tells the kind by content).
    pub const fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &[".pdf"],
            FileKind::Png => &[".png"],
            FileKind::Jpeg => &[".jpg", ".jpeg"],
            FileKind::Gif => &[".gif"],
            FileKind::Webp => &[".webp"],
            FileKind::Docx => &[".docx"],
            FileKind::Xlsx => &[".xlsx"],
            FileKind::Text => &[".txt", ".csv", ".md"],
        }
    }

    /// Whether a browser can show it in the page (images and PDF).
    pub const fn previewable(self) -> bool {
        matches!(self, FileKind::Pdf | FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp)
    }

    pub const ALL: &'static [FileKind] = &[
        FileKind::Pdf,
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
        FileKind::Docx,
        FileKind::Xlsx,
        FileKind::Text,
    ];
}

/// A Word or Excel file by the names of the entries at the zip's start
/// (`word/…` or `xl/…`); any other zip is not on the list.
fn office_kind(head: &[u8]) -> Option<FileKind> {
    let mut at = 0;
    // Local file headers: signature, fixed fields, then name and extra field.
    while head.get(at..at + 4) == Some(b"PK\x03\x04") {
        let field = |offset: usize| -> Option<usize> {
            let bytes = head.get(at + offset..at + offset + 2)?;
            Some(usize::from(u16::from_le_bytes([bytes[0], bytes[1]])))
        };
        let (name_len, extra_len) = (field(26)?, field(28)?);
        let name = head.get(at + 30..at + 30 + name_len)?;
        if name.starts_with(b"word/") {
            return Some(FileKind::Docx);
        }
        if name.starts_with(b"xl/") {
            return Some(FileKind::Xlsx);
        }
        let flags = field(6)?;
        let compressed = head.get(at + 18..at + 22)?;
        let compressed = u32::from_le_bytes([compressed[0], compressed[1], compressed[2], compressed[3]]);
        // With a data descriptor the size comes after the data: stop here.
        if flags & 0x08 != 0 {
            return None;
        }
        at += 30 + name_len + extra_len + usize::try_from(compressed).ok()?;
    }
    None
}

/// UTF-8 text without control characters other than tab and line breaks
/// (a multi-byte character cut off at the end of `head` is fine).
fn is_text(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(error) if error.error_len().is_none() && head.len() >= SNIFF_LEN => {
            std::str::from_utf8(&head[..error.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    text.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip whose first entries are named `names`, stored uncompressed.
    fn zip_with(names: &[&str]) -> Vec<u8> {
        let mut zip = Vec::new();
        for name in names {
            let content = b"<xml/>";
            zip.extend_from_slice(b"PK\x03\x04");
            zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            zip.extend_from_slice(&u32::try_from(content.len()).expect("small").to_le_bytes());
            zip.extend_from_slice(&u32::try_from(content.len()).expect("small").to_le_bytes());
            zip.extend_from_slice(&u16::try_from(name.len()).expect("short").to_le_bytes());
            zip.extend_from_slice(&[0, 0]);
            zip.extend_from_slice(name.as_bytes());
            zip.extend_from_slice(content);
        }
        zip
    }

    #[test]
    fn files_are_known_by_their_first_bytes() {
        assert_eq!(FileKind::of(b"%PDF-1.7\n%\xe2\xe3"), Some(FileKind::Pdf));
        assert_eq!(FileKind::of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
        assert_eq!(FileKind::of(b"\xff\xd8\xff\xe0\0\x10JFIF"), Some(FileKind::Jpeg));
        assert_eq!(FileKind::of(b"GIF89a\x01\0\x01\0"), Some(FileKind::Gif));
        assert_eq!(FileKind::of(b"RIFF\x24\0\0\0WEBPVP8 "), Some(FileKind::Webp));
        assert_eq!(FileKind::of("Cursus afgerond — 12 mei\r\n".as_bytes()), Some(FileKind::Text));
    }

    #[test]
    fn a_program_or_an_unknown_zip_is_refused_whatever_it_is_called() {
        assert_eq!(FileKind::of(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"), None, "a Windows program");
        assert_eq!(FileKind::of(b"\x7fELF\x02\x01\x01"), None, "a Linux program");
        assert_eq!(FileKind::of(&zip_with(&["setup.exe"])), None);
        assert_eq!(FileKind::of(b"text with a \0 in it"), None);
        assert_eq!(FileKind::of(b""), None, "an empty file");
    }

    #[test]
    fn word_and_excel_are_told_apart_by_their_entries() {
        assert_eq!(
            FileKind::of(&zip_with(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"])),
            Some(FileKind::Docx)
        );
        assert_eq!(
            FileKind::of(&zip_with(&["[Content_Types].xml", "docProps/app.xml", "xl/workbook.xml"])),
            Some(FileKind::Xlsx)
        );
    }

    #[test]
    fn text_cut_inside_a_character_at_the_end_of_the_head_is_still_text() {
        let mut head = format!("a{}", "é".repeat(SNIFF_LEN / 2)).into_bytes();
        head.truncate(SNIFF_LEN);
        assert_eq!(head.last(), Some(&0xc3), "the first byte of an é");
        assert_eq!(FileKind::of(&head), Some(FileKind::Text));
        assert_eq!(FileKind::of(&head[..101]), Some(FileKind::Text), "whole characters");
    }
}
