//! The editors' page, `editor.html`, served by nginx with the strict Content-Security-Policy as it is
//! deployed: a chosen file is checked as `content-check` checks it (the fixtures' `*.expected` files),
//! a good one previews in the portal itself, only that page can hand the portal a file, and files that
//! are not content at all get a clear message.

use super::accessibility::{axe_source, axe_violations};
use super::deploy::{assert_clean_console, assert_only_from, nginx, script};
use crate::browser::Browser;
use crate::bundled_content;
use crate::temp_folder::TempFolder;
use fantoccini::Locator;
use integration_portal::content::parse_content;
use integration_portal::i18n::Lang;
use integration_portal::tooling::feed::feed_entries;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editor").join(name)
}

/// Chooses `file` in the page's file chooser and waits until the page has said what it is.
async fn choose(browser: &Browser, file: &Path) -> String {
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    // The page draws its file chooser once its wasm has started.
    let input = browser
        .wait_for("the file chooser", || async { browser.client.find(Locator::Css("#content-file")).await.ok() })
        .await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    browser
        .wait_for(&format!("the report on {name}"), || async {
            (browser.text_of("#report-heading").await.as_deref() == Some(name.as_str())).then_some(())
        })
        .await;
    name
}

/// The problems listed, each as content-check prints it after the file's name:
/// `45:20: error: news[0].published: …`.
async fn problems_shown(browser: &Browser) -> Vec<String> {
    let shown = script(
        browser,
        "return [...document.querySelectorAll('.problem')].map(p => {
            const path = p.querySelector('.path');
            const severity = p.classList.contains('problem-error') ? 'error' : 'warning';
            return `${p.dataset.line}:${p.dataset.column}: ${severity}: ${path ? path.textContent + ': ' : ''}`
                + p.querySelector('.message').textContent;
        })",
    )
    .await;
    serde_json::from_value(shown).unwrap()
}

#[tokio::test]
async fn each_fixture_shows_exactly_the_problems_content_check_reports_with_their_lines() {
    let server = nginx();
    let browser = Browser::open(&format!("{}editor.html#en", server.url)).await;
    browser.wait_for_heading("Check content.json").await;
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    fixtures.sort();
    for path in fixtures {
        let name = choose(&browser, &path).await;
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let prefix = format!("{name}:");
        let mut expected_problems: Vec<&str> = expected
            .lines()
            .filter_map(|line| line.strip_prefix(&prefix))
            .filter(|line| line.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        // The page lists the errors, then the warnings, each in the order of the file.
        expected_problems.sort_by_key(|line| !line.contains(": error: "));
        assert_eq!(problems_shown(&browser).await, expected_problems, "{name}");
        // The summary, word for word: "2 errors, no warnings: the portal will not show …".
        let summary = expected.lines().find_map(|line| line.strip_prefix(&format!("{name}: "))).unwrap();
        assert_eq!(browser.text_of(".check-counts").await.as_deref(), Some(summary), "{name}");
        // And said in the status region, for screen readers.
        let said = script(&browser, "return document.querySelector('.editor-status').textContent").await;
        let counts = summary.split(": ").next().unwrap();
        assert_eq!(said.as_str(), Some(format!("{name}: {counts}").as_str()), "{name}");
        // Each problem links to the lines around it, numbered, with its own line among them.
        let lines = script(
            &browser,
            "return [...document.querySelectorAll('.problem')].map(p => {
                const view = document.getElementById(p.querySelector('.place').getAttribute('href').slice(1));
                return [Number(p.dataset.line), [...view.querySelectorAll('.line-current .line-number')]
                    .map(n => Number(n.textContent))];
            })",
        )
        .await;
        for (line, current) in serde_json::from_value::<Vec<(usize, Vec<usize>)>>(lines).unwrap() {
            assert_eq!(current, [line], "{name}: the line view of line {line}");
        }
        let no_errors = browser.text_of(".no-errors").await;
        assert_eq!(no_errors.as_deref() == Some("No errors"), !expected.contains(": error: "), "{name}");
    }
    assert_clean_console(&browser, "the editors' page").await;
    browser.close().await;
}

