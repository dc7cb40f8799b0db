//! A small static server for the demo and the browser tests, on 127.0.0.1 only.
//!
//! Files are read on every request, so edits show at once. Responses carry an ETag (a hash
//! of the content) and Last-Modified, and conditional requests get 304 Not Modified.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use tiny_http::{Header, Method, Request, Response};

use crate::{root, Result};

pub struct Server {
    pub addr: SocketAddr,
    workers: Vec<JoinHandle<()>>,
}

impl Server {
    pub fn join(self) {
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

/// Starts serving on `127.0.0.1:port` (0 picks a free port). `with_tests` also serves the
/// browser-test pages under `/tests/` and the benchmark pages under `/bench/`.
pub fn start(port: u16, with_tests: bool) -> Result<Server> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let addr = server.server_addr().to_ip().ok_or("server has no IP address")?;
    let server = Arc::new(server);
    let root = root();
    let faults: Faults = Arc::new(Mutex::new(HashMap::new()));
    // Generous: a worker is held for the whole response (and 12 s by the `timeout` fault).
    let workers = (0..64)
        .map(|_| {
            let server = server.clone();
            let root = root.clone();
            let faults = faults.clone();
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    if with_tests {
                        if let Some(request) = inject_fault(&root, &faults, request) {
                            handle(&root, with_tests, request);
                        }
                    } else {
                        handle(&root, with_tests, request);
                    }
                }
            })
        })
        .collect();
    Ok(Server { addr, workers })
}

/// Failures the browser tests switch on for one URL path (test mode only).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    ServerError,
    /// Hold the request for 12 s, longer than the widgets wait (5 s at `refresh="1"`).
    Hang,
    /// Send the first half of the file with a 200, as a broken upload would.
    Truncated,
}

type Faults = Arc<Mutex<HashMap<String, Fault>>>;

/// `/tests/fault?path=/x.json&mode=500|timeout|truncated|off` sets a fault; requests to a
/// faulty path get it. Returns the request when it is an ordinary one.
fn inject_fault(root: &Path, faults: &Faults, request: Request) -> Option<Request> {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
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
            _ => None,
        };
        if let Ok(mut table) = faults.lock() {
            match fault {
                Some(f) => table.insert(target, f),
                None => table.remove(&target),
            };
        }
        let _ = request.respond(Response::empty(204));
        return None;
    }
    let fault = faults.lock().ok().and_then(|t| t.get(path).copied());
    match fault {
        None => Some(request),
        Some(Fault::ServerError) => {
            let _ = request.respond(Response::from_string("injected failure").with_status_code(500));
            None
        }
        Some(Fault::Hang) => {
            std::thread::sleep(std::time::Duration::from_secs(12));
            let _ = request.respond(Response::from_string("too late").with_status_code(504));
            None
        }
        Some(Fault::Truncated) => {
            let bytes = resolve(root, true, path).and_then(|p| std::fs::read(p).ok()).unwrap_or_default();
            let half = bytes.get(..bytes.len() / 2).unwrap_or_default().to_vec();
            let mut response = Response::from_data(half);
            if let Some(h) = header("Content-Type", "application/json") {
                response.add_header(h);
            }
            let _ = request.respond(response);
            None
        }
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn handle(root: &Path, with_tests: bool, request: Request) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("method not allowed").with_status_code(405));
        return;
    }
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if url == "/favicon.ico" {
        let _ = request.respond(Response::empty(204));
        return;
    }
    let Some(path) = resolve(root, with_tests, &url) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        let _ = request.respond(Response::from_string(format!("not found: {url}")).with_status_code(404));
        return;
    };
    let etag = {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        format!("\"{:016x}-{}\"", hasher.finish(), bytes.len())
    };
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok().map(http_date);
    let if_none_match =
        request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.to_string());
    let if_modified_since =
        request.headers().iter().find(|h| h.field.equiv("If-Modified-Since")).map(|h| h.value.to_string());
    let not_modified = match (&if_none_match, &if_modified_since) {
        (Some(tags), _) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
        (None, Some(since)) => modified.as_deref() == Some(since.as_str()),
        (None, None) => false,
    };
    let mut headers: Vec<Header> = [
        header("ETag", &etag),
        header("Cache-Control", "no-cache"),
        header("Content-Type", content_type(&path)),
        header("X-Content-Type-Options", "nosniff"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(h) = modified.as_deref().and_then(|m| header("Last-Modified", m)) {
        headers.push(h);
    }
    let response = if not_modified {
        let mut r = Response::empty(304);
        for h in headers {
            r.add_header(h);
        }
        r.boxed()
    } else {
        let mut r = Response::from_data(bytes);
        for h in headers {
            r.add_header(h);
        }
        r.boxed()
    };
    let _ = request.respond(response);
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

    #[test]
    fn no_escape_from_the_root() {
        let root = Path::new("/srv");
        assert!(resolve(root, false, "/../etc/passwd").is_none());
        assert!(resolve(root, false, "/data/../../x").is_none());
        assert_eq!(resolve(root, false, "/data/matrix.json"), Some(PathBuf::from("/srv/data/matrix.json")));
        assert_eq!(resolve(root, false, "/tests/x.html"), Some(PathBuf::from("/srv/www/tests/x.html")));
        assert_eq!(resolve(root, true, "/tests/x.html"), Some(PathBuf::from("/srv/tests/browser/x.html")));
    }
}
