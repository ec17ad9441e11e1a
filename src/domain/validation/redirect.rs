//! Where a form may send the browser afterwards: only back into this site.

/// `target` if it is a path on this site, else `/`. Rejects absolute and
/// scheme-relative URLs (`https://evil`, `//evil`, `/\evil`) so a crafted
/// form cannot turn Koers into an open redirect.
pub fn local_path_or_home(target: &str) -> &str {
    let is_local = target.starts_with('/')
        && !target.starts_with("//")
        && !target.starts_with("/\\")
        && !target.chars().any(char::is_control);
    if is_local { target } else { "/" }
}

/// Percent-encodes a value for a query string (RFC 3986: everything but the
/// unreserved characters), e.g. the page to return to after signing in.
pub fn encode_query_value(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{encode_query_value, local_path_or_home};

    #[test]
    fn return_paths_survive_a_query_string() {
        assert_eq!(encode_query_value("/goals?unit=4&x=é"), "/goals%3Funit%3D4%26x%3D%C3%A9");
    }

    #[test]
    fn paths_on_this_site_are_kept() {
        assert_eq!(local_path_or_home("/goals?unit=4"), "/goals?unit=4");
        assert_eq!(local_path_or_home("/"), "/");
    }

    #[test]
    fn anything_that_leaves_the_site_goes_home() {
        for target in
            ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", "/\r\nSet-Cookie: x"]
        {
            assert_eq!(local_path_or_home(target), "/", "{target:?}");
        }
    }
}