#[tokio::test]
async fn a_good_file_has_no_errors_its_feeds_and_a_preview_of_its_own_content() {
    let server = nginx();
    let browser = Browser::open(&format!("{}editor.html#en", server.url)).await;
    browser.wait_for_heading("Check content.json").await;
    choose(&browser, &fixture("valid.json")).await;
    assert_eq!(browser.text_of(".no-errors").await.as_deref(), Some("No errors"));
    assert!(browser.text_of("#publish-heading + p").await.unwrap().contains("content.json"));

    // The feeds as the Atom feeds list them: newest first, each language.
    let content = parse_content(&std::fs::read_to_string(fixture("valid.json")).unwrap()).unwrap();
    let listed = browser.texts_of(".feed-entries li").await;
    let expected: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|lang| feed_entries(&content, lang, ""))
        .map(|entry| format!("{} {}", entry.published.to_dotted(), entry.title))
        .collect();
    assert_eq!(listed, expected);

    // The preview is the portal with this file, marked, in every view; not the deployed content.
    let frame = browser.client.find(Locator::Css("iframe.preview-frame")).await.unwrap();
    frame.enter_frame().await.unwrap();
    let sections = browser.wait_for_all(".section-card h3").await;
    let own: Vec<String> = content.sections.iter().map(|s| s.title.text(Lang::En).to_owned()).collect();
    assert_eq!(sections, own);
    let title = content.site.title.text(Lang::En);
    assert_ne!(title, bundled_content().site.title.text(Lang::En));
    browser.wait_for_heading(title).await;
    assert!(browser.text_of(".preview-notice").await.unwrap().contains("valid.json"));
    let item = &content.news[0];
    // Another view and language, moved to inside the frame as a link would.
    script(&browser, &format!("location.hash = '#/sv/news/{}'", item.slug)).await;
    browser.wait_for_heading(item.title.text(Lang::Sv)).await;
    assert!(browser.text_of(".preview-notice").await.unwrap().contains("valid.json"));
    assert_only_from(&browser, &server.origin, "the preview").await;
    browser.client.enter_parent_frame().await.unwrap();

    // Dropped onto the page, a file with a reference the portal leaves out: no errors here would be
    // wrong, and the preview shows the rest, naming the problem, as the portal does a partly broken file.
    let dropped = std::fs::read_to_string(fixture("unknown-reference.json")).unwrap();
    script(
        &browser,
        &format!(
            "const data = new DataTransfer();
             data.items.add(new File([{}], 'dropped.json', {{ type: 'application/json' }}));
             document.querySelector('main').dispatchEvent(
                 new DragEvent('drop', {{ dataTransfer: data, bubbles: true, cancelable: true }}));",
            serde_json::to_string(&dropped).unwrap()
        ),
    )
    .await;
    browser
        .wait_for("the report on the dropped file", || async {
            (browser.text_of("#report-heading").await.as_deref() == Some("dropped.json")).then_some(())
        })
        .await;
    assert!(browser.text_of(".no-errors").await.is_none());
    assert!(!problems_shown(&browser).await.is_empty());
    let frame = browser.client.find(Locator::Css("iframe.preview-frame")).await.unwrap();
    frame.enter_frame().await.unwrap();
    browser.wait_for_all(".section-card h3").await;
    assert!(browser.text_of(".preview-notice").await.unwrap().contains("dropped.json"));
    let notice = browser.wait_for("the content problems notice", || browser.text_of(".content-problems")).await;
    assert!(notice.contains("problem"), "{notice}");
    browser.client.enter_parent_frame().await.unwrap();
    assert_only_from(&browser, &server.origin, "the editors' page").await;
    assert_clean_console(&browser, "the editors' page with its preview").await;
    browser.close().await;
}

#[tokio::test]
async fn no_other_page_or_address_can_hand_the_portal_content() {
    let server = nginx();
    // A page named editor.html on the same site, but not in the portal's folder, that puts a file where
    // the editors' page does and frames the preview address.
    let other = server.site_root.join("intranet");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("editor.html"),
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Other</title>\
         <link rel=\"icon\" href=\"data:,\"><script src=\"hand-over.js\"></script></head><body>\
         <iframe src=\"/intranet/integration/index.html?preview#/en/\" title=\"portal\"></iframe></body></html>",
    )
    .unwrap();
    let chosen = std::fs::read_to_string(fixture("valid.json")).unwrap();
    std::fs::write(
        other.join("hand-over.js"),
        format!("window.portalPreviewFile = new File([{}], 'chosen.json');", serde_json::to_string(&chosen).unwrap()),
    )
    .unwrap();
    let deployed: Vec<String> = bundled_content().sections.iter().map(|s| s.title.text(Lang::En).to_owned()).collect();

    let browser = Browser::open(&format!("{}/intranet/editor.html", server.origin)).await;
    let frame = browser.client.find(Locator::Css("iframe")).await.unwrap();
    frame.enter_frame().await.unwrap();
    assert_eq!(browser.wait_for_all(".section-card h3").await, deployed, "framed by another page");
    assert!(browser.text_of(".preview-notice").await.is_none());
    browser.client.enter_parent_frame().await.unwrap();

    // The preview address on its own.
    browser.client.goto(&format!("{}index.html?preview#/en/", server.url)).await.unwrap();
    assert_eq!(browser.wait_for_all(".section-card h3").await, deployed, "the address alone");
    assert!(browser.text_of(".preview-notice").await.is_none());
    browser.close().await;
}

