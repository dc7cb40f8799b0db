//! `deploy/nginx.conf`, run with Debian's nginx.
//!
//! - [`test`] (part of `cargo xtask test`, alone as `cargo xtask test-nginx`): starts nginx as a
//!   foreground process under a temporary folder (`nginx -p DIR -c DIR/nginx.conf -g 'daemon
//!   off;'`, pid, logs and temp paths inside it, free ports on 127.0.0.1): Debian's own
//!   `nginx.conf` including the very file of `deploy/` (only its marked paths and ports swapped)
//!   where it includes `conf.d/`, over a release-shaped folder, and checks
//!   MIME types, pre-compressed encodings (the bytes of the `.br` and `.gz` twins), cache headers
//!   per file class, 304s, CORS and a preflight; then that the proxy-cache block collapses 50
//!   concurrent requests into at most 2 origin requests (a count, not a time).
//! - [`bench`] (`BENCH_ONLY=nginx cargo xtask bench`): 1,000 simulated viewers poll the live
//!   pledge file through the proxy cache in front of `xtask serve`; prints the origin's requests
//!   per second and the delay from an `announce` to every viewer seeing it. Figures only, no
//!   assertion on time.
//!
//! The release is the archive `cargo xtask dist` makes of `dist/`, unpacked with `tar` into
//! nginx's root as an editor would (`/wsis-sdg-widgets-<version>/`), or a copy of the folder
//! `NGINX_RELEASE`. After the header checks, [`end_to_end`] takes a snippet from the release's
//! embed builder into a page of another origin, in Chromium.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::{root, serve, setup, Error, IoContext, Result};

/// What `deploy/nginx.conf` promises per file class.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The data files' freshness, in the map and in the proxy's `proxy_cache_valid`.
pub const DATA_MAX_AGE_S: u64 = 10;
const DATA: &str = "public, max-age=10";
const REVALIDATE: &str = "no-cache";
const PLEDGES: &str = "data/p2c-pledges.json";

/// A line of `deploy/nginx.conf` that a local run swaps, and what for.
struct Swap {
    from: &'static str,
    to: String,
}

/// `text` with each swap made, every `from` found exactly once (else the file has changed
/// under the checks, and they say so rather than test something else).
fn swap_all(mut text: String, swaps: &[Swap], file: &str) -> Result<String> {
    for swap in swaps {
        let found = text.matches(swap.from).count();
        if found != 1 {
            return Err(Error::check(format!(
                "{file} has `{}` {found} times, not once: update the swaps in xtask/src/nginx.rs",
                swap.from.trim()
            )));
        }
        text = text.replace(swap.from, &swap.to);
    }
    Ok(text)
}

/// The temporary folder of one run, removed when dropped (after the nginx inside it).
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn new(what: &str) -> Result<Scratch> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("wsis-nginx-{what}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).at(&path)?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// `N` free ports on 127.0.0.1: consecutive from `NGINX_TEST_PORT` if set, else picked by the
/// system (bound all at once, then released for nginx and the origin to take).
fn free_ports<const N: usize>() -> Result<[u16; N]> {
    let mut ports = [0u16; N];
    if let Some(base) = std::env::var("NGINX_TEST_PORT").ok().and_then(|v| v.parse::<u16>().ok()) {
        for (i, port) in ports.iter_mut().enumerate() {
            *port = base.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        }
        return Ok(ports);
    }
    let mut held = Vec::new();
    for port in &mut ports {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .map_err(|e| Error::check(format!("no free port on 127.0.0.1: {e}")))?;
        *port = listener.local_addr().map_err(|e| Error::check(format!("port: {e}")))?.port();
        held.push(listener);
    }
    Ok(ports)
}

/// Makes a folder (and its parents) that nginx's workers may write to: they run as `nobody`
/// when nginx is started as root.
fn writable_dir(path: &Path) -> Result {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path).at(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).at(path)
}

/// A running nginx; stopped (by its own PID) when dropped.
struct Nginx {
    child: Child,
    static_addr: SocketAddr,
    proxy_addr: SocketAddr,
    dir: PathBuf,
}

