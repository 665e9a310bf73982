//! Turning bytes into text. Strict by default: a file that is not UTF-8 is an error naming the
//! file, because silently replacing bytes would shift every offset a researcher audits. Callers
//! may opt into lossy decoding (bad bytes become U+FFFD). A UTF-8 byte order mark is kept as the
//! character U+FEFF, as Python's "utf-8" codec keeps it, so offsets agree with reading the file in
//! Python; normalisation skips it.

use std::path::Path;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decoding {
    /// Invalid UTF-8 is an error.
    #[default]
    Strict,
    /// Invalid bytes become U+FFFD.
    Lossy,
}

impl std::str::FromStr for Decoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Decoding> {
        match s {
            "strict" => Ok(Decoding::Strict),
            "lossy" | "replace" => Ok(Decoding::Lossy),
            other => Err(Error::Input(format!("decoding must be 'strict' or 'lossy', not {other:?}"))),
        }
    }
}

/// Decodes a file's bytes. NUL bytes mark a binary file, which is always an error.
pub fn decode_bytes(bytes: Vec<u8>, path: &Path, decoding: Decoding) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::Binary { path: path.to_path_buf() });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => match decoding {
            Decoding::Lossy => Ok(String::from_utf8_lossy(err.as_bytes()).into_owned()),
            Decoding::Strict => Err(Error::NotUtf8 { path: path.to_path_buf(), offset: err.utf8_error().valid_up_to() }),
        },
    }
}

/// Reads a file as Python's text mode does (`open(path, encoding="utf-8").read()`): UTF-8, with
/// universal newlines ("\r\n" and a lone "\r" become "\n"), so that offsets into the text agree
/// with what a researcher, or an evaluation, reads from the same file in Python.
pub fn read_text_file(path: &Path, decoding: Decoding) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path: path.to_path_buf() }
        } else {
            Error::Io { path: path.to_path_buf(), source }
        }
    })?;
    decode_bytes(bytes, path, decoding).map(universal_newlines)
}

fn universal_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_as_python_reads_them() {
        assert_eq!(universal_newlines("a\r\nb\rc\n".to_string()), "a\nb\nc\n");
    }

    #[test]
    fn strict_and_lossy() {
        let path = Path::new("x.txt");
        assert!(matches!(decode_bytes(b"ab\xffcd".to_vec(), path, Decoding::Strict), Err(Error::NotUtf8 { offset: 2, .. })));
        assert_eq!(decode_bytes(b"ab\xffcd".to_vec(), path, Decoding::Lossy).ok().as_deref(), Some("ab\u{fffd}cd"));
        assert!(matches!(decode_bytes(b"a\0b".to_vec(), path, Decoding::Lossy), Err(Error::Binary { .. })));
        assert_eq!(decode_bytes(b"\xEF\xBB\xBFhi".to_vec(), path, Decoding::Strict).ok().as_deref(), Some("\u{feff}hi"));
    }
}
