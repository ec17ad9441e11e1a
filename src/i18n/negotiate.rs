//! Choosing the page language for a request.

use super::Lang;

/// The language to render in: the user's choice (cookie value), else the best
/// offered match in `Accept-Language`, else `default`.
pub fn negotiate(chosen: Option<&str>, accept_language: Option<&str>, default: Lang) -> Lang {
    chosen.and_then(Lang::from_code).or_else(|| accept_language.and_then(best_accepted)).unwrap_or(default)
}

/// The offered language with the highest quality in an `Accept-Language`
/// header (RFC 9110 §12.5.4); on equal quality the earlier one wins.
fn best_accepted(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_code) else {
            continue;
        };
        let quality = parts
            .find_map(|param| param.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality > 0.0 && best.is_none_or(|(_, best_quality)| quality > best_quality) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_choice_wins_over_the_browser() {
        assert_eq!(negotiate(Some("en"), Some("nl-NL,nl;q=0.9"), Lang::Nl), Lang::En);
    }

    #[test]
    fn an_unknown_choice_is_ignored() {
        assert_eq!(negotiate(Some("xx"), Some("en-US"), Lang::Nl), Lang::En);
    }

    #[test]
    fn the_browser_preference_is_used_by_quality() {
        assert_eq!(negotiate(None, Some("de-DE,en;q=0.5,nl;q=0.8"), Lang::En), Lang::Nl);
        assert_eq!(negotiate(None, Some("en-GB,en;q=0.9,nl;q=0.8"), Lang::Nl), Lang::En);
    }

    #[test]
    fn refused_and_unoffered_languages_fall_back_to_the_default() {
        assert_eq!(negotiate(None, Some("en;q=0, fr"), Lang::Nl), Lang::Nl);
        assert_eq!(negotiate(None, Some("*"), Lang::En), Lang::En);
        assert_eq!(negotiate(None, None, Lang::Nl), Lang::Nl);
    }
}
