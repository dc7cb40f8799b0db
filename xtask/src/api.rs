//! The elements' public API in one place: attributes, events, CSS parts and custom properties.
//!
//! From this the build writes the Custom Elements Manifest (`dist/custom-elements.json`, the
//! schema IDEs and Storybook read), the TypeScript declarations next to each element script
//! (`dist/<script>.d.ts`) and the list of attributes `elements.js` observes; `cargo xtask
//! api-docs` writes the README's tables from it. Tests check it against the code: the events
//! the widgets fire, the parts in their markup, the custom properties the stylesheet reads and
//! the options `embed::options` reads.

use serde_json::{json, Value};

use crate::{root, Error, IoContext, Result};

/// An attribute of an element.
pub struct Attribute {
    pub name: &'static str,
    /// The `mount()` option for the same setting (`embed::options` reads it), if there is one.
    pub option: Option<&'static str>,
    /// The value's TypeScript type in the manifest.
    pub ts: &'static str,
    pub values: &'static str,
    pub default: &'static str,
    pub meaning: &'static str,
}

/// A DOM event an element fires (a bubbling, composed `CustomEvent`).
pub struct Event {
    pub name: &'static str,
    /// The `detail` as a TypeScript object type.
    pub detail: &'static str,
    pub when: &'static str,
}

/// A named thing with a description: a CSS part.
pub struct Part {
    pub name: &'static str,
    pub description: &'static str,
}

/// A CSS custom property hosts may set.
pub struct CssProperty {
    pub name: &'static str,
    pub default: &'static str,
    pub used_for: &'static str,
}

/// A JavaScript property of the element (reflecting an attribute).
pub struct Property {
    pub name: &'static str,
    pub attribute: &'static str,
    pub ts: &'static str,
    pub description: &'static str,
}

/// One custom element.
pub struct Element {
    pub tag: &'static str,
    /// The class name in the manifest and the TypeScript declarations.
    pub class: &'static str,
    /// The one-widget script that defines it.
    pub script: &'static str,
    pub summary: &'static str,
    pub attributes: &'static [Attribute],
    pub properties: &'static [Property],
    pub events: &'static [Event],
    pub parts: &'static [Part],
}

const LANG_VALUES: &str = "`ar` `zh` `en` `fr` `ru` `es` (region subtags ignored)";
/// `Lang::ALL` as a TypeScript union (a test holds it to the crate's list).
const LANG_TS: &str = "'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es'";
const LANG_DEFAULT: &str = "the nearest ancestor's `lang`, else `en`";
const THEME: Attribute = Attribute {
    name: "theme",
    option: Some("theme"),
    ts: "'auto' | 'light' | 'dark'",
    values: "`auto` `light` `dark`",
    default: "`auto`",
    meaning: "`auto` follows `prefers-color-scheme`",
};
const UNLINKED: Attribute = Attribute {
    name: "unlinked",
    option: None,
    ts: "boolean",
    values: "(boolean)",
    default: "off",
    meaning: "do not follow other widgets' selections (may be added or removed at any time)",
};
const MAX_BYTES_DEFAULT: &str = "`16000000` (16 MB)";

const ACTION_LINE_PROPERTY: Property = Property {
    name: "actionLine",
    attribute: "action-line",
    ts: "string | null",
    description: "the selected Action Line (`C5`, `e-gov`), or null; setting it sets the attribute",
};
const SDG_PROPERTY: Property = Property {
    name: "sdg",
    attribute: "sdg",
    ts: "number | null",
    description: "the selected SDG (1–17), or null; setting it sets the attribute",
};

const ERROR: Event = Event {
    name: "wsis-error",
    detail: "{ message: string }",
    when: "a file failed to load or validate; the message names file and JSON path",
};
const SELECT: Event = Event {
    name: "wsis-select",
    detail: "{ actionLine: string, sdg: number }",
    when: "the reader opened a cell, e.g. `{ actionLine: \"C5\", sdg: 9 }`",
};
const LANGUAGE_CHANGE: Event = Event {
    name: "wsis-language-change",
    detail: "{ lang: string }",
    when: "the reader picked a language in the widget's menu",
};
const STATE: Event = Event {
    name: "wsis-state",
    detail: "{ state: [string, string][] }",
    when: "the view changed; `state` holds its link parameters, e.g. `[[\"al\",\"C5\"],[\"sdg\",\"9\"]]` (pass it back as `mount()`'s `state` option to restore the view)",
};

const ROOT: Part = Part { name: "root", description: "the widget's outer box" };
const ACTIONS: Part = Part { name: "actions", description: "the row of Copy link, export and print buttons" };
const ERROR_PART: Part =
    Part { name: "error", description: "the error box (file, JSON path, what happened, Retry)" };
