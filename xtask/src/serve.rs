//! A small static server for the demo and the browser tests, on 127.0.0.1 only.
//!
//! Files are read on every request, so edits show at once. Responses carry an ETag (a hash
//! of the content) and Last-Modified, and conditional requests get 304 Not Modified. Text,
//! JSON and wasm go out gzip-compressed when the client accepts it, as a real web server
//! sends them (Chromium offers only gzip and deflate over plain http). In an HTML page, the
//! comment `<!--#prerendered NAME-->` is replaced by the template of
//! `dist/prerendered/NAME.html` (a server-side include: the demo pages show the pre-rendered
//! snippets `cargo xtask build` made, as a host page that pasted them would).
//!
//! It is for development and tests, not production: it is bounded so a stuck or hostile client
//! cannot wedge it (at most [`Limits::connections`] open connections, each request read within
//! [`Limits::request`], duplicate or malformed `Content-Length` refused with 400), and the fault
//! injection and test routes exist only under `--with-tests`. Kept rather than replaced by a
//! framework (axum + tower-http): the routes, includes and faults the tests need are about 600
//! lines here, and a framework would add some 80 crates to every cold CI build.
//!
//! HTTP/1.1 with keep-alive, one thread per connection. (tiny_http, used before, handed new
//! connections to a thread pool that could leave one queued behind connections Chromium kept
//! open: its request went unread, and a widget stayed on "Loading…" in the browser tests.)

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::{root, Error, Result};

pub struct Server {
    pub addr: SocketAddr,
    accept: JoinHandle<()>,
}

impl Server {
    pub fn join(self) {
        let _ = self.accept.join();
    }
}

/// A connection idle (or stuck mid-request) this long is closed; Chromium resends a request
/// that meets a kept-alive connection closing.
const IDLE: Duration = Duration::from_secs(120);
/// Longest request line or header line, number of header lines, and request body read.
const MAX_LINE: u64 = 16 * 1024;
const MAX_HEADERS: usize = 100;
const MAX_BODY: u64 = 1024 * 1024;

/// How much the server takes on.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Open connections; one more is answered 503 and closed.
    pub connections: usize,
    /// From a request's first byte to its last: a client that trickles a request in is cut off
    /// with 408, whatever the pauses between its bytes.
    pub request: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        // Chromium opens at most 6 connections per host; the benchmark runs a few browsers.
        Limits { connections: 256, request: Duration::from_secs(30) }
    }
}

/// Starts serving on `127.0.0.1:port` (0 picks a free port). `with_tests` also serves the
/// browser-test pages under `/tests/` and the benchmark pages under `/bench/`.
pub fn start(port: u16, with_tests: bool) -> Result<Server> {
    start_with(port, with_tests, Limits::default())
}

/// [`start`] with other limits (the tests use small ones).
pub fn start_with(port: u16, with_tests: bool, limits: Limits) -> Result<Server> {
    start_in(root(), port, with_tests, limits)
}

/// [`start_with`] over another folder laid out like the workspace (`data/`, `dist/`, `www/`):
/// the nginx checks put it behind a proxy cache with a temporary copy of the pledge file.
pub fn start_in(root: PathBuf, port: u16, with_tests: bool, limits: Limits) -> Result<Server> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| Error::check(format!("cannot listen on port {port}: {e}")))?;
    let addr = listener.local_addr().map_err(|e| Error::check(format!("server address: {e}")))?;
    let faults: Faults = Arc::new(Mutex::new(HashMap::new()));
    // Every accepted connection gets its own thread at once, so a connection the browser keeps
    // open (or opens ahead and never uses) holds only its own thread and never delays another.
    let open = Arc::new(AtomicUsize::new(0));
    let accept = std::thread::Builder::new()
        .name("serve-accept".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else {
                    // E.g. out of file descriptors: wait for some to close.
                    std::thread::sleep(Duration::from_millis(50));
                    continue;
                };
                if open.load(Ordering::SeqCst) >= limits.connections {
                    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                    let _ = write_reply(&mut stream, &Reply::text(503, "too many connections"), false, false);
                    continue;
                }
                let slot = Slot::take(&open);
                let (root, faults) = (root.clone(), faults.clone());
                // Without a thread the connection is dropped, so closed: never left unanswered.
                let _ = std::thread::Builder::new().spawn(move || {
                    let _slot = slot;
                    serve_connection(stream, &root, with_tests, &faults, limits.request)
                });
            }
        })
        .map_err(|e| Error::check(format!("cannot start the server thread: {e}")))?;
    Ok(Server { addr, accept })
}

