//! `content-check`: checks a content.json with the portal's own code and reports every problem at
//! once, each as `file:line:column: error: path: message`; writes the news feeds and the JSON Schema.
//!
//!     cargo run --bin content-check -- [content.json] [--feeds DIR] [--schema FILE] [--base-url URL]
//!
//! Exit status: 0 when the portal can show the file (warnings allowed), 1 when it has errors, 2 when
//! the command was used wrongly or a file could not be read or written.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

// Trunk builds only the app's binary for the browser; this keeps `cargo build --target wasm32-…` of
// every target working all the same.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use integration_portal::content::parse_content;
    use integration_portal::i18n::Lang;
    use integration_portal::tooling::feed::{atom_feed, feed_file_name};
    use integration_portal::tooling::schema::content_schema_json;
    use integration_portal::tooling::{check_content, Diagnostic};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE: &str = "\
usage: content-check [CONTENT_JSON] [--feeds DIR] [--schema FILE] [--base-url URL]

Checks CONTENT_JSON (default: content.json) the way the portal reads it and lists every problem
with its line and column. Exit status 0: the portal can show the file; 1: it has errors.

  --feeds DIR       when the file has no errors, write the news feeds news.fi.atom, news.sv.atom
                    and news.en.atom into DIR (the built folder, next to index.html)
  --schema FILE     write the JSON Schema of content.json to FILE (content.schema.json)
  --base-url URL    the portal's address, such as https://intranet.example.fi/integration/,
                    to make the feeds' links absolute; without it they are relative to the feed";

    struct Options {
        content: PathBuf,
        feeds: Option<PathBuf>,
        schema: Option<PathBuf>,
        base_url: String,
    }

    fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut options = Options { content: PathBuf::new(), feeds: None, schema: None, base_url: String::new() };
        let mut content = None;
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--feeds" => options.feeds = Some(value("--feeds")?.into()),
                "--schema" => options.schema = Some(value("--schema")?.into()),
                "--base-url" => options.base_url = base_url(&value("--base-url")?)?,
                "-h" | "--help" => return Err(String::new()),
                _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
                _ if content.is_none() => content = Some(PathBuf::from(arg)),
                _ => return Err(format!("one content file at a time, not also {arg}")),
            }
        }
        options.content = content.unwrap_or_else(|| PathBuf::from("content.json"));
        Ok(options)
    }

    /// The portal's folder address, ending in `/` so that `index.html` goes inside it.
    fn base_url(url: &str) -> Result<String, String> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.contains(char::is_whitespace) {
            return Err(format!("--base-url must be the portal's address, https://…, not {url:?}"));
        }
        Ok(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
    }

    fn plural(count: usize, word: &str) -> String {
        match count {
            0 => format!("no {word}s"),
            1 => format!("1 {word}"),
            _ => format!("{count} {word}s"),
        }
    }

    pub fn main() -> ExitCode {
        let options = match parse_args(std::env::args().skip(1)) {
            Ok(options) => options,
            Err(message) if message.is_empty() => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(message) => {
                eprintln!("content-check: {message}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match run(&options) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(message) => {
                eprintln!("content-check: {message}");
                ExitCode::from(2)
            }
        }
    }

    /// Ok(true) when the file has no errors.
    fn run(options: &Options) -> Result<bool, String> {
        let name = options.content.display().to_string();
        let text = std::fs::read_to_string(&options.content).map_err(|error| format!("cannot read {name}: {error}"))?;
        let report = check_content(&text);

        let print = |severity: &str, found: &Diagnostic| {
            println!("{name}:{}:{}: {severity}: {}", found.line, found.column, {
                if found.path.is_empty() {
                    found.message.clone()
                } else {
                    format!("{}: {}", found.path, found.message)
                }
            })
        };
        // In the order of the file, errors and warnings together, as an editor walks through it.
        let mut all: Vec<(&str, &Diagnostic)> = report.errors.iter().map(|found| ("error", found)).collect();
        all.extend(report.warnings.iter().map(|found| ("warning", found)));
        all.sort_by_key(|(_, found)| (found.line, found.column));
        for (severity, found) in all {
            print(severity, found);
        }

        let counts = format!("{}, {}", plural(report.errors.len(), "error"), plural(report.warnings.len(), "warning"));
        if report.errors.is_empty() {
            println!("{name}: {counts}: the portal can show this file.");
        } else {
            println!("{name}: {counts}: the portal will not show this file until the errors are fixed.");
            if !report.cross_checked {
                println!(
                    "{name}: slugs, references, links and translations are checked once the errors above are fixed."
                );
            }
        }

        if let Some(path) = &options.schema {
            write(path, &content_schema_json())?;
            println!("wrote {}", path.display());
        }
        if let Some(dir) = &options.feeds {
            match parse_content(&text) {
                Ok(content) => {
                    std::fs::create_dir_all(dir)
                        .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
                    for lang in Lang::ALL {
                        let path = dir.join(feed_file_name(lang));
                        write(&path, &atom_feed(&content, lang, &options.base_url))?;
                        println!("wrote {} ({})", path.display(), plural(content.news.len(), "news item"));
                    }
                }
                Err(_) => println!("{name}: no news feeds written: fix the errors first."),
            }
        }
        Ok(report.errors.is_empty())
    }

    fn write(path: &Path, text: &str) -> Result<(), String> {
        std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
    }
}