const PROVENANCE: Part = Part { name: "provenance", description: "sources and notes on the data" };

/// The three widget elements, in the order of the README.
pub const ELEMENTS: [Element; 3] = [
    Element {
        tag: "wsis-sdg-matrix",
        class: "WsisSdgMatrixElement",
        script: "wsis-sdg-matrix.js",
        summary: "The 18 WSIS Action Lines against the 17 SDGs: each link with its SDG targets, rationale and facilitating agencies.",
        attributes: &[
            Attribute {
                name: "src",
                option: Some("src"),
                ts: "string",
                values: "URL",
                default: "— (required)",
                meaning: "the matrix file, e.g. `data/matrix.json`; relative to the page",
            },
            Attribute {
                name: "sdg-src",
                option: Some("sdgSrc"),
                ts: "string",
                values: "URL of a folder",
                default: "`sdg/` next to `src`",
                meaning: "where `sdg-<lang>.json` are; only the reader's language is fetched",
            },
            Attribute {
                name: "lang",
                option: Some("lang"),
                ts: LANG_TS,
                values: LANG_VALUES,
                default: LANG_DEFAULT,
                meaning: "interface and SDG text language; `ar` lays out right to left",
            },
            THEME,
            Attribute {
                name: "view",
                option: Some("view"),
                ts: "'al-sdg' | 'sdg-al'",
                values: "`al-sdg` `sdg-al`",
                default: "`al-sdg`",
                meaning: "Action Lines down the side, or SDGs down the side",
            },
            Attribute {
                name: "action-line",
                option: Some("actionLine"),
                ts: "string",
                values: "`C5`, `e-gov`",
                default: "none",
                meaning: "a selected Action Line, set by the host or a linked widget (also the property `actionLine`)",
            },
            Attribute {
                name: "sdg",
                option: Some("sdg"),
                ts: "string",
                values: "`1`…`17`",
                default: "none",
                meaning: "a selected SDG, set by the host or a linked widget (also the property `sdg`)",
            },
            UNLINKED,
            Attribute {
                name: "url-state",
                option: None,
                ts: "boolean | string",
                values: "(boolean) or a prefix",
                default: "off",
                meaning: "keep filters, search, view and open cell in the page URL ([Deep links](#deep-links-copy-link-export-and-print-every-widget)); added after mount, the current view goes into the URL from then on",
            },
            Attribute {
                name: "presenter",
                option: Some("presenter"),
                ts: "boolean",
                values: "(boolean)",
                default: "off",
                meaning: "projector layout: the overview, or one Action Line's slide with `action-line` ([Presenter](#presenter-the-widgets-on-a-projector))",
            },
            Attribute {
                name: "max-bytes",
                option: Some("maxBytes"),
                ts: "string",
                values: "bytes",
                default: MAX_BYTES_DEFAULT,
                meaning: "the largest `src` file (the shared SDG texts keep the default) the element accepts; a larger one is refused before it is read in full, with a message that names the file",
            },
        ],
        properties: &[ACTION_LINE_PROPERTY, SDG_PROPERTY],
        events: &[
            Event {
                name: "wsis-ready",
                detail: "{ links: number }",
                when: "both data files loaded and the matrix is shown",
            },
            ERROR,
            SELECT,
            LANGUAGE_CHANGE,
            STATE,
        ],
        parts: &[
            ROOT,
            Part { name: "toolbar", description: "search, filters and the view switch" },
            ACTIONS,
            Part { name: "grid", description: "the Action Line × SDG grid (or its list form in narrow containers)" },
            Part { name: "detail", description: "the open cell's targets, rationale and agencies" },
            PROVENANCE,
            ERROR_PART,
        ],
    },
    Element {
        tag: "wsis-forum-outcomes",
        class: "WsisForumOutcomesElement",
        script: "wsis-forum-outcomes.js",
        summary: "WSIS Forum sessions of each year, tagged with Action Lines and SDGs.",
        attributes: &[
            Attribute {
                name: "src",
                option: Some("src"),
                ts: "string",
                values: "URL",
                default: "— (required)",
                meaning: "`forum-outcomes.json`, relative to the page",
            },
            Attribute {
                name: "matrix-src",
                option: Some("matrixSrc"),
                ts: "string",
                values: "URL",
                default: "`matrix.json` next to `src`",
                meaning: "the matrix, for Action Line titles and SDGs via the matrix",
            },
            Attribute {
                name: "sdg-src",
                option: Some("sdgSrc"),
                ts: "string",
                values: "URL of a folder",
                default: "`sdg/` next to `src`",
                meaning: "SDG texts, one language at a time",
            },
            Attribute {
                name: "lang",
                option: Some("lang"),
                ts: LANG_TS,
                values: LANG_VALUES,
                default: LANG_DEFAULT,
                meaning: "interface and SDG text language; `ar` lays out right to left",
            },
            THEME,
            Attribute {
                name: "year",
                option: Some("year"),
                ts: "string",
                values: "a forum year",
                default: "all years",
                meaning: "the year shown first",
            },
            Attribute {
                name: "action-line",
                option: Some("actionLine"),
                ts: "string",
                values: "`C5`, `e-gov`",
                default: "none",
                meaning: "a selected Action Line, set by the host or a linked widget (also the property `actionLine`)",
            },
            Attribute {
                name: "sdg",
                option: Some("sdg"),
                ts: "string",
                values: "`1`…`17`",
                default: "none",
                meaning: "a selected SDG, set by the host or a linked widget (also the property `sdg`)",
            },
            UNLINKED,
            Attribute {
                name: "url-state",
                option: None,
                ts: "boolean | string",
                values: "(boolean) or a prefix",
                default: "off",
                meaning: "keep year, filters, search, sort and open sessions in the page URL; added after mount, the current view goes into the URL from then on",
            },
            Attribute {
                name: "presenter",
                option: Some("presenter"),
                ts: "boolean",
                values: "(boolean)",
                default: "off",
                meaning: "projector layout: the `year`'s figures and heat grid (the latest year if none)",
            },
            Attribute {
                name: "max-bytes",
                option: Some("maxBytes"),
                ts: "string",
                values: "bytes",
                default: MAX_BYTES_DEFAULT,
                meaning: "the largest `src` file (the shared matrix and SDG texts keep the default) the element accepts; a larger one is refused before it is read in full, with a message that names the file",
            },
        ],
        properties: &[ACTION_LINE_PROPERTY, SDG_PROPERTY],
        events: &[
            Event {
                name: "wsis-ready",
                detail: "{ sessions: number }",
                when: "the forum file, the matrix and the SDG texts loaded and the sessions are shown",
            },
            ERROR,
            Event {
                name: "wsis-select",
                detail: "{ actionLine: string, sdg: number }",
                when: "the reader picked a heat-grid cell",
            },
            LANGUAGE_CHANGE,
            STATE,
        ],
        parts: &[
            ROOT,
            Part { name: "toolbar", description: "year, filters, search and sort" },
            ACTIONS,
            Part { name: "grid", description: "the Action Line × SDG heat grid" },
            ERROR_PART,
        ],
    },
    Element {
        tag: "p2c-pledges",
        class: "P2cPledgesElement",
        script: "p2c-pledges.js",
        summary: "Partner2Connect pledges toward the USD 100 billion goal: the total, progress, breakdowns and the total over time, updating live.",
        attributes: &[
            Attribute {
                name: "src",
                option: Some("src"),
                ts: "string",
                values: "URL",
                default: "— (required)",
                meaning: "`p2c-pledges.json`, relative to the page",
            },
            Attribute {
                name: "refresh",
                option: Some("refresh"),
                ts: "string",
                values: "seconds (≥ 1)",
                default: "none: load once",
                meaning: "how often to look for new figures",
            },
            Attribute {
                name: "lang",
                option: Some("lang"),
                ts: LANG_TS,
                values: LANG_VALUES,
                default: LANG_DEFAULT,
                meaning: "interface language; `ar` lays out right to left",
            },
            THEME,
            Attribute {
                name: "sdg",
                option: Some("sdg"),
                ts: "string",
                values: "`1`…`17`",
                default: "none",
                meaning: "an SDG selected in a linked widget: shows where it ranks among the SDGs the pledges target",
            },
            UNLINKED,
            Attribute {
                name: "url-state",
                option: None,
                ts: "boolean | string",
                values: "(boolean) or a prefix",
                default: "off",
                meaning: "keep the language in the page URL and offer \"Copy link\"",
            },
            Attribute {
                name: "presenter",
                option: Some("presenter"),
                ts: "boolean",
                values: "(boolean)",
                default: "off",
                meaning: "projector layout: the live total, progress and counts only",
            },
            Attribute {
                name: "max-bytes",
                option: Some("maxBytes"),
                ts: "string",
                values: "bytes",
                default: MAX_BYTES_DEFAULT,
                meaning: "the largest pledge file the element accepts; a larger one is refused before it is read in full, with a message that names the file",
            },
        ],
        properties: &[SDG_PROPERTY],
        events: &[
            Event {
                name: "p2c-ready",
                detail: "{ totalUsd: number }",
                when: "first figures shown",
            },
            Event {
                name: "p2c-update",
                detail: "{ totalUsd: number, previousUsd: number }",
                when: "a refresh brought a new total",
            },
            Event {
                name: "wsis-error",
                detail: "{ message: string }",
                when: "a load or refresh failed (file, JSON path, what happened)",
            },
            LANGUAGE_CHANGE,
        ],
        parts: &[
            ROOT,
            ACTIONS,
            Part { name: "headline", description: "the total, progress to the goal and the counts" },
            Part { name: "timeline", description: "the total over time" },
            Part { name: "breakdowns", description: "the breakdowns by pledger, pledge type and region" },
            PROVENANCE,
            ERROR_PART,
        ],
    },
];

