//! Installs the tools the build and tests need, each only when missing, so a fresh machine
//! needs nothing by hand and a warm one loses no time.

use std::path::PathBuf;
use std::process::Command;

use crate::{root, run, Result};

/// Must equal the `wasm-bindgen` crate version pinned in `Cargo.toml`.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

pub fn all() -> Result {
    build_tools()?;
    chromium()?;
    nginx()
}

/// Everything `build` needs: wasm target, wasm-bindgen-cli, npm tools (wasm-opt).
pub fn build_tools() -> Result {
    wasm_target()?;
    wasm_bindgen_cli()?;
    npm_tools()
}

fn output(cmd: &mut Command) -> Option<String> {
    cmd.output().ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Path of the `wasm-bindgen` binary that `cargo install` puts in cargo's bin folder.
pub fn wasm_bindgen_bin() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    cargo_home.join("bin/wasm-bindgen")
}

fn wasm_bindgen_cli() -> Result {
    let version = output(Command::new(wasm_bindgen_bin()).arg("--version")).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(WASM_BINDGEN_VERSION) {
        return Ok(());
    }
    // Not `--locked`: its lockfile names a version the registry no longer has.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={WASM_BINDGEN_VERSION}"),
        "--force",
    ]))
}

fn npm_tools() -> Result {
    let root = root();
    let installed = root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/terser/bin/terser").exists()
        && root.join("node_modules/playwright-core/package.json").exists();
    let lock = root.join("package-lock.json");
    let marker = root.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(l), Ok(m)) => match (l.modified(), m.modified()) {
            (Ok(l), Ok(m)) => m >= l,
            _ => false,
        },
        _ => false,
    };
    if installed && fresh {
        return Ok(());
    }
    run(Command::new("npm").current_dir(&root).args(["ci", "--no-audit", "--no-fund"]))
}

/// `apt-get ARGS` as root, or through sudo.
fn apt(args: &[&str]) -> Result {
    let mut cmd = if is_root() {
        Command::new("apt-get")
    } else {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    };
    run(cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args))
}

fn chromium() -> Result {
    if PathBuf::from("/usr/bin/chromium").exists() {
        return Ok(());
    }
    apt(&["update", "-qq"])?;
    apt(&[
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
        "fonts-noto-core",
    ])
}

/// Debian's nginx binary, which the `deploy/nginx.conf` checks start.
pub const NGINX: &str = "/usr/sbin/nginx";
/// Debian's `brotli_static` module (package `libnginx-mod-http-brotli-static`), which the
/// package enables in `modules-enabled/` for the stock `nginx.conf`.
pub const NGINX_BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// Debian's nginx and its `brotli_static` module, for the web-server checks of `deploy/`.
/// (Installing does not start a service in a container: its `policy-rc.d` refuses; on a
/// machine with systemd, Debian starts nginx on port 80 as it does for any install.)
pub fn nginx() -> Result {
    if PathBuf::from(NGINX).exists() && PathBuf::from(NGINX_BROTLI_STATIC).exists() {
        return Ok(());
    }
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", "--no-install-recommends", "nginx", "libnginx-mod-http-brotli-static"])
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
