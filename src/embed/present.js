// @ts-check
// wsis-sdg-present: <wsis-presenter>, a full-screen deck of the widgets for a talk on stage.
//
// Load with <script type="module" src=".../wsis-sdg-present.js"></script> next to
// wsis-sdg-widgets.js (which registers the widget elements), and put one <wsis-presenter> on the
// page. The deck comes from the page URL:
//
//   ?slides=matrix,al:C5,al:*,forum:2025,pledges   the slides, in order
//   ?deck=talks/wsis-forum-2026.json               or a deck file (see validateDeck in deck.js)
//   &lang=fr &theme=dark &data=../data/ &refresh=15
//   #3                                              the slide shown (1-based), kept in history
//
// Unknown or malformed URL parameters are skipped with a console warning. A bad deck file is shown
// as a visible error naming the file and the JSON path.
//
// `cargo xtask build` copies this file to dist/wsis-sdg-present.js and the modules it loads to
// dist/present/: element.js (the element), deck.js (settings and deck files, no DOM),
// strings.js, styles.js, and constants.js, which it generates from the crate (Action Lines,
// languages, colours).

import './wsis-sdg-widgets.js';
// element.js imports the others itself; naming them here too lets the browser fetch them all
// at once instead of one import level at a time.
import './present/constants.js';
import './present/deck.js';
import './present/strings.js';
import './present/styles.js';
export { definePresenter } from './present/element.js';