/// The custom properties every element reads (set on the element or an ancestor).
pub const CSS_PROPERTIES: [CssProperty; 11] = [
    CssProperty { name: "--wsis-font-family", default: "`system-ui, …, sans-serif`", used_for: "all text" },
    CssProperty {
        name: "--wsis-font-size",
        default: "`16px`",
        used_for: "base size; everything scales from it",
    },
    CssProperty { name: "--wsis-color", default: "`#1b1f24` / `#e6edf3`", used_for: "text" },
    CssProperty { name: "--wsis-background", default: "`#ffffff` / `#0d1117`", used_for: "background" },
    CssProperty {
        name: "--wsis-muted-color",
        default: "`#57606a` / `#9da7b3`",
        used_for: "secondary text, dimmed links",
    },
    CssProperty {
        name: "--wsis-border-color",
        default: "`#c9d1d9` / `#3d444d`",
        used_for: "grid lines, fields",
    },
    CssProperty {
        name: "--wsis-accent-color",
        default: "`#005a9c` / `#79c0ff`",
        used_for: "focus ring, selected cell, links",
    },
    CssProperty {
        name: "--wsis-surface-color",
        default: "`#f3f5f7` / `#161b22`",
        used_for: "totals, buttons",
    },
    CssProperty {
        name: "--wsis-mark-color",
        default: "`#ffe16b` / `#7a5d00`",
        used_for: "search highlights",
    },
    CssProperty { name: "--wsis-padding", default: "`0.75em`", used_for: "space inside the widget" },
    CssProperty { name: "--wsis-radius", default: "`6px`", used_for: "corner radius" },
];