#[derive(Clone)]
struct Request {
    method: String,
    /// The request target as sent, e.g. `/data/sdg/sdg-en.json?x=1`.
    url: String,
    headers: Vec<(String, String)>,
    /// False once the client asked to close, spoke HTTP/1.0, or sent a body left unread.
    keep_alive: bool,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// Sent without `Content-Length`, ended by closing the connection (HTTP/1.1 allows it).
    no_length: bool,
}

impl Reply {
    fn new(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, headers: Vec::new(), body: body.into(), no_length: false }
    }

    fn text(status: u16, body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(status, body).with("Content-Type", "text/plain; charset=utf-8")
    }

    fn with(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }
}

/// One of the open connections, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Slot {
        open.fetch_add(1, Ordering::SeqCst);
        Slot(open.clone())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The socket's reads, each within what is left of the current request's time (or the idle
/// time between requests), so the deadline holds however a client spaces its bytes.
struct Timed {
    stream: TcpStream,
    deadline: Option<Instant>,
}

impl Read for Timed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let wait = match self.deadline {
            None => IDLE,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "request deadline"));
                }
                left
            }
        };
        self.stream.set_read_timeout(Some(wait))?;
        // A socket timeout shows as WouldBlock on Unix and TimedOut on Windows.
        self.stream.read(buf).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock => std::io::Error::new(std::io::ErrorKind::TimedOut, e),
            _ => e,
        })
    }
}

enum Incoming {
    Request(Request),
    /// Not HTTP we understand: answer this, then close.
    Bad(Reply),
    /// The client closed, went idle too long, or the socket failed.
    Gone,
}

fn serve_connection(stream: TcpStream, root: &Path, with_tests: bool, faults: &Faults, limit: Duration) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(IDLE));
    let Ok(mut out) = stream.try_clone() else { return };
    let mut input = BufReader::new(Timed { stream, deadline: None });
    loop {
        input.get_mut().deadline = None;
        let request = match read_request(&mut input, limit) {
            Incoming::Request(request) => request,
            Incoming::Bad(reply) => {
                let _ = write_reply(&mut out, &reply, false, false);
                linger(&out, &mut input);
                return;
            }
            Incoming::Gone => return,
        };
        let reply = if with_tests {
            let reply = inject_fault(root, faults, &request)
                .or_else(|| downloads(&request))
                .or_else(|| cross_origin(root, &request))
                .unwrap_or_else(|| handle(root, with_tests, &request));
            count_download(&request, reply.status);
            reply
        } else {
            handle(root, with_tests, &request)
        };
        let head_only = request.method == "HEAD";
        if write_reply(&mut out, &reply, head_only, request.keep_alive).is_err()
            || !request.keep_alive
            || reply.no_length
        {
            return;
        }
    }
}

/// Closes after an error reply without losing it: closing with the client's bytes still
/// unread would reset the connection, and the client could lose the reply with it. So: no more
/// writing, then the client's further bytes read and dropped for a moment.
fn linger(out: &TcpStream, input: &mut BufReader<Timed>) {
    let _ = out.shutdown(std::net::Shutdown::Write);
    input.get_mut().deadline = Some(Instant::now() + Duration::from_millis(500));
    let _ = std::io::copy(&mut input.by_ref().take(MAX_BODY), &mut std::io::sink());
}

