//! Shared UI pieces used by every widget: strings, number formatting, theme and styles.

pub mod format;
pub mod i18n;
pub mod style;
pub mod theme;