/// Every attribute of any element, once each: what `elements.js` observes.
pub fn observed_attributes() -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for element in &ELEMENTS {
        for attribute in element.attributes {
            if !names.contains(&attribute.name) {
                names.push(attribute.name);
            }
        }
    }
    names
}

/// The `mount()` options the attributes have (camelCase), once each, in the elements' order.
pub fn mount_options() -> Vec<(&'static str, &'static Attribute)> {
    let mut out: Vec<(&str, &Attribute)> = Vec::new();
    for element in &ELEMENTS {
        for attribute in element.attributes {
            if let Some(option) = attribute.option {
                if !out.iter().any(|(o, _)| *o == option) {
                    out.push((option, attribute));
                }
            }
        }
    }
    out
}

/// `MountOptions` as one TypeScript object type (the manifest's `mount` parameter).
fn mount_options_type() -> String {
    let mut fields = vec!["widget?: WidgetKind".to_owned()];
    fields.extend(mount_options().iter().map(|(option, _)| format!("{option}?: string")));
    fields.push("state?: [string, string][]".to_owned());
    format!("{{ {} }}", fields.join(", "))
}

/// Markdown text as plain text for the manifest and the declarations: no backticks, links as
/// their text.
fn plain(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some((before, after)) = rest.split_once('[') {
        out.push_str(before);
        match after.split_once("](").and_then(|(text, tail)| Some((text, tail.split_once(')')?.1))) {
            Some((text, tail)) => {
                out.push_str(text);
                rest = tail;
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('`', "")
}

fn event_type(event: &Event) -> String {
    format!("CustomEvent<{}>", event.detail)
}

/// `dist/custom-elements.json`: one module per element script, the all-in-one declaring all.
pub fn manifest() -> Value {
    let declaration = |e: &Element| {
        json!({
            "kind": "class",
            "customElement": true,
            "name": e.class,
            "tagName": e.tag,
            "description": e.summary,
            "superclass": { "name": "HTMLElement" },
            "attributes": e.attributes.iter().map(|a| json!({
                "name": a.name,
                "type": { "text": a.ts },
                "default": plain(a.default),
                "description": plain(&format!("{} ({})", a.meaning, a.values)),
            })).collect::<Vec<_>>(),
            "members": e.properties.iter().map(|p| json!({
                "kind": "field",
                "name": p.name,
                "type": { "text": p.ts },
                "attribute": p.attribute,
                "description": plain(p.description),
            })).collect::<Vec<_>>(),
            "events": e.events.iter().map(|v| json!({
                "name": v.name,
                "type": { "text": event_type(v) },
                "description": plain(v.when),
            })).collect::<Vec<_>>(),
            "cssParts": e.parts.iter().map(|p| json!({ "name": p.name, "description": p.description })).collect::<Vec<_>>(),
            "cssProperties": CSS_PROPERTIES.iter().map(|c| json!({
                "name": c.name,
                "default": plain(c.default),
                "description": c.used_for,
            })).collect::<Vec<_>>(),
        })
    };
    let functions = |path: &str| {
        vec![
            json!({
                "kind": "function",
                "name": "mount",
                "description": "Mounts a widget into any element, for hosts that cannot use custom elements; resolves to a handle with update(options) and destroy().",
                "parameters": [
                    { "name": "element", "type": { "text": "HTMLElement" } },
                    { "name": "options", "optional": true, "type": { "text": mount_options_type() } }
                ],
                "return": { "type": { "text": "Promise<WidgetHandle>" } }
            }),
            json!({
                "kind": "function",
                "name": "define",
                "description": "Registers the elements, optionally under other names: define({ 'wsis-sdg-matrix': 'itu-sdg-matrix' }). Returns the names now ours, by kind.",
                "parameters": [{ "name": "names", "optional": true, "type": { "text": "Partial<Record<WidgetKind, string>>" } }],
                "return": { "type": { "text": "Partial<Record<WidgetKind, string>>" } },
                "module": path
            }),
        ]
    };
    let module = |path: &str, elements: &[&Element]| {
        let mut declarations: Vec<Value> = elements.iter().map(|e| declaration(e)).collect();
        declarations.extend(functions(path).into_iter().map(|mut f| {
            if let Some(o) = f.as_object_mut() {
                o.remove("module");
            }
            f
        }));
        let mut exports: Vec<Value> = elements
            .iter()
            .map(|e| {
                json!({
                    "kind": "custom-element-definition",
                    "name": e.tag,
                    "declaration": { "name": e.class, "module": path }
                })
            })
            .collect();
        for name in ["mount", "define"] {
            exports
                .push(json!({ "kind": "js", "name": name, "declaration": { "name": name, "module": path } }));
        }
        json!({ "kind": "javascript-module", "path": path, "declarations": declarations, "exports": exports })
    };
    let mut modules: Vec<Value> = ELEMENTS.iter().map(|e| module(e.script, &[e])).collect();
    let all: Vec<&Element> = ELEMENTS.iter().collect();
    modules.push(module("wsis-sdg-widgets.js", &all));
    json!({ "schemaVersion": "2.1.0", "readme": "README.md", "modules": modules })
}

/// The TypeScript declarations of an element script (every script declares every element, so
/// a page may load any of them; a one-widget script's `mount()` refuses the other kinds).
pub fn declarations() -> String {
    let mut d = String::from(
        "// Generated by `cargo xtask build` from xtask/src/api.rs: the elements, their events,\n\
         // mount() and define(). Do not edit.\n\n\
         /** The element name of each kind of widget (its default tag). */\n",
    );
    let kinds: Vec<String> = ELEMENTS.iter().map(|e| format!("'{}'", e.tag)).collect();
    d.push_str(&format!("export type WidgetKind = {};\n\n", kinds.join(" | ")));
    for e in &ELEMENTS {
        let map = format!("{}EventMap", e.class.trim_end_matches("Element"));
        d.push_str(&format!("/** Events of `<{}>` (bubbling and composed). */\nexport interface {map} extends HTMLElementEventMap {{\n", e.tag));
        for v in e.events {
            d.push_str(&format!("  /** {} */\n  '{}': {};\n", plain(v.when), v.name, event_type(v)));
        }
        d.push_str("}\n\n");
        d.push_str(&format!(
            "/** `<{}>`: {} */\nexport interface {} extends HTMLElement {{\n",
            e.tag, e.summary, e.class
        ));
        for p in e.properties {
            d.push_str(&format!("  /** {} */\n  {}: {};\n", plain(p.description), p.name, p.ts));
        }
        d.push_str(&format!(
            "  addEventListener<K extends keyof {map}>(type: K, listener: (this: {c}, ev: {map}[K]) => unknown, options?: boolean | AddEventListenerOptions): void;\n\
             \x20 addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n\
             \x20 removeEventListener<K extends keyof {map}>(type: K, listener: (this: {c}, ev: {map}[K]) => unknown, options?: boolean | EventListenerOptions): void;\n\
             \x20 removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n}}\n\n",
            c = e.class
        ));
    }
    d.push_str("/** Options of `mount()`: the attributes' settings, as strings, by their camelCase names. */\nexport interface MountOptions {\n  /** Which widget; default `wsis-sdg-matrix`. */\n  widget?: WidgetKind;\n");
    for (option, a) in mount_options() {
        d.push_str(&format!(
            "  /** The `{}` attribute: {} */\n  {option}?: string;\n",
            a.name,
            plain(a.values)
        ));
    }
    d.push_str("  /** A view to restore: the `state` of a `wsis-state` event. */\n  state?: [string, string][];\n}\n\n");
    d.push_str(
        "/** What `mount()` resolves to. */\nexport interface WidgetHandle {\n  /** New options, merged into the current ones. */\n  update(next: Partial<MountOptions>): void;\n  /** Unmounts the widget; safe to call twice. */\n  destroy(): void;\n}\n\n\
         /** Mounts a widget into any element, for hosts that cannot use custom elements. */\nexport function mount(element: HTMLElement, options?: MountOptions): Promise<WidgetHandle>;\n\n\
         /** Registers the elements, optionally under other names; returns the names now ours, by kind. */\nexport function define(names?: Partial<Record<WidgetKind, string>>): Partial<Record<WidgetKind, string>>;\n\n",
    );
    // Events bubble out of the shadow root, so a listener on any ancestor or the document hears
    // them; the same name from two widgets gets the union of their details.
    let mut names: Vec<&str> = Vec::new();
    for e in &ELEMENTS {
        for v in e.events {
            if !names.contains(&v.name) {
                names.push(v.name);
            }
        }
    }
    let mut bubbling = String::new();
    for name in names {
        let details: Vec<&str> = {
            let mut all: Vec<&str> = Vec::new();
            for e in &ELEMENTS {
                for v in e.events.iter().filter(|v| v.name == name) {
                    if !all.contains(&v.detail) {
                        all.push(v.detail);
                    }
                }
            }
            all
        };
        bubbling.push_str(&format!("    '{name}': CustomEvent<{}>;\n", details.join(" | ")));
    }
    d.push_str("declare global {\n  interface HTMLElementTagNameMap {\n");
    for e in &ELEMENTS {
        d.push_str(&format!("    '{}': {};\n", e.tag, e.class));
    }
    d.push_str("  }\n  interface HTMLElementEventMap {\n");
    d.push_str(&bubbling);
    d.push_str("  }\n  interface DocumentEventMap {\n");
    d.push_str(&bubbling);
    d.push_str("  }\n}\n");
    d
}

fn row(cells: &[&str]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// The README block for one element and one table (`attributes`, `events`, `parts`), or the
/// custom properties (`css-properties`, element ignored).
pub fn readme_table(element: &Element, table: &str) -> Result<String> {
    let mut out = String::new();
    match table {
        "attributes" => {
            out.push_str("| attribute | values | default | meaning |\n|---|---|---|---|\n");
            for a in element.attributes {
                out.push_str(&row(&[&format!("`{}`", a.name), a.values, a.default, a.meaning]));
            }
        }
        "events" => {
            out.push_str("| event | `detail` | when |\n|---|---|---|\n");
            for v in element.events {
                out.push_str(&row(&[&format!("`{}`", v.name), &format!("`{}`", v.detail), v.when]));
            }
        }
        "parts" => {
            out.push_str("| part | what |\n|---|---|\n");
            for p in element.parts {
                out.push_str(&row(&[&format!("`{}`", p.name), p.description]));
            }
        }
        "css-properties" => {
            out.push_str("| property | default (light / dark) | used for |\n|---|---|---|\n");
            for c in &CSS_PROPERTIES {
                out.push_str(&row(&[&format!("`{}`", c.name), c.default, c.used_for]));
            }
        }
        other => return Err(Error::check(format!("README: no API table called {other}"))),
    }
    Ok(out)
}

const BLOCK_START: &str = "<!-- api: ";
const BLOCK_END: &str = "<!-- /api -->";

/// The README with every `<!-- api: TAG TABLE -->` … `<!-- /api -->` block written from
/// [`ELEMENTS`].
pub fn readme_with_tables(readme: &str) -> Result<String> {
    let mut out = String::new();
    let mut rest = readme;
    while let Some((before, after)) = rest.split_once(BLOCK_START) {
        let (header, body) = after
            .split_once("-->")
            .ok_or_else(|| Error::check("README: an api block's comment is not closed"))?;
        let (tag, table) = header
            .trim()
            .split_once(' ')
            .ok_or_else(|| Error::check(format!("README: api block `{header}` needs a tag and a table")))?;
        let element = ELEMENTS
            .iter()
            .find(|e| e.tag == tag)
            .ok_or_else(|| Error::check(format!("README: api block for unknown element {tag}")))?;
        let (_, tail) = body
            .split_once(BLOCK_END)
            .ok_or_else(|| Error::check(format!("README: api block `{header}` has no {BLOCK_END}")))?;
        out.push_str(before);
        out.push_str(BLOCK_START);
        out.push_str(header);
        out.push_str("-->\n");
        out.push_str(&readme_table(element, table)?);
        out.push_str(BLOCK_END);
        rest = tail;
    }
    out.push_str(rest);
    Ok(out)
}

/// `cargo xtask api-docs`: rewrites the README's API tables.
pub fn write_readme() -> Result {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).at(&path)?;
    let next = readme_with_tables(&readme)?;
    std::fs::write(&path, next).at(&path)
}

/// Writes the manifest and the declarations into `dist/`.
pub fn write(dist: &std::path::Path) -> Result {
    let manifest_path = dist.join("custom-elements.json");
    let text = serde_json::to_string_pretty(&manifest()).map_err(|e| Error::check(e.to_string()))?;
    std::fs::write(&manifest_path, text + "\n").at(&manifest_path)?;
    let declarations = declarations();
    for script in ELEMENTS.iter().map(|e| e.script).chain(["wsis-sdg-widgets.js"]) {
        let path = dist.join(script.replace(".js", ".d.ts"));
        std::fs::write(&path, &declarations).at(&path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::rc::Rc;
    use wsis_sdg_widgets::model::Lang;
    use wsis_sdg_widgets::widgets::shared::WidgetEvent;

    fn element(tag: &str) -> &'static Element {
        ELEMENTS.iter().find(|e| e.tag == tag).expect("element")
    }

    /// Files under `dir` (recursively) with their text.
    fn sources(dir: &std::path::Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                out.extend(sources(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("read")));
            }
        }
        out
    }

    fn quoted_after<'a>(text: &'a str, prefix: &str) -> BTreeSet<&'a str> {
        text.match_indices(prefix)
            .filter_map(|(i, _)| {
                let rest = &text[i + prefix.len()..];
                rest.find('"').map(|end| &rest[..end])
            })
            .collect()
    }

    #[test]
    fn the_events_are_those_the_widgets_fire() {
        // Each widget's events, as the Rust code names them and fills their details.
        let params = Rc::new(Default::default());
        let common = |ready: WidgetEvent| {
            vec![
                ready,
                WidgetEvent::Error { message: "m".into() },
                WidgetEvent::Select { action_line: "C1".into(), sdg: 1 },
                WidgetEvent::LanguageChange { lang: Lang::Fr },
                WidgetEvent::State { params: Rc::clone(&params) },
            ]
        };
        let fired = [
            ("wsis-sdg-matrix", common(WidgetEvent::MatrixReady { links: 1 })),
            ("wsis-forum-outcomes", common(WidgetEvent::ForumReady { sessions: 1 })),
            (
                "p2c-pledges",
                vec![
                    WidgetEvent::PledgesReady { total_usd: 1.0 },
                    WidgetEvent::PledgesUpdate { total_usd: 2.0, previous_usd: 1.0 },
                    WidgetEvent::Error { message: "m".into() },
                    WidgetEvent::LanguageChange { lang: Lang::Fr },
                ],
            ),
        ];
        for (tag, events) in fired {
            let from_code: BTreeSet<(String, Vec<&str>)> = events
                .iter()
                .map(|e| (e.name().to_owned(), e.detail().iter().map(|(k, _)| *k).collect()))
                .collect();
            let documented: BTreeSet<(String, Vec<&str>)> = element(tag)
                .events
                .iter()
                .map(|v| {
                    let keys = v
                        .detail
                        .trim_matches(|c| c == '{' || c == '}' || c == ' ')
                        .split(", ")
                        .filter_map(|field| field.split_once(':').map(|(key, _)| key))
                        .filter(|key| key.chars().all(char::is_alphanumeric))
                        .collect();
                    (v.name.to_owned(), keys)
                })
                .collect();
            assert_eq!(documented, from_code, "{tag}");
        }
    }

    #[test]
    fn the_parts_are_those_in_the_markup() {
        let shared: BTreeSet<String> = sources(&root().join("src/widgets/shared"))
            .iter()
            .flat_map(|(_, text)| quoted_after(text, "part=\"").into_iter().map(str::to_owned))
            .collect();
        for (tag, dir) in
            [("wsis-sdg-matrix", "matrix"), ("wsis-forum-outcomes", "forum"), ("p2c-pledges", "pledges")]
        {
            let mut in_markup: BTreeSet<String> = shared.clone();
            for (_, text) in sources(&root().join("src/widgets").join(dir)) {
                in_markup.extend(quoted_after(&text, "part=\"").into_iter().map(str::to_owned));
            }
            let documented: BTreeSet<String> = element(tag).parts.iter().map(|p| p.name.to_owned()).collect();
            assert_eq!(documented, in_markup, "{tag}");
        }
    }

    #[test]
    fn the_custom_properties_are_those_the_stylesheet_reads() {
        let css = wsis_sdg_widgets::ui::style::stylesheet();
        // A host-facing property is read with a fallback: `var(--wsis-color, …)`.
        let read: BTreeSet<&str> = css
            .match_indices("var(--wsis-")
            .filter_map(|(i, _)| {
                let rest = &css[i + 4..];
                let end = rest.find([',', ')'])?;
                rest[end..].starts_with(',').then(|| &rest[..end])
            })
            .collect();
        let documented: BTreeSet<&str> = CSS_PROPERTIES.iter().map(|c| c.name).collect();
        assert_eq!(documented, read);
    }

    #[test]
    fn the_options_are_those_embed_reads() {
        let path = root().join("src/embed/options.rs");
        let text = std::fs::read_to_string(&path).expect("options.rs");
        let read = quoted_after(&text, "string(options, \"");
        let mut documented: BTreeSet<&str> =
            ELEMENTS.iter().flat_map(|e| e.attributes.iter().filter_map(|a| a.option)).collect();
        // Set by elements.js from `url-state` and the page URL, not by a host.
        documented.insert("urlState");
        assert_eq!(documented, read);
    }

    #[test]
    fn elements_js_observes_every_attribute() {
        let script = crate::build::element_script_source().expect("elements.js");
        let line = script
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("static observedAttributes = /** @type {readonly string[]} */ (")?
                    .strip_suffix(");")
            })
            .expect("observedAttributes");
        let observed: Vec<String> = serde_json::from_str(line).expect("a JSON list");
        assert_eq!(observed, observed_attributes());
        assert!(observed.iter().any(|a| a == "matrix-src") && observed.iter().any(|a| a == "refresh"));
    }

    #[test]
    fn the_readme_tables_are_generated_from_here() {
        let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
        let blocks = readme.matches(BLOCK_START).count();
        assert_eq!(blocks, 3 * 3 + 1, "attributes, events and parts per element, and the custom properties");
        assert_eq!(readme_with_tables(&readme).expect("tables"), readme, "run `cargo xtask api-docs`");
    }

    #[test]
    fn the_manifest_names_every_element_in_its_script_and_the_all_in_one() {
        let m = manifest();
        let modules = m["modules"].as_array().expect("modules");
        assert_eq!(modules.len(), 4);
        let all = &modules[3];
        assert_eq!(all["path"], "wsis-sdg-widgets.js");
        let tags: Vec<&str> =
            all["declarations"].as_array().expect("d").iter().filter_map(|d| d["tagName"].as_str()).collect();
        assert_eq!(tags, ["wsis-sdg-matrix", "wsis-forum-outcomes", "p2c-pledges"]);
        let matrix = &modules[0]["declarations"][0];
        assert_eq!(matrix["attributes"][0]["name"], "src");
        assert!(matrix["attributes"]
            .as_array()
            .expect("a")
            .iter()
            .all(|a| !a["description"].as_str().unwrap_or("`").contains('`')));
        assert_eq!(matrix["events"][0]["type"]["text"], "CustomEvent<{ links: number }>");
    }

    #[test]
    fn the_languages_are_the_crates() {
        let codes: Vec<String> = Lang::ALL.iter().map(|l| format!("'{}'", l.code())).collect();
        assert_eq!(LANG_TS, codes.join(" | "));
        assert_eq!(LANG_VALUES.split(" (").next(), Some(codes.join(" ").replace('\'', "`").as_str()));
    }

    #[test]
    fn plain_text_drops_backticks_and_link_targets() {
        assert_eq!(plain("keep `x` ([Deep links](#deep)) here"), "keep x (Deep links) here");
    }
}