/// One line without its CRLF (or bare LF).
fn read_line(input: &mut BufReader<Timed>) -> std::result::Result<String, Incoming> {
    let mut line = Vec::new();
    match input.by_ref().take(MAX_LINE).read_until(b'\n', &mut line) {
        Ok(0) => return Err(Incoming::Gone),
        Err(e) if e.kind() == std::io::ErrorKind::TimedOut && input.get_ref().deadline.is_some() => {
            return Err(Incoming::Bad(Reply::text(408, "the request took too long")))
        }
        Err(_) => return Err(Incoming::Gone),
        Ok(_) => {}
    }
    if line.last() != Some(&b'\n') {
        return Err(if line.len() as u64 >= MAX_LINE {
            Incoming::Bad(Reply::text(431, "request line or header too long"))
        } else {
            Incoming::Gone // closed mid-line
        });
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    String::from_utf8(line).map_err(|_| Incoming::Bad(Reply::text(400, "not UTF-8")))
}

fn read_request(input: &mut BufReader<Timed>, limit: Duration) -> Incoming {
    let bad = |why: &str| Incoming::Bad(Reply::text(400, why));
    // The request's time starts with its first byte; until then the connection is idle.
    match input.fill_buf() {
        Ok([]) | Err(_) => return Incoming::Gone,
        Ok(_) => input.get_mut().deadline = Some(Instant::now() + limit),
    }
    // Empty lines before a request line are allowed (RFC 9112 §2.2).
    let line = loop {
        match read_line(input) {
            Ok(line) if line.is_empty() => continue,
            Ok(line) => break line,
            Err(e) => return e,
        }
    };
    let parts: Vec<&str> = line.split_whitespace().collect();
    let [method, url, version] = parts.as_slice() else { return bad("bad request line") };
    let mut keep_alive = match *version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Incoming::Bad(Reply::text(505, "HTTP/1.0 and HTTP/1.1 only")),
    };
    let (method, url) = (method.to_string(), url.to_string());
    let mut headers = Vec::new();
    loop {
        let line = match read_line(input) {
            Ok(line) => line,
            Err(e) => return e,
        };
        if line.is_empty() {
            break;
        }
        if headers.len() >= MAX_HEADERS {
            return Incoming::Bad(Reply::text(431, "too many headers"));
        }
        let Some((name, value)) = line.split_once(':') else { return bad("bad header") };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let mut request = Request { method, url, headers, keep_alive };
    if request
        .header("Connection")
        .is_some_and(|c| c.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")))
    {
        keep_alive = false;
    }
    // A body is read and dropped, so the next request starts where it should; one that cannot
    // be (chunked, or large) ends the connection after the reply instead.
    if request.header("Transfer-Encoding").is_some() {
        keep_alive = false;
    } else if let Some(length) = request.header("Content-Length") {
        let lengths =
            request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("Content-Length")).count();
        if lengths > 1 {
            return bad("more than one Content-Length");
        }
        // Digits only: Rust's parser would also take "+5".
        let digits = !length.is_empty() && length.bytes().all(|b| b.is_ascii_digit());
        let Some(length) = length.parse::<u64>().ok().filter(|_| digits) else {
            return bad("bad Content-Length");
        };
        if length > MAX_BODY {
            keep_alive = false;
        } else if length > 0 {
            match std::io::copy(&mut input.by_ref().take(length), &mut std::io::sink()) {
                Ok(n) if n == length => {}
                _ => return Incoming::Gone,
            }
        }
    }
    request.keep_alive = keep_alive;
    Incoming::Request(request)
}

fn write_reply(out: &mut TcpStream, reply: &Reply, head_only: bool, keep_alive: bool) -> std::io::Result<()> {
    let reason = match reply.status {
        200 => "OK",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    };
    let mut head =
        format!("HTTP/1.1 {} {reason}\r\nDate: {}\r\n", reply.status, http_date(SystemTime::now()));
    for (name, value) in &reply.headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    // 204 and 304 have no body, and no Content-Length (RFC 9110 §8.6).
    let has_body = !matches!(reply.status, 204 | 304);
    if has_body && !reply.no_length {
        let _ = write!(head, "Content-Length: {}\r\n", reply.body.len());
    }
    if !keep_alive || reply.no_length {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    if has_body && !head_only {
        bytes.extend_from_slice(&reply.body);
    }
    out.write_all(&bytes)?;
    out.flush()
}

/// Per URL path (test mode): GETs answered in full (200) and with 304 Not Modified.
static DOWNLOADS: Mutex<Vec<(String, [u32; 2])>> = Mutex::new(Vec::new());

fn count_download(request: &Request, status: u16) {
    let add = match (request.method.as_str(), status) {
        ("GET", 200) => [1, 0],
        ("GET", 304) => [0, 1],
        _ => return,
    };
    let path = request.url.split(['?', '#']).next().unwrap_or("");
    if let Ok(mut table) = DOWNLOADS.lock() {
        match table.iter_mut().find(|(p, _)| p == path) {
            Some((_, [full, not_modified])) => {
                *full += add[0];
                *not_modified += add[1];
            }
            None => table.push((path.to_owned(), add)),
        }
    }
}

/// `/tests/downloads?path=/x.json` answers `{"full":N,"not_modified":M}` for that path since
/// the server started or since `&reset=1`.
fn downloads(request: &Request) -> Option<Reply> {
    let (path, query) = request.url.split_once('?').unwrap_or((request.url.as_str(), ""));
    if path != "/tests/downloads" {
        return None;
    }
    let target = query.split('&').find_map(|kv| kv.strip_prefix("path=")).unwrap_or("");
    let mut table = DOWNLOADS.lock().ok()?;
    if query.split('&').any(|kv| kv == "reset=1") {
        table.retain(|(p, _)| p != target);
    }
    let [full, not_modified] = table.iter().find(|(p, _)| p == target).map_or([0, 0], |(_, c)| *c);
    let body = format!("{{\"full\":{full},\"not_modified\":{not_modified}}}");
    Some(Reply::new(200, body).with("Content-Type", "application/json"))
}

/// A static host on another origin, as the tests reach it (test mode only):
/// `/cors-simple/<path>` allows simple cross-origin GETs and nothing else (a preflight gets a
/// 405 without CORS headers, as many static hosts answer it); `/cors-exposed/<path>` also
/// exposes `ETag` and `Last-Modified`.
fn cross_origin(root: &Path, request: &Request) -> Option<Reply> {
    let path = request.url.split(['?', '#']).next().unwrap_or("");
    let (rest, exposed) = if let Some(rest) = path.strip_prefix("/cors-simple/") {
        (rest, false)
    } else {
        (path.strip_prefix("/cors-exposed/")?, true)
    };
    let inner = Request { url: format!("/{rest}"), ..request.clone() };
    let mut reply = handle(root, true, &inner);
    if matches!(request.method.as_str(), "GET" | "HEAD") {
        reply = reply.with("Access-Control-Allow-Origin", "*");
        if exposed {
            reply = reply.with("Access-Control-Expose-Headers", "ETag, Last-Modified");
        }
    }
    Some(reply)
}

/// Failures the browser tests switch on for one URL path (test mode only).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    ServerError,
    /// Hold the request for 12 s, longer than the widgets wait (5 s at `refresh="1"`).
    Hang,
    /// Send the first half of the file with a 200, as a broken upload would.
    Truncated,
    /// Send the file without `Content-Length`, closing the connection after it: its size is
    /// known only once it has arrived.
    Unsized,
}

type Faults = Arc<Mutex<HashMap<String, Fault>>>;

/// `/tests/fault?path=/x.json&mode=500|timeout|truncated|unsized|off` sets a fault; requests to a
/// faulty path get it. Returns `None` for an ordinary request.
fn inject_fault(root: &Path, faults: &Faults, request: &Request) -> Option<Reply> {
    let (path, query) = request.url.split_once('?').unwrap_or((request.url.as_str(), ""));
    if path == "/tests/fault" {
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
                .unwrap_or("")
        };
        let target = param("path").to_owned();
        let fault = match param("mode") {
            "500" => Some(Fault::ServerError),
            "timeout" => Some(Fault::Hang),
            "truncated" => Some(Fault::Truncated),
            "unsized" => Some(Fault::Unsized),
            _ => None,
        };
        if let Ok(mut table) = faults.lock() {
            match fault {
                Some(f) => table.insert(target, f),
                None => table.remove(&target),
            };
        }
        return Some(Reply::new(204, Vec::new()));
    }
    let fault = faults.lock().ok().and_then(|t| t.get(path).copied());
    match fault {
        None => None,
        Some(Fault::ServerError) => Some(Reply::text(500, "injected failure")),
        Some(Fault::Hang) => {
            std::thread::sleep(Duration::from_secs(12));
            Some(Reply::text(504, "too late"))
        }
        Some(Fault::Unsized) => {
            let bytes = resolve(root, true, path).and_then(|p| std::fs::read(p).ok()).unwrap_or_default();
            let mut reply = Reply::new(200, bytes).with("Content-Type", "application/json");
            reply.no_length = true;
            Some(reply)
        }
        Some(Fault::Truncated) => {
            let bytes = resolve(root, true, path).and_then(|p| std::fs::read(p).ok()).unwrap_or_default();
            let half = bytes.get(..bytes.len() / 2).unwrap_or_default().to_vec();
            Some(Reply::new(200, half).with("Content-Type", "application/json"))
        }
    }
}

