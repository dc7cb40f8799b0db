//! The one way data files are written back: by `cargo xtask import-forum` and `announce` and by
//! the data desk (`www/desk.html`), so a file the desk downloads is byte for byte what a command
//! writes for the same input.

use serde_json::Value;

/// A data file's text: serde_json's pretty form (two-space indent, keys in the order the file
/// had them, which the `preserve_order` feature keeps) and one final line break.
pub fn write_json(doc: &Value) -> String {
    // Serializing a `Value` cannot fail (its keys are strings).
    serde_json::to_string_pretty(doc).map(|text| text + "\n").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_ends_with_a_line_break() {
        let text = "{\n  \"z\": 1,\n  \"a\": [\n    \"x\"\n  ]\n}\n";
        let doc: Value = serde_json::from_str(text).unwrap();
        assert_eq!(write_json(&doc), text);
    }
}
