//! scripts/finish-build, Trunk's post_build hook, on index.html as Trunk writes it: minified (release),
//! plain (debug) and with `trunk serve`'s live-reload script; and its loud failures on anything else.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/temp_folder.rs"]
mod temp_folder;

use std::path::{Path, PathBuf};
use std::process::Command;
use temp_folder::TempFolder;

const LOADER: &str = "import init, * as bindings from './app-0123456789abcdef.js';\n\
                      const wasm = await init({ module_or_path: './app-0123456789abcdef_bg.wasm' });\n";
const EARLY_PAINT: &str = "// Paints early.\nconst words = { fi: \"Hei\" };\ndocument.title = words.fi;\n";
const WORKER: &str = "const BUILD = \"__PORTAL_BUILD__\";\nconst SHELL = [\"__PORTAL_SHELL__\"];\n";

/// A folder as Trunk stages it, removed when dropped.
struct Folder(TempFolder);

impl Folder {
    fn new(name: &str, index: &str) -> Folder {
        let folder = Folder(TempFolder::new(&format!("finish-build-{name}")));
        folder.write("index.html", index);
        folder.write("sw.js", WORKER);
        for file in ["app-0123456789abcdef.js", "app-0123456789abcdef_bg.wasm", "style-0123456789abcde.css"] {
            folder.write(file, file);
        }
        folder.write("first-paint-0123456789abcdef.js", EARLY_PAINT);
        folder
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.file(file), text).unwrap();
    }

    fn run(&self) -> Result<String, String> {
        self.run_as("debug")
    }

    /// As Trunk runs the hook for a build of `profile`.
    fn run_as(&self, profile: &str) -> Result<String, String> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/finish-build");
        let output = Command::new("python3")
            .arg(script)
            .env("TRUNK_STAGING_DIR", self.0.path())
            .env("TRUNK_PROFILE", profile)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if output.status.success() {
            Ok(stderr)
        } else {
            Err(stderr)
        }
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.file(file)).unwrap()
    }

    fn loader_file(&self) -> String {
        std::fs::read_dir(self.0.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .find(|name| name.starts_with("loader-"))
            .expect("loader-<hash>.js written")
    }
}

fn minified(scripts: &str) -> String {
    format!(
        "<!doctype html><html lang=en><title>t</title><link href=./style-0123456789abcde.css \
         integrity=sha384-AAAA rel=stylesheet><script integrity=sha384-DDDD \
         src=./first-paint-0123456789abcdef.js type=module></script>{scripts}<link crossorigin href=./app-0123456789abcdef.js \
         integrity=sha384-BBBB rel=modulepreload><link as=fetch crossorigin href=./app-0123456789abcdef_bg.wasm \
         integrity=sha384-CCCC rel=preload type=application/wasm><link href=news.en.atom rel=alternate></head>\
         <body><p>Loading…</p></body></html>"
    )
}

#[test]
fn the_minified_loader_moves_into_a_hashed_file_with_integrity() {
    let folder = Folder::new("minified", &minified(&format!("<script type=module>{LOADER}</script>")));
    folder.run().unwrap();
    let loader = folder.loader_file();
    assert!(loader.len() == "loader-0123456789abcdef.js".len() && loader.ends_with(".js"), "{loader}");
    assert_eq!(folder.read(&loader), LOADER, "moved byte for byte");
    let index = folder.read("index.html");
    assert!(!index.contains("import init"), "{index}");
    let tag = format!("<script type=\"module\" src=\"./{loader}\" integrity=\"sha384-");
    assert!(index.contains(&tag) && index.contains("\" crossorigin></script><link crossorigin"), "{index}");

    let worker = folder.read("sw.js");
    assert!(!worker.contains("__PORTAL_"), "{worker}");
    let shell = format!(
        "const SHELL = [\"./\", \"./style-0123456789abcde.css\", \"./first-paint-0123456789abcdef.js\", \"./{loader}\", \"./app-0123456789abcdef.js\", \
         \"./app-0123456789abcdef_bg.wasm\"];"
    );
    assert!(worker.contains(&shell), "{worker}");
    let build = worker.split("const BUILD = \"").nth(1).unwrap().split('"').next().unwrap();
    assert!(build.len() == 16 && build.bytes().all(|b| b.is_ascii_hexdigit()), "{build}");

    // Stamping twice would leave a wrong list: refused.
    folder.write("index.html", &minified(&format!("<script type=module>{LOADER}</script>")));
    let error = folder.run().unwrap_err();
    assert!(error.contains("sw.js must contain"), "{error}");
}

