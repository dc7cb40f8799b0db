//! A data file's bytes to text and JSON, with faults told in the words of the people who keep
//! the data: no Rust type names, and a hint for the common causes (an HTML page where JSON was
//! expected, UTF-16, a trailing comma, a number written as text).

use super::error::{Error, ErrorKind};

/// The largest data file a widget reads unless its element says otherwise (`max-bytes`):
/// 16 MB, 290 times the largest bundled file, so no file can exhaust a phone's memory.
pub const DEFAULT_MAX_BYTES: u32 = 16_000_000;

/// The text of a data file: UTF-8, with or without a byte-order mark (which is dropped).
/// UTF-16 and other encodings are refused with a message that says so.
pub fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    let utf16_mark = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    // Without a mark, UTF-16 JSON still shows as a NUL next to its first character.
    let utf16_bare = bytes.len() >= 2 && bytes.iter().take(2).any(|b| *b == 0);
    if utf16_mark || utf16_bare {
        return Err(Error::new(file, "", ErrorKind::Utf16));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = 1 + bytes.iter().take(offset).filter(|b| **b == b'\n').count();
        Error::new(file, "", ErrorKind::NotUtf8 { line, offset })
    })
}

/// Refuses a file over `limit` bytes; `size` is what is known of it so far.
pub fn check_size(file: &str, size: u64, limit: u32) -> Result<(), Error> {
    if size > u64::from(limit) {
        return Err(Error::new(file, "", ErrorKind::TooLarge { size: Some(size), limit }));
    }
    Ok(())
}

/// Parses `text` as `T`, naming the JSON path of the first fault (via `serde_path_to_error`)
/// and telling it plainly.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        // serde_path_to_error writes `?` for a place it could not name (inside a value cut short).
        let path = path.replace(".?", "");
        let path = if path == "." || path == "?" { String::new() } else { path };
        let inner = err.into_inner();
        // A file that is a list reads as one here: serde takes a list for an object's fields.
        let is_list = inner.is_data() && text.trim_start().starts_with('[');
        let path = if is_list { String::new() } else { path };
        let whole_file = path.is_empty();
        let kind = if inner.is_data() {
            ErrorKind::WrongShape(plain_shape(&inner, whole_file))
        } else {
            ErrorKind::NotJson(plain_syntax(&inner, text))
        };
        Error::new(file, path, kind)
    })
}

/// serde_json's message without its " at line L column C".
fn bare_message(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let at = format!(" at line {} column {}", err.line(), err.column());
    message.strip_suffix(&at).map_or(message.clone(), str::to_owned)
}

/// A fault in the JSON text itself.
fn plain_syntax(err: &serde_json::Error, text: &str) -> String {
    let message = bare_message(err);
    let (line, column) = (err.line(), err.column());
    let start = text.trim_start();
    if start.is_empty() {
        return "the file is empty".to_owned();
    }
    if start.starts_with('<') {
        return "this is a web page (HTML), not JSON: the server sent a page, often an error or \
                login page, where the data file belongs; check the address"
            .to_owned();
    }
    if err.is_eof() {
        return format!(
            "the file stops in the middle (line {line}): a download cut short, or a file \
             saved while still being written"
        );
    }
    let here = text.lines().nth(line.saturating_sub(1)).and_then(|l| {
        let skip = l.char_indices().nth(column.saturating_sub(1)).map_or(l.len(), |(i, _)| i);
        l.get(skip..)
    });
    let here = here.unwrap_or("");
    let at = format!("line {line}, column {column}");
    if message == "trailing comma" {
        return format!("a comma after the last entry ({at}): JSON allows none there, remove it");
    }
    if ["NaN", "Infinity", "-Infinity"].iter().any(|w| here.starts_with(w)) {
        return format!(
            "NaN and Infinity are not JSON numbers ({at}): write a number or leave the field out"
        );
    }
    if here.starts_with('\'') {
        return format!("a text in single quotes ({at}): JSON needs double quotes");
    }
    if message == "recursion limit exceeded" {
        return format!("nested more than 128 levels deep ({at}): this is not a data file of this kind");
    }
    if message.starts_with("control character") {
        return format!("a control character inside a text ({at}): write a line break as \\n");
    }
    format!("not valid JSON at {at} ({message})")
}

/// A fault in the shape of valid JSON: what was found and what belongs there, in plain words.
fn plain_shape(err: &serde_json::Error, whole_file: bool) -> String {
    let message = bare_message(err);
    if let Some(rest) =
        message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "))
    {
        let Some((found, expected)) = rest.split_once(", expected ") else { return message };
        let (found, expected) = (plain_found(found), plain_expected(expected));
        if whole_file {
            return format!("the file holds {found}, not the object of a data file: is it the right file?");
        }
        // By its characters: Rust's float parser would add 10 kB of tables to the wasm.
        let digits = found.trim_start_matches("the text \"").trim_end_matches('"');
        let looks_numeric = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
        let quoted_number = rest.starts_with("string \"") && looks_numeric && expected.contains("number");
        let hint = if quoted_number { ": write the number without quotes" } else { "" };
        return format!("found {found}, expected {expected}{hint}");
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        if whole_file {
            return "the file holds a list, not the object of a data file: is it the right file?".to_owned();
        }
        return format!("found a list, expected {}", plain_expected(expected));
    }
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field \"{field}\" is missing");
    }
    if let Some(field) = message.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field \"{field}\" is given twice");
    }
    for (prefix, what) in [("unknown field `", "a field here"), ("unknown variant `", "a value allowed here")]
    {
        if let Some((name, expected)) = message.strip_prefix(prefix).and_then(|r| r.split_once('`')) {
            let allowed = expected.trim_start_matches(", expected one of ").trim_start_matches(", expected ");
            let allowed = allowed.replace('`', "");
            let allowed = if allowed.is_empty() { String::new() } else { format!(" (allowed: {allowed})") };
            return format!("\"{name}\" is not {what}{allowed}");
        }
    }
    message
}