impl Nginx {
    /// Starts `deploy/nginx.conf` with the release root `release`, the static block on
    /// `static_port`, the proxy block on `proxy_port` in front of `origin`, everything else
    /// under `dir`.
    fn start(
        dir: &Path,
        release: &Path,
        origin: SocketAddr,
        static_port: u16,
        proxy_port: u16,
    ) -> Result<Nginx> {
        let conf_path = root().join("deploy/nginx.conf");
        let conf = std::fs::read_to_string(&conf_path).at(&conf_path)?;
        let cache = dir.join("cache");
        writable_dir(&cache)?;
        for temp in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"] {
            writable_dir(&dir.join("temp").join(temp))?;
        }
        let swaps = [
            Swap { from: "root /srv/wsis-sdg-widgets;", to: format!("root {};", release.display()) },
            Swap { from: "listen 80;", to: format!("listen 127.0.0.1:{static_port};") },
            Swap { from: "listen 8081;", to: format!("listen 127.0.0.1:{proxy_port};") },
            Swap {
                from: "proxy_cache_path /var/cache/nginx-wsis-sdg-widgets ",
                to: format!("proxy_cache_path {} ", cache.display()),
            },
            Swap { from: "server 127.0.0.1:8080;", to: format!("server {origin};") },
        ];
        let site = swap_all(conf, &swaps, "deploy/nginx.conf")?;
        let site_path = dir.join("site.conf");
        std::fs::write(&site_path, site).at(&site_path)?;
        // Debian's own /etc/nginx/nginx.conf, with deploy/nginx.conf where it includes conf.d/,
        // its paths moved under `dir`, the stock default site left out (it takes port 80), the
        // brotli module loaded by its full path (Debian's modules-enabled/ names it relative to
        // the prefix, which `-p` moves) and room for the benchmark's 1,000 connections.
        let debian_path = Path::new("/etc/nginx/nginx.conf");
        let debian = std::fs::read_to_string(debian_path).at(debian_path)?;
        let d = dir.display();
        let main_swaps = [
            Swap {
                from: "user www-data;",
                to: "# user: nginx's default (nobody when started as root)".into(),
            },
            Swap {
                from: "pid /run/nginx.pid;",
                to: format!("pid {d}/nginx.pid;\nworker_rlimit_nofile 8192;"),
            },
            Swap {
                from: "error_log /var/log/nginx/error.log;",
                to: format!("error_log {d}/error.log warn;"),
            },
            Swap {
                from: "include /etc/nginx/modules-enabled/*.conf;",
                to: format!("load_module {};", setup::NGINX_BROTLI_STATIC),
            },
            Swap { from: "worker_connections 768;", to: "worker_connections 4096;".into() },
            Swap { from: "access_log /var/log/nginx/access.log;", to: format!("access_log {d}/access.log;") },
            Swap {
                from: "include /etc/nginx/conf.d/*.conf;",
                to: format!(
                    "client_body_temp_path {d}/temp/client_body;\n\tproxy_temp_path {d}/temp/proxy;\n\t\
                     fastcgi_temp_path {d}/temp/fastcgi;\n\tuwsgi_temp_path {d}/temp/uwsgi;\n\t\
                     scgi_temp_path {d}/temp/scgi;\n\tinclude {};",
                    site_path.display()
                ),
            },
            Swap { from: "include /etc/nginx/sites-enabled/*;", to: "# sites-enabled/: left out".into() },
        ];
        let main = swap_all(debian, &main_swaps, "/etc/nginx/nginx.conf")?;
        let main_path = dir.join("nginx.conf");
        std::fs::write(&main_path, main).at(&main_path)?;
        // A port taken by something else would answer the checks in nginx's place.
        for port in [static_port, proxy_port] {
            TcpListener::bind(("127.0.0.1", port))
                .map_err(|e| Error::check(format!("port {port} is not free for nginx: {e}")))?;
        }
        let stderr_path = dir.join("stderr.log");
        let stderr = std::fs::File::create(&stderr_path).at(&stderr_path)?;
        let child = Command::new(setup::NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&main_path)
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|e| Error::command_start(setup::NGINX, e))?;
        let mut nginx = Nginx {
            child,
            static_addr: SocketAddr::from(([127, 0, 0, 1], static_port)),
            proxy_addr: SocketAddr::from(([127, 0, 0, 1], proxy_port)),
            dir: dir.to_path_buf(),
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                return Err(Error::command_failed("nginx", status, nginx.log()));
            }
            let up = |addr: &SocketAddr| TcpStream::connect_timeout(addr, Duration::from_millis(200)).is_ok();
            // The pid file is written once the ports are bound.
            if dir.join("nginx.pid").exists() && up(&nginx.static_addr) && up(&nginx.proxy_addr) {
                return Ok(nginx);
            }
            if Instant::now() > deadline {
                return Err(Error::check(format!("nginx did not start listening in 10 s: {}", nginx.log())));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// nginx's own messages: its standard error and error log.
    fn log(&self) -> String {
        let read = |name: &str| std::fs::read_to_string(self.dir.join(name)).unwrap_or_default();
        format!("{}{}", read("stderr.log"), read("error.log")).trim().to_owned()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM to the master (the PID we started): it stops its workers and the cache
        // processes, then exits. (SIGKILL would leave those running, holding the ports.)
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 response.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    fn has(&self, name: &str, value: &str) -> bool {
        self.header(name) == Some(value)
    }
}

/// A keep-alive HTTP/1.1 connection: just enough client for nginx's answers (lengths, chunks).
struct Client {
    reader: BufReader<TcpStream>,
}

fn bad(what: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.into())
}

