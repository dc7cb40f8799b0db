// The data desk's snippet module (wasm-bindgen glue of feature `snippet`), for tsc: `desk.js`
// imports it on the first snippet download.
export default function init(options?: { module_or_path?: URL | string }): Promise<unknown>;

/** A pre-rendered snippet for a `model::desk::snippet::Request` as JSON; rejects with the reason. */
export function renderSnippet(request: string): Promise<string>;
