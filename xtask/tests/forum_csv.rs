//! The `forum_csv` fuzz target's body (`fuzz/forum_csv_body.rs`) over a bounded, reproducible set
//! of inputs on stable, in every test run: the sample spreadsheets (`forum_csv::samples`), each
//! mutated byte by byte and cell by cell. The long run is `cargo xtask fuzz` (BENCHMARKS.md,
//! "Fuzzing"); `MUTATIONS=N` sets the mutations per sample here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../../fuzz/forum_csv_body.rs"]
mod body;

use xtask::forum_csv::samples;

/// xorshift64: reproducible, so a failure names its case.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const PIECES: [&str; 14] = [
    "\"",
    ",",
    "\n",
    "\r\n",
    ";",
    " / ",
    "C7",
    "C7 e-health",
    "18",
    "2003",
    "javascript:x",
    "\u{0}",
    "é",
    "",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1).min(bytes.len());
        match rng.below(4) {
            0 => {
                let end = (at + rng.below(12)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => bytes.splice(at..at, PIECES[rng.below(PIECES.len())].bytes()).for_each(drop),
            2 => {
                // A row repeated: the same session twice, or a cell copied elsewhere.
                let end = (at + rng.below(120)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
    }
    bytes
}

#[test]
fn the_samples_are_imported_or_refused_as_they_should() {
    let imported: Vec<&str> =
        samples().iter().filter(|(_, bytes)| body::forum_csv(bytes)).map(|(name, _)| *name).collect();
    assert_eq!(imported, ["good.csv", "crlf.csv", "bom.csv", "reordered.csv"]);
}

#[test]
fn mutated_spreadsheets_are_imported_or_refused() {
    let per_sample: usize = std::env::var("MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(250);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut cases, mut imported) = (0, 0);
    for (_, sample) in samples() {
        for _ in 0..per_sample {
            if body::forum_csv(&mutate(&mut rng, &sample)) {
                imported += 1;
            }
            cases += 1;
        }
    }
    eprintln!("{cases} mutated spreadsheets, {imported} imported, no panic, no broken property");
    assert!(cases >= 2000, "{cases}");
    assert!(imported * 50 > cases, "only {imported} of {cases} mutated spreadsheets imported");
}