impl Client {
    fn connect(addr: SocketAddr) -> std::io::Result<Client> {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        stream.set_write_timeout(Some(Duration::from_secs(30)))?;
        let _ = stream.set_nodelay(true);
        Ok(Client { reader: BufReader::new(stream) })
    }

    fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)]) -> std::io::Result<Response> {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        self.reader.get_mut().write_all(request.as_bytes())?;
        let status_line = self.line()?;
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| bad(format!("status line {status_line:?}")))?;
        let mut headers = Vec::new();
        loop {
            let line = self.line()?;
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let mut response = Response { status, headers, body: Vec::new() };
        if method == "HEAD" || status == 204 || status == 304 || status < 200 {
            return Ok(response);
        }
        if response.header("Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
            loop {
                let size_line = self.line()?;
                let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16)
                    .map_err(|_| bad(format!("chunk size {size_line:?}")))?;
                if size == 0 {
                    while !self.line()?.is_empty() {}
                    break;
                }
                let start = response.body.len();
                response.body.resize(start + size, 0);
                if let Some(place) = response.body.get_mut(start..) {
                    self.reader.read_exact(place)?;
                }
                self.line()?;
            }
        } else if let Some(length) = response.header("Content-Length") {
            let length: usize = length.parse().map_err(|_| bad(format!("Content-Length {length:?}")))?;
            response.body.resize(length, 0);
            self.reader.read_exact(&mut response.body)?;
        } else {
            self.reader.read_to_end(&mut response.body)?;
        }
        Ok(response)
    }

    fn line(&mut self) -> std::io::Result<String> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// One request on a new connection.
fn get(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)]) -> Result<Response> {
    Client::connect(addr)
        .and_then(|mut c| c.send(method, path, headers))
        .map_err(|e| Error::check(format!("{method} http://{addr}{path}: {e}")))
}

/// `true` for the names `deploy/nginx.conf` caches for a year: `[.-][0-9a-f]{8,}\.(js|wasm|css)$`.
fn is_hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else { return false };
    if !matches!(ext, "js" | "wasm" | "css") {
        return false;
    }
    let hex = stem.chars().rev().take_while(|c| matches!(c, '0'..='9' | 'a'..='f')).count();
    hex >= 8 && stem.get(..stem.len() - hex).is_some_and(|rest| rest.ends_with(['.', '-']))
}

fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    // Quality 5: the debug-built encoder is slow at 11, and these twins only need to exist.
    let params = brotli::enc::BrotliEncoderParams { quality: 5, lgwin: 22, ..Default::default() };
    let mut input = bytes;
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = flate2::read::GzDecoder::new(bytes).read_to_end(&mut out);
    out
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).at(parent)?;
    }
    std::fs::write(path, bytes).at(path)
}

