//! The fuzz targets' bodies (`fuzz/bodies.rs`) over a bounded, reproducible set of inputs on
//! stable, in every test run: the bad-file corpus, each file mutated (bytes flipped, ranges cut,
//! doubled or spliced, JSON tokens inserted), and random URL parameters. The long runs use cargo
//! fuzz on nightly (BENCHMARKS.md, "Fuzzing"); `MUTATIONS=N` sets the mutations per file here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../fuzz/bodies.rs"]
mod bodies;

use std::path::Path;

/// xorshift64*: reproducible, so a failure names its case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&[u8]; 16] = [
    b"null",
    b"[]",
    b"{}",
    b"\"\"",
    b"-1",
    b"1e309",
    b"0",
    b"18",
    b"9.5",
    b",",
    b"\"javascript:x\"",
    b"\"\\u0000\"",
    b"\"\xEF\xBF\xBE\"",
    b"[[[[[[[[",
    b"\"C7\"",
    b"\"S1\"",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len().max(1);
        let at = rng.below(len).min(out.len());
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(256)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            _ => out.truncate(at),
        }
    }
    out
}

#[test]
fn data_files_mutated_never_panic() {
    let per_file: usize = std::env::var("MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(12);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut rng = Rng(0x005E_ED0F_DA7A);
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with("deck-") || name == "expected.json" {
            continue;
        }
        let kind = bodies::KINDS.iter().position(|k| name.starts_with(k)).unwrap_or(0) as u8;
        let bytes = std::fs::read(&path).unwrap();
        bodies::data_file(kind, &bytes);
        for _ in 0..per_file {
            let input = mutate(&mut rng, &bytes);
            // Mostly as its own kind, sometimes as another.
            let as_kind = if rng.below(4) == 0 { rng.below(4) as u8 } else { kind };
            bodies::data_file(as_kind, &input);
            cases += 1;
        }
    }
    eprintln!("{cases} mutated data files, no panic");
    assert!(cases >= 500, "{cases}");
}

#[test]
fn url_parameters_read_back_the_same() {
    let keys =
        ["al", "sdg", "agency", "target", "q", "view", "cell", "year", "type", "sort", "open", "x", ""];
    let values = [
        "C5", "C7", "e-hea", "9", "0", "18", "-1", "9.c", "C5.9", "sdg-al", "2025", "é", "%", "", "ITU", "S1",
    ];
    let mut rng = Rng(0xC0FFEE);
    let cases = 3000;
    for _ in 0..cases {
        let n = rng.below(6);
        let text: Vec<String> = (0..n)
            .map(|_| format!("{}={}", keys[rng.below(keys.len())], values[rng.below(values.len())]))
            .collect();
        bodies::url_state(text.join("&").as_bytes());
    }
    eprintln!("{cases} URL parameter sets, no panic, each read back the same");
}
