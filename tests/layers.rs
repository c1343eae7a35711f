//! The crate's structure: layers, each importing only the ones below it, and no file importing, through
//! others, itself. Read from the `crate::` and `super::` paths in the code of every file under `src/`
//! (its test module left out: tests may build fixtures with the editors' tooling).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// From the bottom up. A file may import from its own layer and from those below.
const LAYERS: [(&str, &[&str]); 10] = [
    ("language", &["i18n/"]),
    ("content model", &["content/", "stable_sort.rs", "edit_distance.rs"]),
    ("search, routes and config", &["search/", "route.rs", "portal_config.rs"]),
    ("browser glue", &["browser/"]),
    ("components", &["components/"]),
    ("views", &["views/"]),
    ("wiring", &["app.rs", "main.rs", "lib.rs"]),
    ("editors' tooling", &["tooling/"]),
    ("editors' page", &["editor/"]),
    ("commands", &["bin/"]),
];

/// The editors' tooling and page sit apart, above the model, search, routes and the browser glue they
/// build on (tooling writes the JavaScript files' share of the glue's constants; the page hands the
/// portal its preview through the glue), beside the portal, which must not import them: they are never
/// in its wasm. The commands (`src/bin/`) may import anything.
const EDITORS_MAY_IMPORT_UP_TO: usize = 3;
const TOOLING: usize = 7;
const COMMANDS: usize = 9;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn layer_of(file: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, places)| {
            places.iter().any(|place| file == *place || place.ends_with('/') && file.starts_with(place))
        })
        .unwrap_or_else(|| panic!("src/{file} is in no layer: add its folder to LAYERS in tests/layers.rs"))
}

fn may_import(from: usize, to: usize) -> bool {
    match (from, to) {
        (COMMANDS, _) => true,
        (from, to) if from >= TOOLING => to <= EDITORS_MAY_IMPORT_UP_TO || (TOOLING..=from).contains(&to),
        (from, to) => to <= from,
    }
}

/// Every `.rs` file under `src/`, as its path from there.
fn files() -> Vec<String> {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path.strip_prefix(src()).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut found = Vec::new();
    walk(&src(), &mut found);
    found.sort();
    found
}

/// The module path of a file: `content/model.rs` is `content::model`, `search/mod.rs` is `search`.
fn module_of(file: &str) -> Vec<String> {
    let trimmed = file.trim_end_matches(".rs").trim_end_matches("/mod");
    trimmed.split('/').filter(|part| !["lib", "main"].contains(part)).map(str::to_owned).collect()
}

/// The file a module path leads to: the deepest prefix of it that is a file.
fn file_of(path: &[String]) -> Option<String> {
    (1..=path.len()).rev().find_map(|len| {
        let joined = path[..len].join("/");
        [format!("{joined}.rs"), format!("{joined}/mod.rs")].into_iter().find(|file| src().join(file).exists())
    })
}

/// The code of a file without comments and without its test module.
fn code(file: &str) -> String {
    let text = std::fs::read_to_string(src().join(file)).unwrap();
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
    text.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Each path the code names from the crate's root (`crate::a::b`) or from its parent (`super::a`),
/// made absolute, with the text it was written as; paths inside braces count one by one.
fn imports(file: &str) -> Vec<(Vec<String>, String)> {
    let code = code(file);
    let module = module_of(file);
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::").chain(code.match_indices("super::")) {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let (mut path, rest) = if code[at..].starts_with("crate::") {
            (Vec::new(), &code[at + "crate::".len()..])
        } else {
            // In a nested module's own file, `super` is the folder; in a mod.rs, the folder's parent.
            let parent = if file.ends_with("mod.rs") || module.len() <= 1 {
                module.len().saturating_sub(1)
            } else {
                module.len() - 1
            };
            (module[..parent].to_vec(), &code[at + "super::".len()..])
        };
        let (named, after) = segments(rest);
        path.extend(named);
        let written = code[at..code.len() - after.len()].to_owned();
        if let Some(inside) = after.strip_prefix('{') {
            let inside = &inside[..inside.find('}').unwrap_or(inside.len())];
            for item in inside.split(',') {
                let (inner, _) = segments(item.trim());
                let mut full = path.clone();
                full.extend(inner);
                found.push((full, format!("{written}{{{}}}", item.trim())));
            }
        } else {
            found.push((path, written));
        }
    }
    found
}