/// Copies a folder tree.
fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).at(to)?;
    for entry in std::fs::read_dir(from).at(from)? {
        let entry = entry.at(from)?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().at(&src)?.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).at(&src)?;
        }
    }
    Ok(())
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result {
    for entry in std::fs::read_dir(dir).at(dir)? {
        let entry = entry.at(dir)?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().at(entry.path())?.is_dir() {
            files(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(())
}

/// The checks' results: each printed as it is made, all failures reported together.
#[derive(Default)]
struct Checks {
    passed: usize,
    failed: Vec<String>,
}

impl Checks {
    fn expect(&mut self, ok: bool, what: impl Into<String>) {
        let what = what.into();
        if ok {
            self.passed += 1;
            println!("  ok   {what}");
        } else {
            println!("  FAIL {what}");
            self.failed.push(what);
        }
    }

    /// A header equal to `want`, shown with what came if not.
    fn header(&mut self, r: &Response, url: &str, name: &str, want: &str) {
        let got = r.header(name);
        self.expect(got == Some(want), format!("{url}: {name}: {want} (got {got:?})"));
    }
}

/// Where the checks serve from, as an editor would set it up: `srv` is nginx's root, the
/// release is the folder `srv/<name>/` (`url` = `/<name>/`). The release is a copy of
/// `NGINX_RELEASE`, or the archive `cargo xtask dist` makes of `dist/`, unpacked with `tar`.
struct Served {
    srv: PathBuf,
    folder: PathBuf,
    url: String,
}

fn release_in(scratch: &Path) -> Result<Served> {
    let srv = scratch.join("srv");
    std::fs::create_dir_all(&srv).at(&srv)?;
    let folder = match std::env::var_os("NGINX_RELEASE") {
        Some(from) => {
            let from = root().join(from);
            let name = from.file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("release"));
            copy_dir(&from, &srv.join(&name))?;
            srv.join(name)
        }
        None => {
            let options =
                crate::dist::Options { dist: root().join("dist"), out: scratch.join("out"), base_url: None };
            let release = crate::dist::package(&root(), &options)?;
            crate::run(Command::new("tar").arg("-xzf").arg(&release.tar_gz).arg("-C").arg(&srv))?;
            let name = release.folder.file_name().map(PathBuf::from).unwrap_or_default();
            srv.join(name)
        }
    };
    let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Served { srv, folder, url: format!("/{name}/") })
}

/// `cargo xtask test`'s nginx part: the checks of the module comment.
pub fn test() -> Result {
    setup::nginx()?;
    let started = Instant::now();
    let scratch = Scratch::new("test")?;
    let served = release_in(&scratch.path)?;
    let release = served.folder.clone();
    let [static_port, proxy_port, origin_port] = free_ports::<3>()?;
    let origin = serve::start_in(release.clone(), origin_port, true, serve::Limits::default())?;
    let nginx = Nginx::start(&scratch.path, &served.srv, origin.addr, static_port, proxy_port)?;
    println!("nginx: deploy/nginx.conf over {} (log: {})", release.display(), nginx.dir.display());
    let mut checks = Checks::default();
    let outcome = static_checks(&mut checks, nginx.static_addr, &release, &served.url)
        .and_then(|()| proxy_checks(&mut checks, nginx.proxy_addr, origin.addr, &release))
        .and_then(|()| end_to_end(nginx.static_addr, &served.url));
    let log = nginx.log();
    drop(nginx);
    outcome?;
    println!("nginx: {} checks passed in {:.1} s", checks.passed, started.elapsed().as_secs_f64());
    if checks.failed.is_empty() {
        Ok(())
    } else {
        Err(Error::check(format!(
            "deploy/nginx.conf: {} of {} checks failed:\n  {}\nnginx said: {log}",
            checks.failed.len(),
            checks.failed.len() + checks.passed,
            checks.failed.join("\n  ")
        )))
    }
}

fn static_checks(c: &mut Checks, addr: SocketAddr, release: &Path, prefix: &str) -> Result {
    let mut all = Vec::new();
    files(release, "", &mut all)?;
    let has = |name: &str| all.iter().any(|f| f == name);
    // Hashed files with both twins: one of each kind.
    for (ext, types) in [
        ("wasm", &["application/wasm"][..]),
        ("js", &["application/javascript; charset=utf-8", "text/javascript; charset=utf-8"][..]),
        ("css", &["text/css; charset=utf-8"][..]),
    ] {
        let name = all.iter().find(|f| {
            f.ends_with(&format!(".{ext}"))
                && is_hashed(f.rsplit('/').next().unwrap_or(f))
                && has(&format!("{f}.br"))
                && has(&format!("{f}.gz"))
        });
        let Some(name) = name else {
            c.expect(false, format!("the release has a hashed .{ext} file with .br and .gz twins"));
            continue;
        };
        let url = format!("{prefix}{name}");
        let bytes = |suffix: &str| std::fs::read(release.join(format!("{name}{suffix}"))).unwrap_or_default();
        let plain = get(addr, "GET", &url, &[])?;
        let kind = plain.header("Content-Type").unwrap_or("");
        c.expect(plain.status == 200, format!("{url}: 200 (got {})", plain.status));
        c.expect(types.contains(&kind), format!("{url}: Content-Type one of {types:?} (got {kind:?})"));
        c.expect(
            plain.header("Content-Encoding").is_none(),
            format!("{url}: no Content-Encoding when none is accepted"),
        );
        c.expect(plain.body == bytes(""), format!("{url}: the file's bytes"));
        c.header(&plain, &url, "Cache-Control", IMMUTABLE);
        for (accept, encoding, suffix) in
            [("br", "br", ".br"), ("gzip", "gzip", ".gz"), ("gzip, deflate, br", "br", ".br")]
        {
            let r = get(addr, "GET", &url, &[("Accept-Encoding", accept)])?;
            let what = format!("{url} with Accept-Encoding: {accept}");
            c.header(&r, &what, "Content-Encoding", encoding);
            c.expect(r.body == bytes(suffix), format!("{what}: the bytes of {name}{suffix}"));
            c.expect(
                r.header("Vary").is_some_and(|v| v.to_ascii_lowercase().contains("accept-encoding")),
                format!("{what}: Vary: Accept-Encoding"),
            );
            c.header(&r, &what, "Cache-Control", IMMUTABLE);
        }
    }
    // Everything else revalidates.
    let others = all.iter().filter(|f| {
        (f.ends_with(".html") || f.as_str() == "manifest.json" || (f.ends_with(".css") && !is_hashed(f)))
            && !f.starts_with("data/")
    });
    let mut seen_html = false;
    for name in others {
        let url = format!("{prefix}{name}");
        let r = get(addr, "GET", &url, &[])?;
        let kind = r.header("Content-Type").unwrap_or("");
        let want = if name.ends_with(".html") {
            seen_html = true;
            "text/html; charset=utf-8"
        } else if name.ends_with(".css") {
            "text/css; charset=utf-8"
        } else {
            "application/json; charset=utf-8"
        };
        c.expect(r.status == 200 && kind == want, format!("{url}: 200, {want} (got {}, {kind:?})", r.status));
        c.header(&r, &url, "Cache-Control", REVALIDATE);
    }
    c.expect(seen_html, "the release has an example page (.html)");
    // A missing hashed name must not be cached for a year.
    let missing = get(addr, "GET", &format!("{prefix}wsis-sdg-matrix.0123456789.js"), &[])?;
    c.expect(
        missing.status == 404 && missing.header("Cache-Control").is_none(),
        format!(
            "a missing hashed file: 404 without Cache-Control (got {}, {:?})",
            missing.status,
            missing.header("Cache-Control")
        ),
    );
    data_checks(c, addr, release, prefix)
}

fn data_checks(c: &mut Checks, addr: SocketAddr, release: &Path, prefix: &str) -> Result {
    let path = release.join(PLEDGES);
    let original = std::fs::read(&path).at(&path)?;
    // Twins beside the live file, as a release that compressed everything could have: stale
    // after the first announcement, so they must never be sent.
    for (suffix, bytes) in
        [(".gz", gzip_bytes(b"{\"stale\":true}")), (".br", brotli_bytes(b"{\"stale\":true}"))]
    {
        let twin = PathBuf::from(format!("{}{suffix}", path.display()));
        if !twin.exists() {
            write(&twin, &bytes)?;
        }
    }
    let url = format!("{prefix}{PLEDGES}");
    let origin = [("Origin", "https://host.example")];
    let plain = get(addr, "GET", &url, &origin)?;
    c.expect(plain.status == 200 && plain.body == original, format!("{url}: 200 with the file's bytes"));
    c.header(&plain, &url, "Content-Type", "application/json; charset=utf-8");
    c.header(&plain, &url, "Cache-Control", DATA);
    c.header(&plain, &url, "Access-Control-Allow-Origin", "*");
    c.header(&plain, &url, "Access-Control-Expose-Headers", "ETag, Last-Modified");
    c.expect(plain.header("Last-Modified").is_some(), format!("{url}: Last-Modified"));
    let etag = plain.header("ETag").unwrap_or("").to_owned();
    c.expect(!etag.is_empty(), format!("{url}: ETag"));
    let again = get(addr, "GET", &url, &[("If-None-Match", &etag), origin[0]])?;
    c.expect(again.status == 304, format!("{url} with If-None-Match: {etag}: 304 (got {})", again.status));
    c.header(&again, &format!("{url} (304)"), "Cache-Control", DATA);
    c.header(&again, &format!("{url} (304)"), "Access-Control-Allow-Origin", "*");
    let other = get(addr, "GET", &url, &[("If-None-Match", "\"not-this-one\"")])?;
    c.expect(other.status == 200, format!("{url} with another If-None-Match: 200 (got {})", other.status));
    let zipped = get(addr, "GET", &url, &[("Accept-Encoding", "gzip, deflate, br")])?;
    c.header(&zipped, &format!("{url} with Accept-Encoding: gzip, deflate, br"), "Content-Encoding", "gzip");
    c.expect(
        gunzip(&zipped.body) == original,
        format!("{url}: gzipped on the fly, not the stale twin beside it"),
    );
    let zipped_tag = zipped.header("ETag").unwrap_or("").to_owned();
    let zipped_again =
        get(addr, "GET", &url, &[("Accept-Encoding", "gzip"), ("If-None-Match", &zipped_tag)])?;
    c.expect(
        zipped_again.status == 304,
        format!("{url} gzipped, If-None-Match: {zipped_tag}: 304 (got {})", zipped_again.status),
    );
    // A new file renamed over the old one, as `announce` writes it, is what the next GET gets.
    let mut changed = original.clone();
    changed.extend_from_slice(b"\n ");
    let temp = release.join("data/.p2c-pledges.json.new");
    write(&temp, &changed)?;
    std::fs::rename(&temp, &path).at(&path)?;
    let fresh = get(addr, "GET", &url, &[("If-None-Match", &etag)])?;
    c.expect(
        fresh.status == 200 && fresh.body == changed,
        format!("{url} after a rename over it: 200 with the new bytes"),
    );
    write(&temp, &original)?;
    std::fs::rename(&temp, &path).at(&path)?;
    // A preflight, for host scripts that send headers of their own.
    let preflight = get(
        addr,
        "OPTIONS",
        &url,
        &[
            origin[0],
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "x-requested-with"),
        ],
    )?;
    c.expect(preflight.status == 204, format!("OPTIONS {url}: 204 (got {})", preflight.status));
    c.header(&preflight, &format!("OPTIONS {url}"), "Access-Control-Allow-Origin", "*");
    c.header(&preflight, &format!("OPTIONS {url}"), "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    c.header(&preflight, &format!("OPTIONS {url}"), "Access-Control-Allow-Headers", "x-requested-with");
    c.header(&preflight, &format!("OPTIONS {url}"), "Access-Control-Max-Age", "86400");
    c.expect(
        plain.header("Access-Control-Allow-Methods").is_none(),
        format!("GET {url}: no preflight headers on a plain GET"),
    );
    Ok(())
}

/// The path issue 15 ends on, in real nginx and real Chromium: the release's own embed builder,
/// served from the unpacked archive, writes a snippet; pasted into a page of another origin
/// with a strict CSP, it shows the widget (`tests/release/nginx.test.mjs`).
fn end_to_end(addr: SocketAddr, prefix: &str) -> Result {
    let widgets = format!("http://{addr}{prefix}");
    let root = root();
    crate::run(
        Command::new("node")
            .current_dir(&root)
            .args(["--test", "--test-concurrency=1", "--test-timeout=120000", "--test-force-exit"])
            .arg("tests/release/nginx.test.mjs")
            .env("RELEASE_URL", &widgets),
    )
}

/// The origin's count of GETs for `path` (full and 304) since the last reset, from
/// `xtask serve --with-tests`; `reset` starts the count again afterwards.
fn origin_count(origin: SocketAddr, path: &str, reset: bool) -> Result<u64> {
    let url = format!("/tests/downloads?path={path}");
    let r = get(origin, "GET", &url, &[])?;
    let v: Value = serde_json::from_slice(&r.body).map_err(|e| Error::parse(&url, e))?;
    let n = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    if reset {
        get(origin, "GET", &format!("{url}&reset=1"), &[])?;
    }
    Ok(n("full") + n("not_modified"))
}

fn proxy_checks(c: &mut Checks, proxy: SocketAddr, origin: SocketAddr, release: &Path) -> Result {
    const CLIENTS: usize = 50;
    let path = release.join(PLEDGES);
    let original = std::fs::read(&path).at(&path)?;
    let url = format!("/{PLEDGES}");
    // The cache period must be the data's max-age, which the header checks hold to DATA.
    let conf = std::fs::read_to_string(root().join("deploy/nginx.conf")).unwrap_or_default();
    let valid = format!("proxy_cache_valid 200 {DATA_MAX_AGE_S}s;");
    c.expect(
        conf.contains(&valid),
        format!("deploy/nginx.conf: the proxy keeps data as long as max-age ({valid})"),
    );
    origin_count(origin, &url, true)?;
    let barrier = Arc::new(Barrier::new(CLIENTS));
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (barrier, url) = (barrier.clone(), url.clone());
            std::thread::spawn(move || {
                // Connected or not, every thread meets the others at the barrier.
                let client = Client::connect(proxy).ok();
                barrier.wait();
                client?
                    .send("GET", &url, &[("Origin", "https://host.example"), ("Accept-Encoding", "gzip")])
                    .ok()
            })
        })
        .collect();
    let answers: Vec<Option<Response>> = threads.into_iter().map(|t| t.join().ok().flatten()).collect();
    let count = origin_count(origin, &url, true)?;
    let good = answers
        .iter()
        .flatten()
        .filter(|r| r.status == 200 && r.has("Content-Encoding", "gzip") && gunzip(&r.body) == original)
        .count();
    c.expect(
        good == CLIENTS,
        format!("proxy: {CLIENTS} concurrent GETs {url}: all 200, the file gzipped (got {good})"),
    );
    c.expect(
        (1..=2).contains(&count),
        format!("proxy: those {CLIENTS} GETs cost the origin 1 or 2 requests, counted there (got {count})"),
    );
    if let Some(r) = answers.iter().flatten().next() {
        c.header(r, &format!("proxy {url}"), "Cache-Control", DATA);
        c.header(r, &format!("proxy {url}"), "Access-Control-Allow-Origin", "*");
        c.header(r, &format!("proxy {url}"), "Access-Control-Expose-Headers", "ETag, Last-Modified");
        let etag = r.header("ETag").unwrap_or("").to_owned();
        c.expect(!etag.is_empty(), format!("proxy {url}: the origin's ETag"));
        let again = get(proxy, "GET", &url, &[("If-None-Match", &etag)])?;
        c.expect(
            again.status == 304,
            format!("proxy {url} with If-None-Match: 304 from the cache (got {})", again.status),
        );
        c.expect(
            again.has("X-Cache-Status", "HIT"),
            format!("proxy {url}: a cache HIT (got {:?})", again.header("X-Cache-Status")),
        );
    }
    // The cached copy is the identity one (gzip is added at the edge): a client that accepts
    // no compression gets the plain file.
    let plain = get(proxy, "GET", &url, &[])?;
    c.expect(
        plain.status == 200 && plain.header("Content-Encoding").is_none() && plain.body == original,
        format!("proxy {url} without Accept-Encoding: the plain file, from the same cache entry"),
    );
    let after = origin_count(origin, &url, true)?;
    c.expect(after == 0, format!("proxy: the revalidation cost the origin nothing (got {after})"));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The load test (benchmark only).

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A small random number generator per viewer (xorshift64*): jitter only.
struct Rng(u64);

