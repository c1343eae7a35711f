//! The `content-check` command, run as editors and CI run it: on broken fixtures whose messages are
//! pinned in `*.expected` files, on the bundled content.json, and writing the news feeds, which are
//! read back with a real feed parser. Also: the committed content.schema.json is what the types
//! generate, and its patterns agree with the validator.

use integration_portal::content::model::is_valid_slug;
use integration_portal::content::model::{LINK_PATTERN, SLUG_PATTERN, WEB_ADDRESS_PATTERN};
use integration_portal::content::{parse_content, Block, LinkTarget};
use integration_portal::tooling::check_content;
use integration_portal::tooling::schema::content_schema_json;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures_dir() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/editor")
}

/// Runs the real command in `dir`: its standard output and exit status.
fn content_check(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_content-check")).args(args).current_dir(dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "content-check {args:?} wrote to stderr: {stderr}");
    (String::from_utf8(output.stdout).unwrap(), output.status.code().unwrap())
}

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

/// Each fixture's output, and its exit status as a last line, is exactly its `.expected` file.
/// `UPDATE_EXPECTED=1 cargo test --test content_check` rewrites them after a deliberate change; read
/// the diff before committing it.
#[test]
fn every_fixture_gives_exactly_its_expected_messages() {
    let mut mismatches = Vec::new();
    for path in fixtures() {
        let name = path.file_name().unwrap().to_str().unwrap();
        let (stdout, status) = content_check(&fixtures_dir(), &[name]);
        let actual = format!("{stdout}exit status: {status}\n");
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} is missing", expected_path.display()));
        if actual != expected {
            mismatches.push(format!("{name}\n--- expected\n{expected}--- actual\n{actual}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn there_is_a_fixture_for_every_kind_of_problem() {
    let names: Vec<String> =
        fixtures().iter().map(|path| path.file_stem().unwrap().to_str().unwrap().to_owned()).collect();
    for kind in [
        "syntax-error",
        "missing-field",
        "wrong-type",
        "unknown-field",
        "duplicate-slug",
        "unknown-reference",
        "impossible-date",
        "unsafe-link",
        "missing-translation",
        "several-problems",
        "several-cross-check-problems",
        "valid",
    ] {
        assert!(names.iter().any(|name| name == kind), "no fixture {kind}.json");
    }
}

#[test]
fn the_command_and_the_app_agree_on_every_fixture() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = check_content(&text);
        assert_eq!(report.errors.is_empty(), parse_content(&text).is_ok(), "{}", path.display());
    }
}

/// Every way of breaking a valid file by deleting one line or one character: the command and the app
/// still agree, nothing panics, and every position is inside the file.
#[test]
fn the_command_and_the_app_agree_on_every_single_deletion() {
    let valid = std::fs::read_to_string(fixtures_dir().join("valid.json")).unwrap();
    let lines: Vec<&str> = valid.lines().collect();
    let mut variants: Vec<String> = (0..lines.len())
        .map(|i| {
            lines.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, line)| *line).collect::<Vec<_>>().join("\n")
        })
        .collect();
    variants.extend(valid.char_indices().map(|(at, c)| format!("{}{}", &valid[..at], &valid[at + c.len_utf8()..])));
    for variant in &variants {
        let report = check_content(variant);
        assert_eq!(report.errors.is_empty(), parse_content(variant).is_ok(), "{variant}");
        let line_count = variant.lines().count().max(1);
        for found in report.errors.iter().chain(&report.warnings) {
            assert!((1..=line_count).contains(&found.line) && found.column >= 1, "{found:?} in\n{variant}");
        }
    }
}

#[test]
fn several_broken_parts_are_all_reported_at_once() {
    let text = std::fs::read_to_string(fixtures_dir().join("several-problems.json")).unwrap();
    let paths: Vec<_> = check_content(&text).errors.into_iter().map(|found| found.path).collect();
    assert_eq!(paths, ["site", "sections[0].title", "sections[1].tags", "news[0].published", "news[1].type"]);
}

#[test]
fn the_bundled_content_passes() {
    let (stdout, status) = content_check(Path::new(ROOT), &["content.json"]);
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.contains("content.json: no errors"), "{stdout}");
}

