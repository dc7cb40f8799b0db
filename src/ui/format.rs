//! Numbers, money and dates through the browser's `Intl`, so each language gets its own
//! digits, separators and words ("USD 82 billion", "82 milliards USD").
//!
//! Natively (tests, server-side rendering) plain ASCII forms are used unless a real `Intl` is
//! plugged in with [`set_native_intl`] (`cargo xtask prerender` asks Node's, so pre-rendered
//! figures read as the live widget will write them): components call these during render, so
//! they must not need a browser.

use crate::model::date::Date;
use crate::model::Lang;

/// How to write a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `1,234`.
    Integer,
    /// `USD 82 billion` / `82 milliards USD` (compact, long words, currency code).
    UsdCompact,
    /// `USD 82,000,000,000`.
    UsdFull,
    /// `82%`.
    Percent,
    /// `20B` / `20 Md` / `200亿` (compact, short words, no currency): axis ticks.
    Compact,
}

const CACHED: usize = 1024;
thread_local! {
    static SMALL: std::cell::RefCell<Vec<(Lang, Vec<Option<String>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `1234` → `"1,234"` (en), `"1 234"` (fr), …
pub fn integer(lang: Lang, n: usize) -> String {
    // Grids repeat the same small counts (SDG numbers, totals) on every render: each is
    // formatted by `Intl` once per language, not once per cell per keystroke.
    if n >= CACHED {
        return number_only(lang, Style::Integer, n as f64);
    }
    SMALL.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slot = match cache.iter().position(|(l, _)| *l == lang) {
            Some(i) => i,
            None => {
                cache.push((lang, vec![None; CACHED]));
                cache.len() - 1
            }
        };
        let entry = cache.get_mut(slot).and_then(|(_, texts)| texts.get_mut(n));
        match entry {
            Some(Some(text)) => text.clone(),
            // `number_only`, not `number`: the latter's USD branch would pull the pledge string
            // tables into bundles that only count (2.5 kB brotli in the matrix-only one).
            Some(empty) => {
                let text = number_only(lang, Style::Integer, n as f64);
                *empty = Some(text.clone());
                text
            }
            None => number_only(lang, Style::Integer, n as f64),
        }
    })
}

pub fn number(lang: Lang, style: Style, value: f64) -> String {
    if style == Style::UsdCompact {
        let x = number_only(lang, style, value);
        return crate::ui::i18n::pledge_strings(lang).usd.replace("{x}", &x);
    }
    number_only(lang, style, value)
}

/// [`number`] for the styles written without words around the number (integer, percent, full
/// USD): it does not reach the pledge string tables, so bundles without the pledge widget leave
/// them out (2.5 kB brotli, docs/bytes-2026-12.md).
pub fn plain(lang: Lang, style: Style, value: f64) -> String {
    number_only(lang, style, value)
}

fn number_only(lang: Lang, style: Style, value: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        browser::number(lang, style, value)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native_intl(IntlKind::Number, lang, number_options(style), value)
            .unwrap_or_else(|| native(style, value))
    }
}

/// `Intl.NumberFormat` options per style: the browser and a plugged-in native `Intl` use these.
fn number_options(style: Style) -> &'static [(&'static str, &'static str)] {
    match style {
        Style::Integer => &[("maximumFractionDigits", "0")],
        // Currency style ignores `compactDisplay: long` ("USD 82B"), so the number is formatted
        // alone ("82.4 billion") and the code placed by the language's template.
        Style::UsdCompact => {
            &[("notation", "compact"), ("compactDisplay", "long"), ("maximumFractionDigits", "2")]
        }
        Style::UsdFull => &[
            ("style", "currency"),
            ("currency", "USD"),
            ("currencyDisplay", "code"),
            ("maximumFractionDigits", "0"),
        ],
        Style::Percent => &[("style", "percent"), ("maximumFractionDigits", "1")],
        Style::Compact => {
            &[("notation", "compact"), ("compactDisplay", "short"), ("maximumFractionDigits", "1")]
        }
    }
}

/// `Intl.DateTimeFormat` options: 0 a day, 1 a month without a day, 2 a time of day, 3 a year.
fn date_options(kind: u8) -> &'static [(&'static str, &'static str)] {
    match kind {
        0 => &[("year", "numeric"), ("month", "long"), ("day", "numeric"), ("timeZone", "UTC")],
        1 => &[("year", "numeric"), ("month", "long"), ("timeZone", "UTC")],
        3 => &[("year", "numeric"), ("timeZone", "UTC")],
        _ => &[("hour", "2-digit"), ("minute", "2-digit")],
    }
}

/// One question to a native `Intl`: which constructor, locale, options, value.
pub type NativeIntl = Box<dyn Fn(IntlKind, &str, &[(&str, &str)], f64) -> Option<String>>;

/// Which `Intl` constructor a native plug-in is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntlKind {
    /// `Intl.NumberFormat(…).format(value)`.
    Number,
    /// `Intl.DateTimeFormat(…).format(new Date(value))`, `value` in ms since the epoch.
    Date,
    /// `Intl.PluralRules(…).select(value)`.
    Plural,
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_INTL: std::cell::RefCell<Option<NativeIntl>> = const { std::cell::RefCell::new(None) };
}

/// Plugs a real `Intl` into native rendering (or unplugs it with `None`). Clears the integer
/// cache, which may hold plain forms.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_intl(intl: Option<NativeIntl>) {
    NATIVE_INTL.with(|cell| *cell.borrow_mut() = intl);
    SMALL.with(|cache| cache.borrow_mut().clear());
}

#[cfg(not(target_arch = "wasm32"))]
fn native_intl(kind: IntlKind, lang: Lang, options: &[(&str, &str)], value: f64) -> Option<String> {
    NATIVE_INTL.with(|cell| cell.borrow().as_ref().and_then(|intl| intl(kind, lang.code(), options, value)))
}