#[tokio::test]
async fn files_that_are_not_content_get_a_message_that_names_the_problem() {
    let server = nginx();
    let browser = Browser::open(&format!("{}editor.html#en", server.url)).await;
    browser.wait_for_heading("Check content.json").await;
    let folder = TempFolder::new("editor-files");
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("empty.json", Vec::new(), "empty.json is empty"),
        ("photo.json", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "photo.json is not text but a picture"),
        ("latin1.json", b"{\n  \"title\": \"p\xE4iv\xE4\"\n}".to_vec(), "line 2, column 14 has the byte 0xE4"),
        ("unicode.json", b"\xFF\xFE{\0}\0".to_vec(), "unicode.json is saved as UTF-16"),
        ("notes.json", b"Remember to add the news".to_vec(), "content.json must be one JSON object"),
        ("report.json", b"PK\x03\x04\x14\0\x06\0".to_vec(), "not text but a Word, Excel or zip file"),
    ];
    for (name, bytes, message) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        choose(&browser, &path).await;
        let shown = browser.text_of(".file-report").await.unwrap();
        assert!(shown.contains(message), "{name}: {shown}");
        // Text that is not content still previews, as the portal would show it (its error page).
        let preview = browser.client.find(Locator::Css("iframe.preview-frame")).await;
        assert_eq!(preview.is_ok(), name == "notes.json", "{name}: a preview only of text");
    }

    // A 30 MB archive: the page says it is checking it, and then what it found.
    let large = integration_portal::tooling::synthetic::generate(&bundled_content(), 10_000, 7);
    let path = folder.path().join("archive.json");
    std::fs::write(&path, serde_json::to_string(&large).unwrap()).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 30_000_000, "{size} bytes");
    script(
        &browser,
        "window.longTasks = []; new PerformanceObserver((list) => window.longTasks.push(...list.getEntries()\
            .map((task) => `${Math.round(task.duration)} ${task.name}`))).observe({ type: 'longtask' })",
    )
    .await;
    let input = browser.client.find(Locator::Css("#content-file")).await.unwrap();
    input.send_keys(path.to_str().unwrap()).await.unwrap();
    let checking = format!("Checking archive.json ({:.1} MB)…", size as f64 / 1e6);
    browser
        .wait_for("the checking message", || async {
            let status = browser.text_of(".editor-status").await.unwrap_or_default();
            let done = browser.text_of("#report-heading").await.as_deref() == Some("archive.json");
            (status == checking || done).then_some(())
        })
        .await;
    browser
        .wait_for_within(std::time::Duration::from_secs(180), "the report on the archive", || async {
            browser.text_of(".check-counts").await.filter(|counts| counts.contains("the portal can show")).map(drop)
        })
        .await;
    // A missing translation in every generated item: the first thousand listed, drawn a batch a frame.
    browser
        .wait_for_within(std::time::Duration::from_secs(60), "every listed problem drawn", || async {
            let drawn = script(&browser, "return document.querySelectorAll('.problem').length").await;
            (drawn.as_u64() == Some(1000)).then_some(())
        })
        .await;
    assert!(browser.text_of(".file-report").await.unwrap().contains("The first 1000 of 10000 problems are listed"));
    // What BENCHMARKS.md quotes ("The editors' page"): the page's tasks while it checked and drew.
    println!("long tasks while checking {size} bytes: {:?} ms", script(&browser, "return window.longTasks").await);
    // A file this large previews when asked.
    assert!(browser.client.find(Locator::Css("iframe.preview-frame")).await.is_err());
    browser.client.find(Locator::Css("button.show-preview")).await.unwrap().click().await.unwrap();
    let frame = browser.client.find(Locator::Css("iframe.preview-frame")).await.unwrap();
    frame.enter_frame().await.unwrap();
    browser
        .wait_for_within(std::time::Duration::from_secs(180), "the archive's preview", || async {
            let notice = browser.text_of(".preview-notice").await?;
            let sections = browser.texts_of(".section-card h3").await;
            (notice.contains("archive.json") && !sections.is_empty()).then_some(())
        })
        .await;
    browser.client.enter_parent_frame().await.unwrap();
    assert_clean_console(&browser, "files that are not content").await;
    browser.close().await;
}

#[tokio::test]
async fn the_page_is_accessible_in_every_language_and_scheme_and_reflows_at_320_pixels() {
    let server = nginx();
    let axe = axe_source();
    let browser = Browser::open("about:blank").await;
    let mut failures = Vec::new();
    for scheme in ["light", "dark"] {
        browser.emulate_color_scheme(scheme).await;
        for lang in Lang::ALL {
            for file in ["several-problems.json", "valid.json"] {
                browser.client.goto(&format!("{}editor.html#{}", server.url, lang.code())).await.unwrap();
                choose(&browser, &fixture(file)).await;
                assert_eq!(script(&browser, "return document.documentElement.lang").await, lang.code());
                for violation in axe_violations(&browser, &axe).await {
                    failures.push(format!("{scheme} {} {file}: {violation}", lang.code()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
    browser.client.set_window_size(320, 740).await.unwrap();
    choose(&browser, &fixture("several-problems.json")).await;
    let widths =
        script(&browser, "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
    let [scroll, viewport]: [u64; 2] = serde_json::from_value(widths.await).unwrap();
    assert!(scroll <= viewport, "{scroll} px wide in {viewport} px");
    browser.close().await;
}