fn handle(root: &Path, with_tests: bool, request: &Request) -> Reply {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return Reply::text(405, "method not allowed");
    }
    let url = request.url.split(['?', '#']).next().unwrap_or("/");
    if url == "/favicon.ico" {
        return Reply::new(204, Vec::new());
    }
    let Some(path) = resolve(root, with_tests, url) else {
        return Reply::text(404, "not found");
    };
    let Ok(mut bytes) = std::fs::read(&path) else {
        return Reply::text(404, format!("not found: {url}"));
    };
    let kind = content_type(&path);
    if kind.starts_with("text/html") {
        bytes = include_prerendered(root, &bytes);
    }
    let gzip = compressible(kind)
        && bytes.len() > 1024
        && request
            .header("Accept-Encoding")
            .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let etag = {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        // The compressed form is another representation, with its own tag.
        format!("\"{:016x}-{}{}\"", hasher.finish(), bytes.len(), if gzip { "-gz" } else { "" })
    };
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok().map(http_date);
    let not_modified = match (request.header("If-None-Match"), request.header("If-Modified-Since")) {
        (Some(tags), _) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
        (None, Some(since)) => modified.as_deref() == Some(since),
        (None, None) => false,
    };
    let body = match (not_modified, gzip) {
        (true, _) => Vec::new(),
        (false, true) => gzipped(&etag, &bytes),
        (false, false) => bytes,
    };
    let mut reply = Reply::new(if not_modified { 304 } else { 200 }, body)
        .with("ETag", &etag)
        .with("Cache-Control", "no-cache")
        .with("Content-Type", kind)
        .with("Vary", "Accept-Encoding")
        .with("X-Content-Type-Options", "nosniff");
    if gzip && !not_modified {
        reply = reply.with("Content-Encoding", "gzip");
    }
    if let Some(modified) = modified {
        reply = reply.with("Last-Modified", &modified);
    }
    reply
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type == "application/wasm"
        || content_type == "image/svg+xml"
}

