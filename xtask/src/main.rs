//! Project commands: `cargo xtask <command>`.
//!
//! - `setup`     installs what the build and tests need when missing (wasm target,
//!   wasm-bindgen-cli, npm tools, Debian Chromium and nginx)
//! - `build`     builds the widgets into `dist/`
//! - `dist`      builds and packages the release: `release/wsis-sdg-widgets-<version>/`, `.tar.gz`, `.zip`
//! - `serve`     builds and serves the demo on http://127.0.0.1:8080
//! - `test`      every check: format, clippy, native tests, tsc on the JavaScript, node and
//!   browser tests
//! - `validate`  checks data files, one error per line, non-zero exit on any
//! - `gen-data`  regenerates `data/` from `../shared/reference`
//! - `bench`     prints size and speed figures
//! - `announce`  records a pledge announced on stage in `data/p2c-pledges.json`
//! - `import-forum` merges a session spreadsheet (CSV) into `data/forum-outcomes.json`
//! - `prerender` writes a widget's pre-rendered snippet for any data file
//! - `test-nginx` runs `deploy/nginx.conf` in Debian's nginx and checks its headers (part of `test`)
//! - `gen-forum` writes a large synthetic forum file under `target/` for tests and benchmarks
//! - `api-docs`  writes the README's tables of attributes, events, parts and custom properties
//!   from `api.rs`

mod announce;
mod api;
mod bench;
mod build;
mod dist;
mod error;
mod examples;
mod forum;
mod fuzz;
mod gen_data;
mod intl;
mod nginx;
mod prerender;
mod scale;
mod serve;
mod setup;
mod validate;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use lexopt::ValueExt;

pub use error::{Error, IoContext, Result};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs a command, echoing it, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| Error::usage(format!("{}: {e}", describe(cmd))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::usage(format!("{} failed ({status})", describe(cmd))))
    }
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        s.push(' ');
        s.push_str(&arg.to_string_lossy());
    }
    s
}

fn usage() -> String {
    "usage: cargo xtask <setup|build|dist [--no-build] [--out DIR] [--base-url URL]|serve [--port N] [--with-tests] [--no-build]|test|test-nginx|validate FILE...|gen-data|bench|bench-scale|fuzz [--runs N] [--target NAME]|announce --usd N --pledger P --event E|import-forum CSV|gen-forum [--sessions N]|prerender ELEMENT --data FILE …>".into()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("build") if args.get(1).is_some_and(|a| a == "--no-wasm") => build::build_with(false),
        Some("build") => setup::build_tools().and_then(|()| build::build()),
        Some("dist") => dist::command(args.get(1..).unwrap_or_default()),
        Some("serve") => serve_command(args.get(1..).unwrap_or_default()),
        Some("test") => test(),
        Some("test-nginx") => nginx::test(),
        Some("validate") => validate::command(args.get(1..).unwrap_or_default()),
        Some("gen-data") => {
            let root = root();
            gen_data::run(&root.join("../shared/reference"), &root.join("data"))
        }
        Some("bench") => bench::command(),
        Some("bench-scale") => scale::command(),
        Some("fuzz") => fuzz::command(args.get(1..).unwrap_or_default()),
        Some("announce") => announce::command(args.get(1..).unwrap_or_default()),
        Some("import-forum") => forum::import_command(args.get(1..).unwrap_or_default()),
        Some("gen-forum") => forum::gen_command(args.get(1..).unwrap_or_default()),
        Some("prerender") => prerender::command(args.get(1..).unwrap_or_default()),
        Some("api-docs") => api::write_readme(),
        _ => Err(Error::usage(usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve_command(args: &[String]) -> Result {
    let mut port = 8080u16;
    let mut with_tests = false;
    let mut build = true;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("port") => {
                port = parser.value()?.parse().map_err(|e| Error::usage(format!("--port: {e}")))?
            }
            // Also serves the browser-test and benchmark pages, to run those by hand.
            lexopt::Arg::Long("with-tests") => with_tests = true,
            lexopt::Arg::Long("no-build") => build = false,
            other => return Err(Error::usage(format!("{}; {}", other.unexpected(), usage()))),
        }
    }
    if build {
        setup::build_tools()?;
        build::build()?;
    }
    let server = serve::start(port, with_tests)?;
    println!("Serving the demo at http://{}/  (Ctrl+C to stop)", server.addr);
    server.join();
    Ok(())
}

/// Everything CI checks, in the order that fails fastest.
fn test() -> Result {
    setup::all()?;
    let root = root();
    run(Command::new("cargo").current_dir(&root).args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").current_dir(&root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new("cargo").current_dir(&root).args([
        "clippy",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Each one-widget bundle's feature set and the data desk's (and its snippet module's), so a gate that leaves a
    // warning shows here; and none, as a Yew app takes the crate (`components`, examples/yew-app).
    for features in ["matrix", "forum", "pledges", "desk", "snippet", ""] {
        run(Command::new("cargo").current_dir(&root).args([
            "clippy",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--no-default-features",
            "--features",
            features,
            "--",
            "-D",
            "warnings",
        ]))?;
    }
    // The example Yew app (examples/yew-app) as it is built, for wasm.
    run(Command::new("cargo").current_dir(&root).args([
        "clippy",
        "--package",
        "yew-app",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The public Rust API's documentation: a missing doc comment (missing_docs on the modules
    // a Yew app uses) or a broken link fails.
    run(Command::new("cargo").current_dir(&root).env("RUSTDOCFLAGS", "-D warnings").args([
        "doc",
        "--no-deps",
        "--workspace",
    ]))?;
    run(Command::new("cargo").current_dir(&root).args(["test", "--workspace"]))?;
    validate::validate_bundled()?;
    build::build()?;
    // After the build: the deck tests it checks import dist/present/, constants.js included.
    run(Command::new(root.join("node_modules/.bin/tsc")).current_dir(&root).args(["-p", "tsconfig.json"]))?;
    // A host's TypeScript against the declarations the build wrote (api.rs).
    run(Command::new(root.join("node_modules/.bin/tsc")).current_dir(&root).args(["-p", "tests/types"]))?;
    // deploy/nginx.conf in real nginx, over a release-shaped folder made from dist/.
    nginx::test()?;
    browser_tests(&root)
}

fn browser_tests(root: &Path) -> Result {
    let server = serve::start(0, true)?;
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["tests/data", "tests/deck", "tests/dist", "tests/browser"] {
        let dir = root.join(dir);
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .at(&dir)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
            .collect();
        found.sort();
        files.extend(found);
    }
    if files.is_empty() {
        return Err(Error::check("no tests found in tests/data, tests/deck, tests/dist or tests/browser"));
    }
    let xtask = std::env::current_exe().map_err(|e| Error::io("(own path)", e))?;
    // A test that hangs fails after 3 minutes, and a file whose test left something open (a
    // browser after a failed `before`) still ends, so CI never waits out its whole budget.
    let mut cmd = Command::new("node");
    cmd.current_dir(root)
        .env("BASE_URL", format!("http://{}", server.addr))
        .env("XTASK_BIN", &xtask)
        .args([
            "--test",
            "--test-concurrency=1",
            "--test-reporter=spec",
            "--test-timeout=180000",
            "--test-force-exit",
        ])
        .args(&files);
    run(&mut cmd)?;
    Ok(())
}