impl Rng {
    /// In [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[derive(Default)]
struct ViewerStats {
    requests: u64,
    full: u64,
    not_modified: u64,
    errors: u64,
    /// When this viewer first got the file with the announcement.
    seen: Option<Instant>,
}

struct Shared {
    stop: AtomicBool,
    seen: AtomicUsize,
    marker: String,
}

/// Sleeps until `until`, in slices, returning `false` if asked to stop.
fn nap(until: Instant, shared: &Shared) -> bool {
    loop {
        if shared.stop.load(Ordering::Relaxed) {
            return false;
        }
        let now = Instant::now();
        if now >= until {
            return true;
        }
        std::thread::sleep((until - now).min(Duration::from_millis(250)));
    }
}

/// One viewer: a page with `<p2c-pledges refresh=…>`, polling with `If-None-Match` as the
/// browser's `cache: "no-cache"` does, every refresh ±20 %, on a kept-alive connection.
fn viewer(addr: SocketAddr, url: &str, refresh: f64, seed: u64, shared: &Shared) -> ViewerStats {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut stats = ViewerStats::default();
    let mut client: Option<Client> = None;
    let mut etag: Option<String> = None;
    // Pages opened over one period.
    let mut next = Instant::now() + Duration::from_secs_f64(refresh * rng.unit());
    while nap(next, shared) {
        next = Instant::now() + Duration::from_secs_f64(refresh * (0.8 + 0.4 * rng.unit()));
        if client.is_none() {
            client = Client::connect(addr).ok();
        }
        let Some(c) = client.as_mut() else {
            stats.errors += 1;
            continue;
        };
        let headers: Vec<(&str, &str)> = etag.as_deref().map(|t| ("If-None-Match", t)).into_iter().collect();
        stats.requests += 1;
        match c.send("GET", url, &headers) {
            Ok(r) if r.status == 200 => {
                stats.full += 1;
                etag = r.header("ETag").map(str::to_owned);
                if stats.seen.is_none()
                    && !shared.marker.is_empty()
                    && contains(&r.body, shared.marker.as_bytes())
                {
                    stats.seen = Some(Instant::now());
                    shared.seen.fetch_add(1, Ordering::SeqCst);
                }
                if r.has("Connection", "close") {
                    client = None;
                }
            }
            Ok(r) if r.status == 304 => stats.not_modified += 1,
            _ => {
                stats.errors += 1;
                client = None;
            }
        }
    }
    stats
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `BENCH_ONLY=nginx cargo xtask bench`: see the module comment. `BENCH_NGINX_VIEWERS`
/// (default 1,000), `BENCH_NGINX_REFRESH` (seconds, default 15: the demo's and the deck's),
/// `BENCH_NGINX_SECONDS` (polling before the announcement, default 60).
pub fn bench() -> Result {
    setup::nginx()?;
    let viewers = env_number("BENCH_NGINX_VIEWERS", 1000);
    let refresh = env_number("BENCH_NGINX_REFRESH", 15) as f64;
    let before = env_number("BENCH_NGINX_SECONDS", 60);
    let scratch = Scratch::new("bench")?;
    // The origin: `xtask serve` over a folder with a copy of the pledge file, which the
    // announcement changes (never the workspace's data/).
    let release = scratch.path.join("release");
    let source = root().join(PLEDGES);
    write(&release.join(PLEDGES), &std::fs::read(&source).at(&source)?)?;
    let [static_port, proxy_port, origin_port] = free_ports::<3>()?;
    let origin = serve::start_in(release.clone(), origin_port, true, serve::Limits::default())?;
    let nginx = Nginx::start(&scratch.path, &release, origin.addr, static_port, proxy_port)?;
    let url = format!("/{PLEDGES}");
    origin_count(origin.addr, &url, true)?;
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let pledger = format!("Load Test Telecom {nanos}");
    let shared =
        Arc::new(Shared { stop: AtomicBool::new(false), seen: AtomicUsize::new(0), marker: pledger.clone() });
    let started = Instant::now();
    let mut threads = Vec::new();
    for seed in 0..viewers {
        let (shared, url) = (shared.clone(), url.clone());
        let proxy = nginx.proxy_addr;
        let thread = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || viewer(proxy, &url, refresh, seed + 1, &shared))
            .map_err(|e| Error::check(format!("viewer thread {seed}: {e}")))?;
        threads.push(thread);
    }
    println!("nginx bench: {viewers} viewers polling {url} every {refresh} s ±20 % through the proxy cache ({DATA_MAX_AGE_S} s)");
    // Steady state: from the end of the first period (every viewer has started, the cache is
    // filled) to the announcement.
    let first_period = Duration::from_secs_f64(refresh.min(before as f64 / 2.0));
    std::thread::sleep(first_period);
    let (warm, warm_s) = (origin_count(origin.addr, &url, false)?, started.elapsed().as_secs_f64());
    std::thread::sleep(Duration::from_secs(before).saturating_sub(first_period));
    let (steady_end, steady_end_s) =
        (origin_count(origin.addr, &url, false)?, started.elapsed().as_secs_f64());
    let (steady, steady_s) = (steady_end.saturating_sub(warm), steady_end_s - warm_s);
    let announced = Instant::now();
    crate::announce::command(&[
        "--usd".into(),
        "1000000".into(),
        "--pledger".into(),
        pledger,
        "--event".into(),
        "Load test".into(),
        "--file".into(),
        release.join(PLEDGES).display().to_string(),
    ])?;
    // Wait for every viewer, or for twice the goal.
    let give_up = announced + Duration::from_secs_f64(2.0 * (refresh + DATA_MAX_AGE_S as f64) + 5.0);
    while shared.seen.load(Ordering::SeqCst) < threads.len() && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(100));
    }
    shared.stop.store(true, Ordering::SeqCst);
    let stats: Vec<ViewerStats> = threads.into_iter().filter_map(|t| t.join().ok()).collect();
    let total_s = started.elapsed().as_secs_f64();
    let origin_total = origin_count(origin.addr, &url, false)?;
    drop(nginx);
    let sum = |f: fn(&ViewerStats) -> u64| stats.iter().map(f).sum::<u64>();
    let mut delays: Vec<f64> =
        stats.iter().filter_map(|s| s.seen.map(|t| t.duration_since(announced).as_secs_f64())).collect();
    delays.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        let i = ((delays.len() as f64 - 1.0) * q).round().max(0.0) as usize;
        delays.get(i).copied().unwrap_or(f64::NAN)
    };
    let goal = refresh + DATA_MAX_AGE_S as f64;
    let all_seen = delays.len() == stats.len() && !stats.is_empty();
    let worst = if all_seen { pick(1.0) } else { f64::INFINITY };
    println!("\n| figure | value |");
    println!("|---|---|");
    println!("| viewers (threads, one kept-alive connection each) | {} |", stats.len());
    println!(
        "| requests at nginx | {} in {total_s:.1} s = {:.1}/s ({} × 200, {} × 304, {} errors) |",
        sum(|s| s.requests),
        sum(|s| s.requests) as f64 / total_s,
        sum(|s| s.full),
        sum(|s| s.not_modified),
        sum(|s| s.errors)
    );
    println!(
        "| origin requests, steady state | {steady} in {steady_s:.1} s = {:.3}/s (one per {:.1} s; cache period {DATA_MAX_AGE_S} s) |",
        steady as f64 / steady_s,
        steady_s / steady.max(1) as f64
    );
    println!(
        "| origin requests, whole run (first fill and announcement included) | {origin_total} in {total_s:.1} s = {:.3}/s |",
        origin_total as f64 / total_s
    );
    println!(
        "| announce → seen: median, p95, all viewers | {:.1} s, {:.1} s, {} ({} of {} saw it) |",
        pick(0.5),
        pick(0.95),
        if all_seen { format!("{worst:.1} s") } else { "not all".into() },
        delays.len(),
        stats.len()
    );
    // The widget waits refresh ±20 %, so its longest wait is 1.2 × refresh: the bound that
    // the cache period allows is that plus max-age.
    let jittered = 1.2 * refresh + DATA_MAX_AGE_S as f64;
    let verdict = |limit: f64| if worst <= limit { "met" } else { "**missed**" };
    println!("| goal: all seen ≤ refresh + max-age = {goal:.0} s | {} |", verdict(goal));
    println!(
        "| bound with the widget's jitter: ≤ 1.2 × refresh + max-age = {jittered:.0} s | {} |",
        verdict(jittered)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_as_the_config_matches_them() {
        for name in
            ["wsis-sdg-matrix.3f9a1c2b4d.js", "p2c_pledges_bg-0123456789abcdef.wasm", "a.deadbeef.css"]
        {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "wsis-sdg-matrix.js",
            "x.3f9a1c2.js",
            "x.3F9A1C2B4D.js",
            "x3f9a1c2b4d.js",
            "x.3f9a1c2b4d.json",
            "deadbeefcafe.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
