// The wasm-bindgen glue elements.js imports. There is no such file here: `cargo xtask build`
// writes one glue module per bundle (wsis_sdg_matrix.js, …, wsis_sdg_widgets.js) into dist/
// and points each copy of elements.js at its own (write_script in xtask/src/build.rs). These
// are the exports elements.js uses, typed as wasm-bindgen writes them; a one-widget bundle
// exports only its own mount function, so the others may be missing.

/** What a mount function returns: a Rust object owned by JS until `free()`. */
export interface WidgetHandle {
  update(options: object): void;
  destroy(): void;
  free(): void;
}

export type MountWidget = (host: HTMLElement, options: object, sheet: CSSStyleSheet) => WidgetHandle;

export const mountMatrix: MountWidget | undefined;
export const mountForum: MountWidget | undefined;
export const mountPledges: MountWidget | undefined;

/** The data desk's mount (only in the desk bundle, wsis_sdg_desk.js; desk.js calls it). */
export const mountDesk: ((host: HTMLElement, options: object) => { destroy(): void; free(): void }) | undefined;

/** Traps the instance on the next microtask (tests of recovery only). */
export function testTrap(): void;

/** Ends the instance's polling for good (called once it has trapped). */
export function stopInstance(): void;

/** Fetches and instantiates the wasm module once; later calls return the same promise. */
export default function init(options: { module_or_path: URL | string }): Promise<unknown>;
