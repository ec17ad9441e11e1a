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

#[cfg(test)]
mod tests {
    use super::local_path_or_home;

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
