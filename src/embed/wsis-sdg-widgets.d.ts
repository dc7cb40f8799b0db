// What `import './wsis-sdg-widgets.js'` (in present.js) loads: this folder's elements.js, which
// `cargo xtask build` writes to dist/ under that name. Lets tsc resolve the import.
export * from './elements.js';
