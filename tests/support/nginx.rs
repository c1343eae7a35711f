//! A real nginx (Debian's package, `scripts/setup --browser` installs it) on a free loopback port, set up
//! with the repository's own example configuration `deploy/nginx.conf`: only the folder it serves and
//! the address it listens on are changed. Each server has its own temporary folder with its own copy of
//! the built portal, which a test may edit as an admin would.

use crate::temp_folder::TempFolder;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NGINX: &str = "/usr/sbin/nginx";
/// The address and folder deploy/nginx.conf is written for.
const EXAMPLE_MOUNT: &str = "/intranet/integration/";
const EXAMPLE_FOLDER: &str = "/var/www/intranet/integration/";

pub struct Nginx {
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// The portal's address: the origin and `/intranet/integration/`.
    pub url: String,
    /// The portal's folder, a copy of dist/ this server's tests may change.
    pub folder: PathBuf,
    /// Files served at the site's root (`/`), e.g. a page that embeds the portal.
    pub site_root: PathBuf,
    root: TempFolder,
    process: Option<Child>,
}

impl Nginx {
    /// Copies `dist` and serves it at `/intranet/integration/` with deploy/nginx.conf, and `site_root`
    /// at `/` with the same Content-Security-Policy.
    pub fn start(dist: &Path) -> Nginx {
        let root = TempFolder::new("nginx");
        let dir = root.path();
        let folder = dir.join("portal");
        let site_root = dir.join("site");
        copy_dir(dist, &folder);
        std::fs::create_dir_all(&site_root).unwrap();
        std::fs::create_dir_all(dir.join("logs")).unwrap();

        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let example = std::fs::read_to_string(repo().join("deploy/nginx.conf")).unwrap();
        assert!(example.contains(EXAMPLE_FOLDER) && example.contains(EXAMPLE_MOUNT), "deploy/nginx.conf changed shape");
        let portal_conf = example.replace(EXAMPLE_FOLDER, &format!("{}/", folder.display()));
        std::fs::write(dir.join("portal.conf"), portal_conf).unwrap();
        let csp = csp_of(&example);
        let conf = format!(
            r#"
worker_processes 1;
master_process off;
events {{ worker_connections 256; }}
http {{
    access_log {dir}/logs/access.log;
    client_body_temp_path {dir}/tmp-body;
    proxy_temp_path {dir}/tmp-proxy;
    fastcgi_temp_path {dir}/tmp-fastcgi;
    uwsgi_temp_path {dir}/tmp-uwsgi;
    scgi_temp_path {dir}/tmp-scgi;
    default_type application/octet-stream;
    types {{ text/html html; }}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {dir}/portal.conf;
        location / {{
            root {site};
            add_header Content-Security-Policy "{csp}" always;
        }}
    }}
}}
"#,
            dir = dir.display(),
            site = site_root.display(),
        );
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, conf).unwrap();

        let process = Command::new(NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-e")
            .arg("stderr")
            .arg("-c")
            .arg(&conf_path)
            .arg("-g")
            .arg(format!("daemon off; pid {}/nginx.pid; error_log stderr;", dir.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("logs/stderr")).unwrap())
            .spawn()
            .unwrap_or_else(|error| panic!("start {NGINX} (scripts/setup --browser installs it): {error}"));
        let origin = format!("http://127.0.0.1:{port}");
        let mut nginx =
            Nginx { url: format!("{origin}{EXAMPLE_MOUNT}"), origin, folder, site_root, root, process: Some(process) };
        nginx.wait_until_listening(port);
        nginx
    }

    fn wait_until_listening(&mut self, port: u16) {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let process = self.process.as_mut().unwrap();
            if let Ok(Some(status)) = process.try_wait() {
                let errors = std::fs::read_to_string(self.root.path().join("logs/stderr")).unwrap_or_default();
                panic!("nginx stopped ({status}):\n{errors}");
            }
            assert!(started.elapsed() < Duration::from_secs(10), "nginx did not start listening on {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Stops the server, as when the network goes: nothing answers on its port any more.
    pub fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }

    /// Writes a file into the portal's folder, as an admin would on the server.
    pub fn write(&self, file: &str, body: impl AsRef<[u8]>) {
        let path = self.folder.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }

    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.folder.join(file)).unwrap()
    }

    /// A plain HTTP/1.1 GET of a path on this server: the status line and the headers, lower-cased
    /// names.
    pub fn head_of(&self, path: &str) -> (String, Vec<(String, String)>) {
        let port = self.origin.rsplit(':').next().unwrap();
        let mut stream = TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer);
        let head = answer.split("\r\n\r\n").next().unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().to_owned();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        (status, headers)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Content-Security-Policy deploy/nginx.conf sends.
fn csp_of(conf: &str) -> String {
    let line = conf
        .lines()
        .find(|line| line.trim_start().starts_with("add_header Content-Security-Policy"))
        .expect("deploy/nginx.conf sets a Content-Security-Policy");
    line.split('"').nth(1).unwrap().to_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            // Trunk's staging folder, when a build is under way, is not part of the build.
            if entry.file_name() != ".stage" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
