//! The page language as the browser sees it: the server wrote it into
//! `<html lang>`, so hydration renders the same texts.

use super::Lang;

pub fn document_language() -> Option<Lang> {
    let lang = web_sys::window()?.document()?.document_element()?.get_attribute("lang")?;
    Lang::from_code(&lang)
}
