// Placeholder until the generator lands (helper is writing this file).
use std::path::Path;
pub fn run(_reference: &Path, _data: &Path) -> Result<(), String> {
    Err("gen-data: not written yet".into())
}