/// The leading `a::b::` module segments of `text` (lowercase names), and what follows them.
fn segments(text: &str) -> (Vec<String>, &str) {
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        let length =
            rest.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')).unwrap_or(rest.len());
        if length == 0 {
            return (segments, rest);
        }
        segments.push(rest[..length].to_owned());
        match rest[length..].strip_prefix("::") {
            Some(after) => rest = after,
            None => return (segments, &rest[length..]),
        }
    }
}

/// Each file's imports of other files, as (imported file, the path as written).
fn graph() -> BTreeMap<String, Vec<(String, String)>> {
    files()
        .into_iter()
        .map(|file| {
            let edges = imports(&file)
                .into_iter()
                .filter_map(|(path, written)| Some((file_of(&path)?, written)))
                .filter(|(target, _)| *target != file)
                .collect();
            (file, edges)
        })
        .collect()
}

#[test]
fn every_import_goes_to_the_same_layer_or_one_below() {
    let mut wrong = Vec::new();
    for (file, edges) in graph() {
        let from = layer_of(&file);
        for (target, written) in edges {
            let to = layer_of(&target);
            if !may_import(from, to) {
                wrong.push(format!(
                    "src/{file} ({}) imports `{written}` from src/{target} ({})",
                    LAYERS[from].0, LAYERS[to].0
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layer order:\n{}", wrong.join("\n"));
}

#[test]
fn no_file_imports_itself_through_others() {
    let graph = graph();
    // Depth first; a file met again while still on the path closes a cycle.
    fn visit<'a>(
        file: &'a str,
        graph: &'a BTreeMap<String, Vec<(String, String)>>,
        path: &mut Vec<(&'a str, &'a str)>,
        done: &mut Vec<&'a str>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|(on_path, _)| *on_path == file) {
            let cycle: Vec<String> =
                path[start..].iter().map(|(file, written)| format!("src/{file} -> `{written}`")).collect();
            return Some(format!("{} -> src/{file}", cycle.join(" -> ")));
        }
        if done.contains(&file) {
            return None;
        }
        for (target, written) in &graph[file] {
            path.push((file, written));
            let found = visit(target, graph, path, done);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        done.push(file);
        None
    }
    let mut done = Vec::new();
    for file in graph.keys() {
        if let Some(cycle) = visit(file, &graph, &mut Vec::new(), &mut done) {
            panic!("an import cycle: {cycle}");
        }
    }
}

/// The reader itself: a test that could not see an import would pass on anything.
#[test]
fn the_reader_finds_imports_of_every_form() {
    let paths = |file: &str| imports(file).into_iter().map(|(path, _)| path.join("::")).collect::<Vec<_>>();
    let salvage = paths("content/salvage.rs");
    assert!(salvage.contains(&"content::consistency::repair".to_owned()), "{salvage:?}");
    assert!(salvage.contains(&"content::validate::parse_content".to_owned()), "{salvage:?}");
    let route = paths("route.rs");
    assert!(route.contains(&"content::model::is_valid_slug".to_owned()), "a call by its full path: {route:?}");
    assert_eq!(
        file_of(&["content".into(), "model".into(), "is_valid_slug".into()]).as_deref(),
        Some("content/model.rs")
    );
    assert_eq!(file_of(&["content".into()]).as_deref(), Some("content/mod.rs"));
    assert!(!may_import(layer_of("content/model.rs"), layer_of("views/home.rs")));
    assert!(!may_import(layer_of("browser/load.rs"), layer_of("tooling/feed.rs")));
    assert!(may_import(layer_of("tooling/feed.rs"), layer_of("route.rs")));
    assert!(!may_import(layer_of("app.rs"), layer_of("editor/mod.rs")));
    assert!(!may_import(layer_of("tooling/check.rs"), layer_of("editor/mod.rs")));
    assert!(!may_import(layer_of("editor/mod.rs"), layer_of("components/layout.rs")));
    assert!(may_import(layer_of("editor/mod.rs"), layer_of("tooling/check.rs")));
    assert!(may_import(layer_of("bin/editor.rs"), layer_of("editor/mod.rs")));
}
