//! The six UN languages.

#![warn(missing_docs)]

/// One of the six official UN languages, the only ones the widgets speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// Arabic (`ar`), written right to left.
    Ar,
    /// Chinese (`zh`).
    Zh,
    /// English (`en`).
    En,
    /// French (`fr`).
    Fr,
    /// Russian (`ru`).
    Ru,
    /// Spanish (`es`).
    Es,
}

impl Lang {
    /// In the order the UN lists them (Arabic, Chinese, English, French, Russian, Spanish).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// BCP 47 code, as used in `lang` attributes and file names (`sdg-fr.json`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// Parses a language tag such as `fr`, `fr-CH` or `ZH-Hans`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// Arabic is written right to left; the layout mirrors, not only the text.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// The language's name in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// The HTML `dir` value: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_region_and_script_subtags() {
        assert_eq!(Lang::from_tag("fr-CH"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("ZH-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag(" ar "), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn only_arabic_is_rtl() {
        let rtl: Vec<_> = Lang::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, vec![Lang::Ar]);
    }
}
