// The wasm module's linear memory, which the JS heap figures do not include. Calling the glue's
// init again is safe: it hands back the instance the custom elements already started.
import init from '/dist/wsis_sdg_widgets.js';

export const wasmMemory = async () => (await init()).memory.buffer.byteLength;
