//! Text that exists in some of the six languages, English always.

use std::collections::BTreeMap;

use super::error::ErrorKind;
use super::lang::Lang;
use super::validate::{Checker, JsonPath};

/// A title with an English text and whichever translations the sources provide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalizedText {
    english: String,
    translations: Vec<(Lang, String)>,
}

impl LocalizedText {
    /// Checks a `{ "en": …, "fr": … }` map: English present, no empty text, known languages.
    pub(crate) fn from_map(
        check: &mut Checker,
        at: &JsonPath,
        map: &BTreeMap<String, String>,
    ) -> Option<LocalizedText> {
        let mut english = None;
        let mut translations = Vec::new();
        for (code, text) in map {
            let item = at.field(code);
            let Some(lang) = Lang::from_tag(code).filter(|l| l.code() == code) else {
                check.fail(&item, ErrorKind::UnknownLanguage(code.clone()));
                return None;
            };
            if !check.text(&item, text) {
                return None;
            }
            if lang == Lang::En {
                english = Some(text.clone());
            } else {
                translations.push((lang, text.clone()));
            }
        }
        let Some(english) = english else {
            check.fail(at, ErrorKind::MissingEnglish);
            return None;
        };
        Some(LocalizedText { english, translations })
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
    use crate::model::Error;

    fn read(at: &str, pairs: &[(&str, &str)]) -> Result<LocalizedText, Error> {
        let map = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut check = Checker::new("f");
        let text = LocalizedText::from_map(&mut check, &JsonPath::root().field(at), &map);
        check.finish(text).map_err(|errors| errors.into_first())
    }

    #[test]
    fn falls_back_to_english() {
        let text = read("t", &[("en", "Media"), ("fr", "Médias")]).unwrap();
        assert_eq!(text.get(Lang::Fr), ("Médias", Lang::Fr));
        assert_eq!(text.get(Lang::Ar), ("Media", Lang::En));
        assert!(!text.has(Lang::Ar));
    }

    #[test]
    fn english_is_required() {
        let err = read("a", &[("fr", "x")]).unwrap_err();
        assert_eq!(err.to_string(), "f: a: an English (\"en\") text is required");
    }

    #[test]
    fn unknown_language_and_empty_text() {
        let err = read("t", &[("en", "a"), ("de", "b")]).unwrap_err();
        assert_eq!(err.path(), "t.de");
        assert_eq!(err.kind(), &ErrorKind::UnknownLanguage("de".into()));
        let err = read("t", &[("en", " ")]).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::EmptyText);
    }
}
