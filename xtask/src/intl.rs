//! Node's `Intl` for pre-rendering: pre-rendered numbers and dates then read as the live widget
//! (the browser's `Intl`, same options from `ui::format`) will write them, so the takeover
//! changes no text and no width. The script is generic: the options come from Rust.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Map, Value};
use wsis_sdg_widgets::ui::format::{set_native_intl, IntlKind, NativeIntl};

const SCRIPT: &str = r#"
const formats = new Map();
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  let out = null;
  try {
    const q = JSON.parse(line);
    const key = line.replace(/"v":[^,}]*/, '');
    let f = formats.get(key);
    if (!f) {
      f = q.k === 'n' ? new Intl.NumberFormat(q.l, q.o)
        : q.k === 'p' ? new Intl.PluralRules(q.l, q.o) : new Intl.DateTimeFormat(q.l, q.o);
      formats.set(key, f);
    }
    out = q.k === 'p' ? f.select(q.v) : f.format(q.k === 'n' ? q.v : new Date(q.v));
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
    fn ask(&mut self, kind: IntlKind, locale: &str, options: &[(&str, &str)], value: f64) -> Option<String> {
        let options: Map<String, Value> =
            options.iter().map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned()))).collect();
        let kind = match kind {
            IntlKind::Number => "n",
            IntlKind::Date => "d",
            IntlKind::Plural => "p",
        };
        let question = json!({ "k": kind, "l": locale, "o": options, "v": value });
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
        Box::new(move |kind, locale, options, value| node.borrow_mut().ask(kind, locale, options, value));
    set_native_intl(Some(intl));
}

#[cfg(test)]
mod tests {
    use wsis_sdg_widgets::model::Lang;
    use wsis_sdg_widgets::ui::format::{plural, PluralCategory};
    use wsis_sdg_widgets::ui::i18n::{forum_strings, pledge_strings, strings};

    /// Plural forms come from `Intl.PluralRules` (here Node's, in the browser the browser's):
    /// Russian and Arabic counts get the noun form their grammar asks for.
    #[test]
    fn counts_take_the_plural_form_of_their_language() {
        super::plug();
        assert_eq!(plural(Lang::Ru, 5.0), PluralCategory::Many);
        assert_eq!(plural(Lang::Ar, 2.0), PluralCategory::Two);
        assert_eq!(strings(Lang::Ru).count(Lang::Ru, 3, 121), "3 из 121 связи");
        assert_eq!(strings(Lang::Ru).count(Lang::Ru, 34, 123), "34 из 123 связей");
        assert_eq!(strings(Lang::En).count(Lang::En, 1, 1), "1 of 1 link");
        assert_eq!(pledge_strings(Lang::Ru).n_pledges.pick(Lang::Ru, 22.0), "{n} обязательства");
        assert_eq!(pledge_strings(Lang::En).n_pledges.pick(Lang::En, 1.0), "{n} pledge");
        assert_eq!(forum_strings(Lang::Ar).n_sessions.pick(Lang::Ar, 99.0), "{n} من أصل {total} جلسةً");
        assert_eq!(strings(Lang::Ar).count(Lang::Ar, 34, 123), "34 من أصل 123 ارتباطًا");
        wsis_sdg_widgets::ui::format::set_native_intl(None);
    }
}
