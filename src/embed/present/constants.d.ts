// The shape of `dist/present/constants.js`, which `cargo xtask build` generates from the crate
// (model::action_line, model::Lang, model::palette): only types here, never the values, so
// tsc can check the modules that import it. xtask's tests check the keys below against the
// generated file.

/** The 18 Action Line ids, in the matrix's row order. */
export const ACTION_LINES: readonly string[];
/** The six UN language codes. */
export const LANGS: readonly string[];
/** The languages written right to left. */
export const RTL: readonly string[];

/** One theme's colours (model::palette::Palette, field for field). */
export type Palette = {
  readonly fg: string;
  readonly bg: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly surface: string;
  readonly mark: string;
  readonly alert_border: string;
  readonly alert_bg: string;
  readonly alert_fg: string;
};

export const PALETTE: { readonly light: Palette; readonly dark: Palette };