#[test]
fn a_debug_build_and_trunk_serve_live_reload_work_too() {
    let index = minified(&format!(
        "<script type=\"module\">\n{LOADER}\n</script><script>\"use strict\"; const url = '/.well-known/trunk/ws';</script>"
    ));
    let folder = Folder::new("debug", &index);
    folder.run().unwrap();
    let index = folder.read("index.html");
    assert!(index.contains("<script>\"use strict\"; const url = '/.well-known/trunk/ws';</script>"), "{index}");
    assert!(index.contains(&format!("src=\"./{}\"", folder.loader_file())), "{index}");
}

/// A module in wasm-bindgen's manner: long names, comments, a default export.
const BINDINGS: &str = "// The greeting, as the app would export it.\n\
                        export function greetingFor(personToGreet) {\n\
                        \x20   const greetingMessage = 'Hei, ' + personToGreet;\n\
                        \x20   return greetingMessage;\n\
                        }\n\
                        export default greetingFor;\n";

fn sha384_integrity(path: &Path) -> String {
    let code = "import base64, hashlib, sys; \
                print('sha384-' + base64.b64encode(hashlib.sha384(open(sys.argv[1], 'rb').read()).digest()).decode())";
    let output = Command::new("python3").args(["-c", code]).arg(path).output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

#[test]
fn a_release_build_minifies_the_bindings_and_their_integrity_follows() {
    let folder = Folder::new("release", &minified(&format!("<script type=module>{LOADER}</script>")));
    folder.write("app-0123456789abcdef.js", BINDINGS);
    folder.run_as("release").unwrap();
    let bindings = folder.file("app-0123456789abcdef.js");
    let minified_code = folder.read("app-0123456789abcdef.js");
    assert!(minified_code.len() < BINDINGS.len() / 2, "{minified_code}");
    let index = folder.read("index.html");
    let tag =
        format!("href=./app-0123456789abcdef.js integrity=\"{}\" rel=modulepreload>", sha384_integrity(&bindings));
    assert!(index.contains(&tag), "{index}");
    assert!(!index.contains("sha384-BBBB"), "{index}");
    // first-paint.js too, again without its comment.
    let early = folder.file("first-paint-0123456789abcdef.js");
    assert!(!folder.read("first-paint-0123456789abcdef.js").contains("Paints early"));
    let tag = format!("integrity=\"{}\" src=./first-paint-0123456789abcdef.js", sha384_integrity(&early));
    assert!(index.contains(&tag), "{index}");
    // Still the same module.
    let output = Command::new("node")
        .args(["--input-type=module", "-e"])
        .arg(format!(
            "import greet, {{ greetingFor }} from '{}'; console.log(greet('Aino'), greetingFor === greet);",
            bindings.display()
        ))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Hei, Aino true\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The worker's build id covers the new hash: it is computed from the index.html written.
    assert!(folder.read("sw.js").contains("./app-0123456789abcdef.js"));

    let broken = Folder::new("release-broken", &minified(&format!("<script type=module>{LOADER}</script>")));
    broken.write("app-0123456789abcdef.js", "export function (");
    let error = broken.run_as("release").unwrap_err();
    assert!(error.contains("terser could not minify app-0123456789abcdef.js"), "{error}");
    assert!(broken.read("index.html").contains("sha384-BBBB"), "index.html left as it was");
    assert_eq!(broken.read("app-0123456789abcdef.js"), "export function (");
}

#[test]
fn anything_unexpected_fails_the_build_loudly() {
    let cases = [
        ("none", minified(""), "found 0"),
        (
            "two",
            minified(&format!("<script type=module>{LOADER}</script><script type=module>{LOADER}</script>")),
            "found 2",
        ),
        (
            "inline",
            minified(&format!("<script type=module>{LOADER}</script><script>alert(1)</script>")),
            "another inline script",
        ),
    ];
    for (name, index, expected) in cases {
        let folder = Folder::new(name, &index);
        let error = folder.run().unwrap_err();
        assert!(error.contains(expected), "{name}: {error}");
        assert_eq!(folder.read("index.html"), index, "{name}: index.html left as it was");
    }
    let folder = Folder::new("no-worker", &minified(&format!("<script type=module>{LOADER}</script>")));
    std::fs::remove_file(folder.file("sw.js")).unwrap();
    let error = folder.run().unwrap_err();
    assert!(error.contains("sw.js is missing") || error.contains("sw.js"), "{error}");
}