/// `bytes` gzipped, from a cache keyed by ETag (the wasm takes a while to compress).
fn gzipped(etag: &str, bytes: &[u8]) -> Vec<u8> {
    static CACHE: Mutex<Vec<(String, Arc<Vec<u8>>)>> = Mutex::new(Vec::new());
    if let Ok(cache) = CACHE.lock() {
        if let Some((_, body)) = cache.iter().find(|(tag, _)| tag == etag) {
            return body.as_ref().clone();
        }
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let body = encoder.write_all(bytes).and_then(|()| encoder.finish()).unwrap_or_default();
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= 64 {
            cache.remove(0);
        }
        cache.push((etag.to_owned(), Arc::new(body.clone())));
    }
    body
}

/// The page with each `<!--#prerendered NAME-->` replaced by the `<template …>…</template>` of
/// `dist/prerendered/NAME.html`, or by a comment saying that file is missing.
fn include_prerendered(root: &Path, page: &[u8]) -> Vec<u8> {
    const OPEN: &str = "<!--#prerendered ";
    let Ok(text) = std::str::from_utf8(page) else { return page.to_vec() };
    if !text.contains(OPEN) {
        return page.to_vec();
    }
    let mut out = String::with_capacity(text.len() * 4);
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + OPEN.len()..).unwrap_or_default();
        let Some(end) = after.find("-->") else {
            rest = after;
            break;
        };
        let name = after.get(..end).unwrap_or_default().trim();
        rest = after.get(end + 3..).unwrap_or_default();
        let valid =
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        let snippet = valid
            .then(|| std::fs::read_to_string(root.join("dist/prerendered").join(format!("{name}.html"))).ok())
            .flatten();
        let template = snippet.as_deref().and_then(|s| {
            let from = s.find("<template")?;
            let to = s.rfind("</template>")? + "</template>".len();
            s.get(from..to)
        });
        match template {
            Some(template) => out.push_str(template),
            None => {
                let _ = write!(out, "<!-- prerendered {name}: not found, run cargo xtask build -->");
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Maps a URL path to a file: `/dist/…`, `/data/…`, `/tests/…`, `/bench/…`, `/synthetic/…`,
/// `/node_modules/…` (the last four in test mode), else `www/`.
fn resolve(root: &Path, with_tests: bool, url: &str) -> Option<PathBuf> {
    let relative = url.trim_start_matches('/');
    let relative = Path::new(relative);
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut parts = relative.components();
    let first = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let rest: PathBuf = parts.collect();
    let mut path = match first.as_deref() {
        Some("dist") => root.join("dist").join(rest),
        Some("data") => root.join("data").join(rest),
        Some("tests") if with_tests => root.join("tests/browser").join(rest),
        Some("bad-data") if with_tests => root.join("tests/data/bad").join(rest),
        Some("bench") if with_tests => root.join("bench").join(rest),
        Some("synthetic") if with_tests => root.join("target/synthetic").join(rest),
        // The benchmark's baselines (Vega, Plot) load their npm builds from here.
        Some("node_modules") if with_tests => root.join("node_modules").join(rest),
        Some(_) => root.join("www").join(relative),
        None => root.join("www"),
    };
    if path.is_dir() {
        path = path.join("index.html");
    }
    Some(path)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's civil-from-days).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = secs / 86_400;
    let (h, m, s) = ((secs % 86_400) / 3600, (secs % 3600) / 60, secs % 60);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let weekday = WEEKDAYS.get((days % 7) as usize).copied().unwrap_or("Thu");
    let (year, month, day) = civil_from_days(days as i64);
    let month_name = MONTHS.get((month - 1) as usize).copied().unwrap_or("Jan");
    format!("{weekday}, {day:02} {month_name} {year} {h:02}:{m:02}:{s:02} GMT")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn http_dates() {
        assert_eq!(http_date(UNIX_EPOCH + Duration::from_secs(784_111_777)), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(UNIX_EPOCH), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /// Sends `requests` on one connection, then reads until the server closes it.
    fn exchange(addr: SocketAddr, requests: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(requests.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn keep_alive_pipelining_and_head() {
        let server = start(0, false).unwrap();
        let answer = exchange(
            server.addr,
            "GET /favicon.ico HTTP/1.1\r\n\r\nHEAD /nope.txt HTTP/1.1\r\n\r\n\
             GET /nope.txt HTTP/1.1\r\nConnection: close\r\n\r\nGET /favicon.ico HTTP/1.1\r\n\r\n",
        );
        let statuses: Vec<&str> = answer.lines().filter(|l| l.starts_with("HTTP/1.1")).collect();
        assert_eq!(statuses, ["HTTP/1.1 204 No Content", "HTTP/1.1 404 Not Found", "HTTP/1.1 404 Not Found"]);
        assert!(answer.ends_with("\r\n\r\nnot found: /nope.txt"), "{answer}");
        assert_eq!(answer.matches("not found").count(), 1, "HEAD has no body: {answer}");
        assert!(exchange(server.addr, "BREW /pot HTTP/1.1\r\nConnection: close\r\n\r\n")
            .starts_with("HTTP/1.1 405"));
        assert!(exchange(server.addr, "nonsense\r\n\r\n").starts_with("HTTP/1.1 400"));
    }

    /// tiny_http, used before, could leave a new connection unread while others stayed open:
    /// a burst of connections that all stay open must each be answered.
    #[test]
    fn every_open_connection_is_answered() {
        let server = start(0, false).unwrap();
        for _ in 0..3 {
            let mut streams: Vec<TcpStream> =
                (0..8).map(|_| TcpStream::connect(server.addr).unwrap()).collect();
            for stream in &mut streams {
                stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                stream.write_all(b"GET /favicon.ico HTTP/1.1\r\n\r\n").unwrap();
            }
            for stream in &mut streams {
                let mut buf = [0; 12];
                stream.read_exact(&mut buf).unwrap();
                assert_eq!(&buf, b"HTTP/1.1 204");
            }
        }
    }

    #[test]
    fn no_escape_from_the_root() {
        let root = Path::new("/srv");
        assert!(resolve(root, false, "/../etc/passwd").is_none());
        assert!(resolve(root, false, "/data/../../x").is_none());
        assert_eq!(resolve(root, false, "/data/matrix.json"), Some(PathBuf::from("/srv/data/matrix.json")));
        assert_eq!(resolve(root, false, "/tests/x.html"), Some(PathBuf::from("/srv/www/tests/x.html")));
        assert_eq!(resolve(root, true, "/tests/x.html"), Some(PathBuf::from("/srv/tests/browser/x.html")));
    }

    #[test]
    fn content_length_twice_or_malformed_is_a_bad_request() {
        let server = start(0, false).unwrap();
        for head in [
            "Content-Length: 0\r\nContent-Length: 0",
            "Content-Length: +5",
            "Content-Length: 1x",
            "Content-Length:",
        ] {
            let answer = exchange(server.addr, &format!("GET /favicon.ico HTTP/1.1\r\n{head}\r\n\r\n"));
            assert!(answer.starts_with("HTTP/1.1 400 Bad Request"), "{head}: {answer}");
        }
    }

    #[test]
    fn a_request_trickled_in_is_cut_off_at_its_deadline() {
        let limits = Limits { connections: 8, request: Duration::from_millis(600) };
        let server = start_with(0, false, limits).unwrap();
        let mut stream = TcpStream::connect(server.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let started = Instant::now();
        // Read as the answer comes: writing on after the server closed resets the connection.
        let mut reader = stream.try_clone().unwrap();
        let answer = std::thread::spawn(move || {
            let mut answer = Vec::new();
            let _ = reader.read_to_end(&mut answer);
            String::from_utf8_lossy(&answer).into_owned()
        });
        // A byte every 200 ms: no single read waits long, the request as a whole does.
        for byte in "GET /favicon.ico HTTP/1.1\r\nX-Slow: yes".bytes() {
            if stream.write_all(&[byte]).is_err() || started.elapsed() > Duration::from_secs(3) {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let answer = answer.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 408 Request Timeout"), "{answer}");
        assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    }

    #[test]
    fn connections_over_the_cap_get_503() {
        let limits = Limits { connections: 2, request: Duration::from_secs(5) };
        let server = start_with(0, false, limits).unwrap();
        let held: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(server.addr).unwrap()).collect();
        std::thread::sleep(Duration::from_millis(200));
        // Answered at once, before it sends anything.
        let mut extra = TcpStream::connect(server.addr).unwrap();
        extra.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut answer = String::new();
        extra.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 503 Service Unavailable"), "{answer}");
        drop(held);
        std::thread::sleep(Duration::from_millis(200));
        let answer = exchange(server.addr, "GET /favicon.ico HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    }

    #[test]
    fn test_routes_only_with_tests() {
        let plain = start(0, false).unwrap();
        for path in [
            "/tests/fault?path=/data/matrix.json&mode=500",
            "/tests/downloads?path=/x",
            "/cors-simple/data/matrix.json",
        ] {
            let answer = exchange(plain.addr, &format!("GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n"));
            assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        }
        let answer = exchange(plain.addr, "GET /data/matrix.json HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
}
