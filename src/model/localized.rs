//! Text that exists in some of the six languages, English always.

use std::collections::BTreeMap;

use super::error::{Error, ErrorKind};
use super::lang::Lang;

/// A title with an English text and whichever translations the sources provide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalizedText {
    english: String,
    translations: Vec<(Lang, String)>,
}

impl LocalizedText {
    /// Checks a `{ "en": …, "fr": … }` map: English present, no empty text, known languages.
    pub fn from_map(file: &str, path: &str, map: &BTreeMap<String, String>) -> Result<LocalizedText, Error> {
        let mut english = None;
        let mut translations = Vec::new();
        for (code, text) in map {
            let item_path = format!("{path}.{code}");
            let lang = Lang::from_tag(code).filter(|l| l.code() == code).ok_or_else(|| {
                Error::new(
                    file,
                    item_path.clone(),
                    ErrorKind::Json(format!("\"{code}\" is not one of ar, zh, en, fr, ru, es")),
                )
            })?;
            if text.trim().is_empty() {
                return Err(Error::new(file, item_path, ErrorKind::EmptyText));
            }
            if lang == Lang::En {
                english = Some(text.clone());
            } else {
                translations.push((lang, text.clone()));
            }
        }
        let english = english.ok_or_else(|| Error::new(file, path, ErrorKind::MissingEnglish))?;
        Ok(LocalizedText { english, translations })
    }

    pub fn english(text: impl Into<String>) -> LocalizedText {
        LocalizedText { english: text.into(), translations: Vec::new() }
    }

    /// The text in `lang`, or the English one; the returned language says which it is,
    /// so the UI can mark a fallback with `lang="en"`.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(l, text)| (text.as_str(), *l))
            .unwrap_or((self.english.as_str(), Lang::En))
    }

    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::En || self.translations.iter().any(|(l, _)| *l == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn falls_back_to_english() {
        let text = LocalizedText::from_map("f", "t", &map(&[("en", "Media"), ("fr", "Médias")])).unwrap();
        assert_eq!(text.get(Lang::Fr), ("Médias", Lang::Fr));
        assert_eq!(text.get(Lang::Ar), ("Media", Lang::En));
        assert!(!text.has(Lang::Ar));
    }

    #[test]
    fn english_is_required() {
        let err = LocalizedText::from_map("f", "a.title", &map(&[("fr", "x")])).unwrap_err();
        assert_eq!(err.to_string(), "f: a.title: an English (\"en\") text is required");
    }

    #[test]
    fn unknown_language_and_empty_text() {
        let err = LocalizedText::from_map("f", "t", &map(&[("en", "a"), ("de", "b")])).unwrap_err();
        assert_eq!(err.path, "t.de");
        let err = LocalizedText::from_map("f", "t", &map(&[("en", " ")])).unwrap_err();
        assert_eq!(err.kind, ErrorKind::EmptyText);
    }
}