/// serde's name for a value it found, as a reader would say it.
fn plain_found(found: &str) -> String {
    let backticked = |prefix: &str| found.strip_prefix(prefix).map(|r| r.trim_matches('`').to_owned());
    if let Some(n) = backticked("integer ").or_else(|| backticked("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(b) = backticked("boolean ") {
        return b;
    }
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {s}");
    }
    match found {
        "map" => "an object".to_owned(),
        "sequence" => "a list".to_owned(),
        "unit value" => "null".to_owned(),
        other => other.to_owned(),
    }
}

/// serde's name for what belongs at a place (a Rust type, often), as a reader would say it.
fn plain_expected(expected: &str) -> &str {
    if expected.starts_with("struct ") || expected == "a map" {
        return "an object";
    }
    match expected {
        "a sequence" => "a list",
        "a string" | "a borrowed string" => "a text",
        "a boolean" => "true or false",
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u8,
    }

    fn message(text: &str) -> String {
        parse_json::<Doc>("x.json", text).unwrap_err().to_string()
    }

    #[test]
    fn json_errors_carry_the_path() {
        let err = parse_json::<Doc>("x.json", r#"{"items":[{"n":1},{"n":true}]}"#).unwrap_err();
        assert_eq!(err.path(), "items[1].n");
        assert!(!err.is_retryable());
        assert_eq!(err.to_string(), "x.json: items[1].n: found true, expected a whole number from 0 to 255");
    }

    #[test]
    fn shapes_in_plain_words() {
        assert_eq!(
            message(r#"{"items":[{"n":"5"}]}"#),
            "x.json: items[0].n: found the text \"5\", expected a whole number from 0 to 255: write the number without quotes"
        );
        assert_eq!(
            message("null"),
            "x.json: the file holds null, not the object of a data file: is it the right file?"
        );
        assert_eq!(
            message("[]"),
            "x.json: the file holds a list, not the object of a data file: is it the right file?"
        );
        assert_eq!(message("{}"), "x.json: the field \"items\" is missing");
        assert_eq!(message(r#"{"items":{}}"#), "x.json: items: found an object, expected a list");
        assert_eq!(
            message(r#"{"items":[{"n":300}]}"#),
            "x.json: items[0].n: found the number 300, expected a whole number from 0 to 255"
        );
        assert_eq!(
            message(r#"{"items":[{"m":1}]}"#),
            "x.json: items[0].m: \"m\" is not a field here (allowed: n)"
        );
    }

    #[test]
    fn syntax_in_plain_words() {
        assert_eq!(message(""), "x.json: the file is empty");
        assert_eq!(message("<!DOCTYPE html><p>Not found"), "x.json: this is a web page (HTML), not JSON: the server sent a page, often an error or login page, where the data file belongs; check the address");
        assert_eq!(message("{\"items\":[{\"n\":1}"), "x.json: items: the file stops in the middle (line 1): a download cut short, or a file saved while still being written");
        assert_eq!(message("{\"items\":[{\"n\":1},]}"), "x.json: items: a comma after the last entry (line 1, column 19): JSON allows none there, remove it");
        assert_eq!(message("{\"items\":[{\"n\":NaN}]}"), "x.json: items[0].n: NaN and Infinity are not JSON numbers (line 1, column 16): write a number or leave the field out");
        assert_eq!(
            message("{'items':[]}"),
            "x.json: a text in single quotes (line 1, column 2): JSON needs double quotes"
        );
        assert!(parse_json::<Doc>("x.json", "{").unwrap_err().is_retryable());
    }

    #[test]
    fn utf8_only_with_an_optional_mark() {
        assert_eq!(text_of("x.json", b"\xEF\xBB\xBF{}").unwrap(), "{}");
        assert_eq!(text_of("x.json", b"{}").unwrap(), "{}");
        let utf16 = text_of("x.json", b"\xFF\xFE{\x00}\x00").unwrap_err();
        assert_eq!(utf16.kind(), &ErrorKind::Utf16);
        assert_eq!(text_of("x.json", b"{\x00}\x00").unwrap_err().kind(), &ErrorKind::Utf16);
        let latin1 = text_of("x.json", b"{\n\"a\":\"\xE9\"}").unwrap_err();
        assert_eq!(latin1.kind(), &ErrorKind::NotUtf8 { line: 2, offset: 7 });
    }

    #[test]
    fn size_limit() {
        assert!(check_size("x.json", 10, 10).is_ok());
        let err = check_size("x.json", 11, 10).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooLarge { size: Some(11), limit: 10 });
        assert!(!err.is_retryable());
    }
}
