//! Node's `Intl` for pre-rendering: pre-rendered numbers and dates then read as the live widget
//! (the browser's `Intl`, same options from `ui::format`) will write them, so the takeover
//! changes no text and no width. The script is generic: the options come from Rust.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Map, Value};
use wsis_sdg_widgets::ui::format::{set_native_intl, NativeIntl};

const SCRIPT: &str = r#"
const formats = new Map();
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  let out = null;
  try {
    const q = JSON.parse(line);
    const key = line.replace(/"v":[^,}]*/, '');
    let f = formats.get(key);
    if (!f) {
      f = q.n ? new Intl.NumberFormat(q.l, q.o) : new Intl.DateTimeFormat(q.l, q.o);
      formats.set(key, f);
    }
    out = f.format(q.n ? q.v : new Date(q.v));
  } catch (e) { out = null; }
  process.stdout.write(JSON.stringify(out) + '\n');
});
"#;

struct Node {
    _child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Node {
    fn ask(&mut self, number: bool, locale: &str, options: &[(&str, &str)], value: f64) -> Option<String> {
        let options: Map<String, Value> =
            options.iter().map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned()))).collect();
        let question = json!({ "n": number, "l": locale, "o": options, "v": value });
        writeln!(self.input, "{question}").ok()?;
        self.input.flush().ok()?;
        let mut line = String::new();
        self.output.read_line(&mut line).ok()?;
        serde_json::from_str::<Option<String>>(&line).ok().flatten()
    }
}

/// Plugs Node's `Intl` into native rendering for this thread; without Node, says so and keeps
/// the plain forms (ISO dates, ungrouped digits).
pub fn plug() {
    let child = Command::new("node")
        .args(["-e", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("warning: node not found: pre-rendered numbers and dates use plain forms");
        return;
    };
    let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else { return };
    let node = RefCell::new(Node { _child: child, input, output: BufReader::new(output) });
    let intl: NativeIntl =
        Box::new(move |number, locale, options, value| node.borrow_mut().ask(number, locale, options, value));
    set_native_intl(Some(intl));
}
