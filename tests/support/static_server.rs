//! A plain static file server, as an intranet admin would have: it serves files below one sub-path and
//! knows nothing of the app (no rewrites, no fallback to index.html). A test can replace or remove a file
//! while it runs.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What to answer for a file instead of what is on disk: its bytes, or `None` for a 404.
pub type Overrides = Arc<Mutex<HashMap<String, Option<Vec<u8>>>>>;

pub struct StaticServer {
    /// The folder's address, ending in `/`.
    pub url: String,
    pub overrides: Overrides,
    /// Files whose requests get no answer at all, as when the network is down.
    hang_ups: Arc<Mutex<std::collections::HashSet<String>>>,
    /// Files answered only after a wait, as on a slow connection.
    delays: Delays,
}

type Delays = Arc<Mutex<HashMap<String, std::time::Duration>>>;

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:PORT{mount}`, e.g. mount `/intranet/integration/`.
    pub fn start(root: PathBuf, mount: &'static str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let url = format!("http://{}{mount}", listener.local_addr().unwrap());
        let overrides: Overrides = Arc::default();
        let hang_ups: Arc<Mutex<std::collections::HashSet<String>>> = Arc::default();
        let delays: Delays = Arc::default();
        let (shared, shared_hang_ups, shared_delays) =
            (Arc::clone(&overrides), Arc::clone(&hang_ups), Arc::clone(&delays));
        // The thread ends with the test process.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, overrides, hang_ups) = (root.clone(), Arc::clone(&shared), Arc::clone(&shared_hang_ups));
                let delays = Arc::clone(&shared_delays);
                std::thread::spawn(move || answer(stream, &root, mount, &overrides, &hang_ups, &delays));
            }
        });
        StaticServer { url, overrides, hang_ups, delays }
    }

    pub fn replace(&self, file: &str, body: Option<&[u8]>) {
        self.overrides.lock().unwrap().insert(file.to_owned(), body.map(<[u8]>::to_vec));
    }

    /// Serves `file` from disk again, at once.
    pub fn restore(&self, file: &str) {
        self.overrides.lock().unwrap().remove(file);
        self.hang_ups.lock().unwrap().remove(file);
        self.delays.lock().unwrap().remove(file);
    }

    /// Answers requests for `file` only after `wait`.
    pub fn slow_down(&self, file: &str, wait: std::time::Duration) {
        self.delays.lock().unwrap().insert(file.to_owned(), wait);
    }

    /// Closes the connection without answering requests for `file`.
    pub fn hang_up(&self, file: &str) {
        self.hang_ups.lock().unwrap().insert(file.to_owned());
    }
}

fn answer(
    mut stream: TcpStream,
    root: &std::path::Path,
    mount: &str,
    overrides: &Overrides,
    hang_ups: &Mutex<std::collections::HashSet<String>>,
    delays: &Delays,
) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers: the answer does not depend on them.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if path.strip_prefix(mount).is_some_and(|file| hang_ups.lock().unwrap().contains(file)) {
        return;
    }
    let delay = path.strip_prefix(mount).and_then(|file| delays.lock().unwrap().get(file).copied());
    if let Some(delay) = delay {
        std::thread::sleep(delay);
    }

    let (status, content_type, body) = match path.strip_prefix(mount) {
        _ if path.contains("..") => ("400 Bad Request", "text/plain", b"bad path".to_vec()),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
        Some(relative) => {
            let file = if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else {
                relative.to_owned()
            };
            let overridden = overrides.lock().unwrap().get(&file).cloned();
            let bytes = match overridden {
                Some(replacement) => replacement,
                None => std::fs::read(root.join(&file)).ok(),
            };
            match bytes {
                Some(bytes) => ("200 OK", content_type(&file), bytes),
                None => ("404 Not Found", "text/plain", b"not found".to_vec()),
            }
        }
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