#[test]
fn usage_and_unreadable_files_exit_with_2() {
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_content-check")).args(args).current_dir(ROOT).output().unwrap();
        (output.status.code().unwrap(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (status, stderr) = run(&["no-such-file.json"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("cannot read no-such-file.json"), "{stderr}");
    let (status, stderr) = run(&["--frobnicate"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("unknown option --frobnicate") && stderr.contains("usage:"), "{stderr}");
    let (status, stderr) = run(&["--base-url", "intranet/integration"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--base-url must be"), "{stderr}");
    assert_eq!(run(&["--help"]).0, 0);
}

#[test]
fn the_committed_schema_is_what_the_types_generate() {
    let committed = std::fs::read_to_string(Path::new(ROOT).join("content.schema.json")).unwrap_or_default();
    assert!(
        committed == content_schema_json(),
        "content.schema.json differs from what the content model generates. Regenerate it with\n\n    \
         cargo run --bin content-check -- --schema content.schema.json\n\nand commit it."
    );
}

#[test]
fn the_bundled_content_names_the_schema() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("content.json")).unwrap();
    let content = parse_content(&text).unwrap();
    assert_eq!(content.schema.as_deref(), Some("content.schema.json"));
}

/// The schema must never refuse what the portal accepts, and should flag what it refuses.
#[test]
fn schema_patterns_agree_with_the_validator() {
    let slug = regex::Regex::new(SLUG_PATTERN).unwrap();
    for sample in ["legislation", "a", "x-1", "2025", "Legislation", "a--b", "-a", "a-", "a b", "ä", ""] {
        assert_eq!(slug.is_match(sample), is_valid_slug(sample), "{sample:?}");
    }
    let link = regex::Regex::new(LINK_PATTERN).unwrap();
    let web = regex::Regex::new(WEB_ADDRESS_PATTERN).unwrap();
    let mut samples: Vec<String> = [
        "https://kotoutuminen.fi/en",
        "HTTP://example.org",
        "mailto:kirjaamo@example.fi",
        "#/news/some-item",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "https:///path",
        "https://exa mple.org",
        "relative.html",
        "mailto:",
    ]
    .map(String::from)
    .to_vec();
    let content = parse_content(&std::fs::read_to_string(Path::new(ROOT).join("content.json")).unwrap()).unwrap();
    for section in &content.sections {
        samples.extend(section.links.iter().map(|link| link.href.clone()));
        for blocks in [&section.body.fi, &section.body.sv, &section.body.en].into_iter().flatten() {
            samples.extend(blocks.iter().flat_map(Block::links).map(String::from));
        }
    }
    samples.extend(content.news.iter().map(|item| item.source.clone()));
    for sample in &samples {
        assert_eq!(link.is_match(sample), LinkTarget::of(sample) != LinkTarget::Unsafe, "link {sample:?}");
        assert_eq!(web.is_match(sample), LinkTarget::of(sample) == LinkTarget::External, "web address {sample:?}");
    }
    for slug_like in content.sections.iter().map(|s| &s.slug).chain(content.news.iter().map(|n| &n.slug)) {
        assert!(slug.is_match(slug_like), "{slug_like}");
    }
}

mod feeds {
    use super::*;
    use feed_rs::model::Feed;

    /// Writes the feeds of `content` into a fresh folder with the real command and parses each.
    fn written_feeds(content: &Path, extra: &[&str]) -> (String, Vec<(String, Feed, String)>) {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("feeds-{}", extra.len()));
        let _ = std::fs::remove_dir_all(&out);
        let mut args = vec![content.to_str().unwrap(), "--feeds", out.to_str().unwrap()];
        args.extend(extra);
        let (stdout, status) = content_check(Path::new(ROOT), &args);
        assert_eq!(status, 0, "{stdout}");
        let feeds = ["fi", "sv", "en"]
            .into_iter()
            .map(|lang| {
                let xml = std::fs::read_to_string(out.join(format!("news.{lang}.atom"))).unwrap();
                let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("news.{lang}.atom: {e}"));
                (lang.to_owned(), feed, xml)
            })
            .collect();
        (stdout, feeds)
    }

    #[test]
    fn one_atom_feed_per_language_newest_first_with_links_to_the_items() {
        let (stdout, feeds) = written_feeds(&fixtures_dir().join("valid.json"), &[]);
        assert!(stdout.contains("news.fi.atom (2 news items)"), "{stdout}");
        for (lang, feed, xml) in &feeds {
            assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
            assert_eq!(feed.language.as_deref(), Some(lang.as_str()));
            assert!(xml.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
            let titles: Vec<_> = feed.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
            let expected_titles = match lang.as_str() {
                "fi" => ["Maksu käyttämättä jätetystä ajasta", "Vanhempi uutinen"],
                "sv" => ["Avgift för en oanvänd tid", "Äldre nyhet"],
                _ => ["Fee for a missed appointment", "Older item"],
            };
            assert_eq!(titles, expected_titles, "{lang}: newest first");
            let links: Vec<_> = feed.entries.iter().map(|e| e.links[0].href.clone()).collect();
            // Each feed opens the portal in its own language, whatever the reader's browser prefers.
            assert_eq!(
                links,
                [format!("index.html#/{lang}/news/fee-item"), format!("index.html#/{lang}/news/older-item")]
            );
            let feed_links: Vec<_> = feed.links.iter().map(|l| (l.rel.clone(), l.href.clone())).collect();
            assert!(
                feed_links.contains(&(Some("alternate".into()), format!("index.html#/{lang}/news"))),
                "{lang}: {feed_links:?}"
            );
            let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap().to_rfc3339()).collect();
            assert_eq!(dates, ["2024-12-11T00:00:00+00:00", "2024-10-22T00:00:00+00:00"]);
            assert_eq!(feed.updated.unwrap().to_rfc3339(), "2024-12-11T00:00:00+00:00");
            assert_eq!(
                feed.title.as_ref().unwrap().content,
                ["Testiportaali", "Testportal", "Test portal"][lang_index(lang)]
            );
            let summary = feed.entries[0].summary.as_ref().unwrap().content.clone();
            assert_eq!(summary, ["Enintään 56,70 euroa.", "Högst 56,70 euro.", "At most EUR 56.70."][lang_index(lang)]);
            let body = feed.entries[0].content.as_ref().unwrap().body.clone().unwrap();
            assert!(!body.is_empty());
            let ids: std::collections::HashSet<_> =
                feeds.iter().flat_map(|(_, f, _)| f.entries.iter().map(|e| &e.id)).collect();
            assert_eq!(ids.len(), 6, "ids are unique across items and languages");
            let categories: Vec<_> = feed.entries[0].categories.iter().map(|c| c.term.as_str()).collect();
            assert_eq!(categories, ["press-release", "fees", "municipality", "health-social"]);
        }
    }

    fn lang_index(lang: &str) -> usize {
        ["fi", "sv", "en"].iter().position(|l| *l == lang).unwrap()
    }

    #[test]
    fn a_missing_language_falls_back_and_says_so() {
        // minimal.json's news are in English only, and its site title also in Finnish.
        let (_, feeds) = written_feeds(
            &Path::new(ROOT).join("tests/fixtures/minimal.json"),
            &["--base-url", "https://intra.example.fi/integration"],
        );
        let (_, finnish, xml) = &feeds[0];
        assert_eq!(finnish.title.as_ref().unwrap().content, "Testiportaali");
        assert!(xml.contains("<entry xml:lang=\"en\">"), "{xml}");
        assert_eq!(finnish.entries[0].title.as_ref().unwrap().content, "Fee for a missed appointment");
        // --base-url makes links absolute.
        assert_eq!(
            finnish.entries[0].links[0].href,
            "https://intra.example.fi/integration/index.html#/fi/news/fee-item"
        );
        // Markup in content stays text: escaped in the XML, the same characters after parsing.
        let body = finnish.entries[0].content.as_ref().unwrap().body.clone().unwrap();
        assert!(body.contains("<script>alert(1)</script>"), "{body}");
        assert!(xml.contains("&lt;script&gt;"));
    }

    #[test]
    fn the_bundled_news_make_feeds_in_every_language() {
        let text = std::fs::read_to_string(Path::new(ROOT).join("content.json")).unwrap();
        let content = parse_content(&text).unwrap();
        let (_, feeds) = written_feeds(&Path::new(ROOT).join("content.json"), &["--schema", "/dev/null"]);
        for (lang, feed, _) in &feeds {
            assert_eq!(feed.entries.len(), content.news.len(), "{lang}");
            let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
            assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{lang}: newest first");
        }
    }

    #[test]
    fn no_feeds_are_written_for_a_broken_file() {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("feeds-broken");
        let _ = std::fs::remove_dir_all(&out);
        let (stdout, status) =
            content_check(&fixtures_dir(), &["duplicate-slug.json", "--feeds", out.to_str().unwrap()]);
        assert_eq!(status, 1);
        assert!(stdout.contains("no news feeds written"), "{stdout}");
        assert!(!out.exists());
    }
}

/// The news item the README's editors' guide tells editors to paste passes the check, without warnings,
/// when pasted where the guide says.
#[test]
fn the_editors_guide_example_news_item_passes() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let guide = &readme[readme.find("### Add a news item").expect("README has the editors' guide")..];
    let start = guide.find("```json\n").expect("the guide has the example") + "```json\n".len();
    let example = &guide[start..start + guide[start..].find("```").unwrap()];
    let example: String =
        example.lines().map(|line| line.strip_prefix("   ").unwrap_or(line)).collect::<Vec<_>>().join("\n");
    assert!(example.trim_end().ends_with("},"), "the example ends with the comma that separates it");

    let bundled = std::fs::read_to_string(Path::new(ROOT).join("content.json")).unwrap();
    let at = bundled.find("\"news\": [").unwrap() + "\"news\": [".len();
    let edited = format!("{}\n{}{}", &bundled[..at], example.trim_end(), &bundled[at..]);
    let report = check_content(&edited);
    assert_eq!((report.errors.as_slice(), report.warnings.as_slice()), (&[][..], &[][..]));
    let content = parse_content(&edited).unwrap();
    assert!(content.news_item("integration-training-funding-2026").is_some());
}
