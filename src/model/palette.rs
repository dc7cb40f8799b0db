//! Every colour the widgets draw with, in one place: the stylesheet's defaults, the exported
//! pictures (SVG/PNG) and the presenter deck (generated into `present/constants.js` by
//! `cargo xtask build`) all read them from here.

use super::sdg::Sdg;

/// The colours of one theme. Hosts override them through `--wsis-*` custom properties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Text.
    pub fg: &'static str,
    pub bg: &'static str,
    /// Secondary text, small marks.
    pub muted: &'static str,
    pub border: &'static str,
    /// Links, pressed buttons, the progress bar, the heat grid's hue.
    pub accent: &'static str,
    /// Buttons, panels.
    pub surface: &'static str,
    /// Search match highlight.
    pub mark: &'static str,
    /// The error box's border (widgets); background and text (presenter deck).
    pub alert_border: &'static str,
    pub alert_bg: &'static str,
    pub alert_fg: &'static str,
}

pub const LIGHT: Palette = Palette {
    fg: "#1b1f24",
    bg: "#ffffff",
    muted: "#57606a",
    border: "#c9d1d9",
    accent: "#005a9c",
    surface: "#f3f5f7",
    mark: "#ffe16b",
    alert_border: "#b3261e",
    alert_bg: "#fff1f0",
    alert_fg: "#8a1c13",
};

pub const DARK: Palette = Palette {
    fg: "#e6edf3",
    bg: "#0d1117",
    muted: "#9da7b3",
    border: "#3d444d",
    accent: "#79c0ff",
    surface: "#161b22",
    mark: "#7a5d00",
    alert_border: "#b3261e",
    alert_bg: "#2d0f0e",
    alert_fg: "#ffb3ad",
};

/// SDG colours by goal (UN palette, `data-facts.md` §1.4). The `colour` fields of the SDG
/// text files are checked against these (`xtask validate`), so screen and exports agree.
pub const SDG_COLOURS: [&str; Sdg::COUNT] = [
    "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942", "#FD6925",
    "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A",
];

pub fn sdg_colour(sdg: Sdg) -> &'static str {
    SDG_COLOURS.get(sdg.index()).copied().unwrap_or(LIGHT.muted)
}

/// The heat grid's five steps: this many percent of the accent mixed into the background
/// (CSS `color-mix(in srgb, …)` on screen, [`heat_fill`] in pictures).
pub const HEAT_MIX_PERCENT: [u8; 5] = [12, 25, 40, 55, 70];

/// `#rrggbb` of heat step `step` (1–5) in `palette`, as `color-mix` computes it; the
/// background for step 0.
pub fn heat_fill(palette: &Palette, step: usize) -> String {
    let Some(percent) = step.checked_sub(1).and_then(|i| HEAT_MIX_PERCENT.get(i)) else {
        return palette.bg.to_owned();
    };
    let (accent, bg) = (rgb(palette.accent), rgb(palette.bg));
    let share = f64::from(*percent) / 100.0;
    let mix = |a: u8, b: u8| (f64::from(a) * share + f64::from(b) * (1.0 - share)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(accent.0, bg.0), mix(accent.1, bg.1), mix(accent.2, bg.2))
}

/// The channels of `#rrggbb` (black for anything else: the constants above are all valid).
fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |at: usize| hex.get(at..at + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    (channel(1), channel(3), channel(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_steps_mix_the_accent_into_the_background() {
        assert_eq!(heat_fill(&LIGHT, 0), "#ffffff");
        assert_eq!(heat_fill(&LIGHT, 1), "#e0ebf3");
        assert_eq!(heat_fill(&LIGHT, 5), "#4d8cba");
        assert_eq!(heat_fill(&LIGHT, 6), "#ffffff");
    }

    #[test]
    fn every_colour_is_rrggbb() {
        for p in [LIGHT, DARK] {
            for c in [
                p.fg,
                p.bg,
                p.muted,
                p.border,
                p.accent,
                p.surface,
                p.mark,
                p.alert_border,
                p.alert_bg,
                p.alert_fg,
            ] {
                assert!(
                    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|c| c.is_ascii_hexdigit()),
                    "{c}"
                );
            }
        }
        assert_eq!(sdg_colour(Sdg::new(17).unwrap()), "#19486A");
    }
}