/// A CLDR plural category, as `Intl.PluralRules.select` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    fn from_name(name: &str) -> PluralCategory {
        match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

/// The plural category of the count `n` in `lang` (the browser's `Intl.PluralRules`; natively
/// the plugged-in `Intl`, else English's rule).
pub fn plural(lang: Lang, n: f64) -> PluralCategory {
    #[cfg(target_arch = "wasm32")]
    {
        PluralCategory::from_name(&browser::plural(lang, n))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        match native_intl(IntlKind::Plural, lang, &[], n) {
            Some(name) => PluralCategory::from_name(&name),
            None if n == 1.0 => PluralCategory::One,
            None => PluralCategory::Other,
        }
    }
}

/// A date as the language writes it; month-only dates without a day.
pub fn date(lang: Lang, date: Date) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // A session list redraws the same dates on every keystroke: format each once.
        thread_local! {
            static DATES: std::cell::RefCell<std::collections::HashMap<(Lang, Date), String>> =
                std::cell::RefCell::new(std::collections::HashMap::new());
        }
        DATES.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.len() > 4096 {
                cache.clear();
            }
            cache.entry((lang, date)).or_insert_with(|| browser::date(lang, date)).clone()
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let ms = date.days_since_epoch() as f64 * 86_400_000.0;
        let kind = if date.day.is_some() { 0 } else { 1 };
        native_intl(IntlKind::Date, lang, date_options(kind), ms).unwrap_or_else(|| date.to_string())
    }
}

/// A year as the language writes it (`2024`, `2024年`): time-axis labels.
pub fn year(lang: Lang, year: u16) -> String {
    let ms = Date { year, month: 7, day: Some(1) }.days_since_epoch() as f64 * 86_400_000.0;
    #[cfg(target_arch = "wasm32")]
    {
        browser::year(lang, ms).unwrap_or_else(|| year.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native_intl(IntlKind::Date, lang, date_options(3), ms).unwrap_or_else(|| year.to_string())
    }
}

/// `hh:mm` of a `Date.now()` timestamp, in the reader's time zone.
pub fn time_of_day(lang: Lang, epoch_ms: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        browser::time_of_day(lang, epoch_ms)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        let minutes = (epoch_ms / 60_000.0) as i64;
        format!("{:02}:{:02}", minutes.div_euclid(60).rem_euclid(24), minutes.rem_euclid(60))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn native(style: Style, value: f64) -> String {
    match style {
        Style::Integer => format!("{value:.0}"),
        Style::UsdCompact => format!("{:.1} billion", value / 1e9),
        Style::UsdFull => format!("USD {value:.0}"),
        Style::Percent => format!("{:.0}%", value * 100.0),
        Style::Compact => format!("{}B", (value / 1e8).round() / 10.0),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use super::Style;
    use crate::model::date::Date;
    use crate::model::Lang;

    thread_local! {
        // Constructing `Intl` objects is slow (the first one loads locale data): one per use.
        static NUMBERS: RefCell<Vec<(Lang, Style, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
        static DATES: RefCell<Vec<(Lang, u8, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
        static PLURALS: RefCell<Vec<(Lang, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
    }

    fn options(pairs: &[(&str, &str)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        o
    }

    fn locales(lang: Lang) -> Array {
        Array::of1(&JsValue::from_str(lang.code()))
    }

    pub fn number(lang: Lang, style: Style, value: f64) -> String {
        let formatter = NUMBERS.with(|cell| {
            let mut all = cell.borrow_mut();
            if let Some((_, _, f)) = all.iter().find(|(l, s, _)| *l == lang && *s == style) {
                return f.clone();
            }
            let opts = options(super::number_options(style));
            let f = Intl::NumberFormat::new(&locales(lang), &opts);
            all.push((lang, style, f.clone()));
            f
        });
        formatter
            .format()
            .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string())
    }

    fn date_formatter(lang: Lang, kind: u8) -> Intl::DateTimeFormat {
        DATES.with(|cell| {
            let mut all = cell.borrow_mut();
            if let Some((_, _, f)) = all.iter().find(|(l, k, _)| *l == lang && *k == kind) {
                return f.clone();
            }
            let opts = options(super::date_options(kind));
            let f = Intl::DateTimeFormat::new(&locales(lang), &opts);
            all.push((lang, kind, f.clone()));
            f
        })
    }

    fn format_ms(f: &Intl::DateTimeFormat, ms: f64) -> Option<String> {
        let date = js_sys::Date::new(&JsValue::from_f64(ms));
        f.format().call1(&JsValue::UNDEFINED, &date).ok().and_then(|v| v.as_string())
    }

    pub fn plural(lang: Lang, n: f64) -> String {
        let rules = PLURALS.with(|cell| {
            let mut all = cell.borrow_mut();
            if let Some((_, rules)) = all.iter().find(|(l, _)| *l == lang) {
                return rules.clone();
            }
            let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
            all.push((lang, rules.clone()));
            rules
        });
        String::from(rules.select(n))
    }

    pub fn date(lang: Lang, date: Date) -> String {
        let ms = date.days_since_epoch() as f64 * 86_400_000.0;
        let kind = if date.day.is_some() { 0 } else { 1 };
        format_ms(&date_formatter(lang, kind), ms).unwrap_or_else(|| date.to_string())
    }

    pub fn year(lang: Lang, ms: f64) -> Option<String> {
        format_ms(&date_formatter(lang, 3), ms)
    }

    pub fn time_of_day(lang: Lang, epoch_ms: f64) -> String {
        format_ms(&date_formatter(lang, 2), epoch_ms).unwrap_or_default()
    }
}
