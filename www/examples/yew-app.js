// Starts the example Yew app: wasm-bindgen's glue finds its .wasm next to itself and runs the
// app's main(), which renders into <body>. The glue is written by cargo xtask build
// (dist/examples/yew-app/).
import init from '/dist/examples/yew-app/yew_app.js';

await init();
