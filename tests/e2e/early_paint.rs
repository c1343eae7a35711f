//! The early paint (`public/first-paint.js`): with the app held back, a shared link to any view shows
//! that view from content.json, as the app then shows it, in the same place; bad content leaves the
//! skeleton and the problem to the app.

use crate::browser::Browser;
use integration_portal::i18n::Lang;
use serde_json::{json, Value};
use std::time::Duration;

/// The portal's wasm file name in `dist/`, to hold it back (not the editors' page's `editor_bg.wasm`).
fn wasm_file() -> String {
    std::fs::read_dir(crate::dist())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with("integration-portal-") && name.ends_with("_bg.wasm"))
        .expect("the portal's wasm file in dist/")
}

/// A view painted by first-paint.js: its heading has the app's `tabindex`, the skeleton's has none.
const PAINTED: &str = "#shell main h1[tabindex]";

/// What a reader sees of the page (`in_shell`: the early paint's, else the app's): the header's and
/// the view's text, every link's text and address, the texts marked with another language, the place
/// of the view's first parts, the title and the page's language. Not the parts the app adds from the
/// whole archive (the latest news of home and of a section), which the early paint leaves to it.
const SEEN: &str = r#"
    const root = arguments[0] ? document.getElementById('shell') : document.body;
    const main = root.querySelector('main');
    const later = main.querySelectorAll('[aria-labelledby=news-heading], [aria-labelledby=related-news-heading]');
    later.forEach((n) => { n.hidden = true; });
    const visible = (css) => Array.from(root.querySelectorAll(css)).filter((n) => !n.closest('[hidden]'));
    const place = (css) => {
        const node = visible(`main ${css}`)[0];
        if (!node) return null;
        const r = node.getBoundingClientRect();
        return [css, Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
    };
    const seen = {
        header: root.querySelector('header').innerText,
        text: main.innerText,
        links: visible('.skip-link, header a, main a')
            .map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('lang')]),
        other_languages: Array.from(main.querySelectorAll('[lang]')).map((n) => [n.lang, n.textContent.slice(0, 60)]),
        places: ['h1', '.lead', '.meta', '.body', '.section-grid', '.source'].map(place),
        title: document.title,
        lang: document.documentElement.lang,
    };
    later.forEach((n) => { n.hidden = false; });
    return seen;
"#;

async fn seen(browser: &Browser, in_shell: bool) -> Value {
    browser.client.execute(SEEN, vec![json!(in_shell)]).await.unwrap()
}

/// A phone's screen, where the header wraps onto more lines.
async fn phone_sized(browser: &Browser) {
    browser.client.set_window_size(360, 740).await.unwrap();
}

/// Opens `address` as a new document, as a shared link does.
async fn open(browser: &Browser, address: &str) {
    browser.client.goto("about:blank").await.unwrap();
    browser.client.goto(address).await.unwrap();
}

async fn app_started(browser: &Browser) {
    browser
        .wait_for("the app in place of the shell", || async {
            let started = "return !document.getElementById('shell') && !!document.querySelector('main h1');";
            browser.client.execute(started, vec![]).await.unwrap().as_bool().unwrap_or(false).then_some(())
        })
        .await;
}

/// Every view the early paint draws, in every language, on a phone's screen: the same header, text,
/// links (addresses, external ones opening in the whole window), language marks, title, and the view's
/// parts in the same place as the app then shows them, so nothing moves when the app takes over.
#[tokio::test]
async fn every_view_painted_early_is_what_the_app_then_shows_in_the_same_place() {
    let content = crate::bundled_content();
    let held_back = crate::serve();
    held_back.hang_up(&wasm_file());
    let with_app = crate::serve();
    let early = Browser::open("about:blank").await;
    let app = Browser::open("about:blank").await;
    phone_sized(&early).await;
    phone_sized(&app).await;
    let mut views = vec!["/".to_owned()];
    views.extend(content.sections.iter().map(|section| format!("/sections/{}", section.slug)));
    views.extend(content.news.iter().map(|item| format!("/news/{}", item.slug)));
    let mut compared = 0;
    for lang in Lang::ALL {
        for view in &views {
            let address = format!("#/{}{view}", lang.code());
            open(&early, &format!("{}{address}", held_back.url)).await;
            early.wait_for_all(PAINTED).await;
            let painted = seen(&early, true).await;
            open(&app, &format!("{}{address}", with_app.url)).await;
            app_started(&app).await;
            let shown = seen(&app, false).await;
            assert_eq!(painted, shown, "{address}: the early paint (left) differs from the app (right)");
            compared += 1;
        }
    }
    assert_eq!(compared, 3 * (1 + content.sections.len() + content.news.len()));
    early.close().await;
    app.close().await;
}

/// Only these addresses are painted early, read as Address::parse reads them; the others keep the
/// skeleton and its message in the reader's language until the app shows them.
#[tokio::test]
async fn the_early_paint_reads_addresses_as_the_app_does() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let content = crate::bundled_content();
    let browser = Browser::open("about:blank").await;
    // No language in the address: the browser's (Chromium headless says en-US), as the app decides.
    for (address, heading) in [
        ("", Some(content.site.title.text(Lang::En))),
        ("#//fi/", Some(content.site.title.text(Lang::Fi))),
        ("#/sv/sections/legislation", Some(content.section("legislation").unwrap().title.text(Lang::Sv))),
        ("#fi", None),
        ("#/en/news", None),
        ("#/fi/sections/no-such-section", None),
        ("#/en/sections/legislation?x=1", None),
    ] {
        open(&browser, &format!("{}{address}", server.url)).await;
        match heading {
            Some(heading) => {
                browser.wait_for_all(PAINTED).await;
                assert_eq!(browser.text_of("#shell h1").await.as_deref(), Some(heading), "{address}");
            }
            None => {
                wait_until_downloaded(&browser, "content.json").await;
                assert_eq!(browser.texts_of(PAINTED).await.len(), 0, "{address} was painted");
                assert_eq!(browser.texts_of("#shell .skeleton-card").await.len(), 6, "{address}");
            }
        }
    }
    // A news item without a language: the address is the app's (`Address::parse` has no language), but
    // the item is painted in the browser's, as the app shows it.
    let item = &content.news[0];
    open(&browser, &format!("{}#/news/{}", server.url, item.slug)).await;
    browser.wait_for_all(PAINTED).await;
    assert_eq!(browser.text_of("#shell h1").await.as_deref(), Some(item.title.text(Lang::En)));
    browser.close().await;
}

/// With the app held back, the shell speaks the reader's language on any address: the header, the
/// loading message, the page's title and its `lang`, in the app's own words.
#[tokio::test]
async fn the_shell_speaks_the_language_the_app_will_before_it_arrives() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let browser = Browser::open("about:blank").await;
    for lang in Lang::ALL {
        let texts = lang.texts();
        open(&browser, &format!("{}#/{}/news?q=kunta", server.url, lang.code())).await;
        browser
            .wait_for("the shell in the reader's language", || async {
                (browser.text_of("#shell .shell-status").await? == texts.loading).then_some(())
            })
            .await;
        let page_lang = browser.client.execute("return document.documentElement.lang", vec![]).await.unwrap();
        assert_eq!(page_lang, lang.code());
        assert_eq!(browser.title().await, texts.portal_name);
        assert_eq!(browser.text_of("#shell .site-name").await.as_deref(), Some(texts.portal_name));
        let nav = browser.texts_of("#shell .nav-list a").await;
        assert_eq!(nav, [texts.home, texts.news, texts.search]);
        let current = browser
            .client
            .execute("return document.querySelector('#shell [aria-current]').getAttribute('href')", vec![])
            .await
            .unwrap();
        assert_eq!(current, format!("#/{}/news?q=kunta", lang.code()));
    }
    browser.close().await;
}

/// Waits until the page's download of `file` has finished, and a little more for the scripts that
/// read it.
async fn wait_until_downloaded(browser: &Browser, file: &str) {
    browser
        .wait_for(&format!("{file} downloaded"), || async {
            let done = browser
                .client
                .execute(
                    "return performance.getEntriesByType('resource')
                         .some((r) => r.name.endsWith('/' + arguments[0]) && r.responseEnd > 0);",
                    vec![json!(file)],
                )
                .await
                .unwrap();
            done.as_bool().unwrap_or(false).then_some(())
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Markup in content.json is shown as text by the early paint too, and only http(s), mailto and the
/// portal's own `#/` addresses become links: anything else is plain text, as in the app.
#[tokio::test]
async fn the_early_paint_shows_markup_as_text_and_links_only_safe_addresses() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(crate::dist().join("content.json")).unwrap())
        .expect("the bundled content.json");
    let hostile = r#"<img src=x onerror="document.body.dataset.injected=1">Lainsäädäntö"#;
    let section = file["sections"].as_array_mut().unwrap().iter_mut().find(|s| s["slug"] == "legislation").unwrap();
    section["title"]["en"] = json!(hostile);
    section["body"]["en"] = json!([
        { "type": "heading", "text": "<script>document.body.dataset.injected=2</script>" },
        { "type": "paragraph", "text": "[one](javascript:alert(1)) [two](https://example.org/a) [three](mailto:a@example.org) [four](#/news) [five](data:text/html,x) [six](//example.org)" },
        { "type": "list", "items": ["<b>bold</b> [seven](#/fi/sections/legislation)"] }
    ]);
    server.replace("content.json", Some(file.to_string().as_bytes()));

    let browser = Browser::open(&format!("{}#/en/sections/legislation", server.url)).await;
    browser.wait_for_all(PAINTED).await;
    assert_eq!(browser.text_of("#shell h1").await.as_deref(), Some(hostile));
    assert_eq!(
        browser.text_of("#shell .body h2").await.as_deref(),
        Some("<script>document.body.dataset.injected=2</script>")
    );
    let links = browser
        .client
        .execute(
            "return Array.from(document.querySelectorAll('#shell .body a')).map((a) => [a.textContent, a.getAttribute('href')]);",
            vec![],
        )
        .await
        .unwrap();
    let outside = format!("two {}", Lang::En.texts().opens_outside);
    assert_eq!(
        links,
        json!([
            [outside, "https://example.org/a"],
            ["three", "mailto:a@example.org"],
            ["four", "#/en/news"],
            ["seven", "#/fi/sections/legislation"]
        ])
    );
    assert_eq!(browser.texts_of("#shell .body .unsafe-link").await, ["one", "five", "six"]);
    let injected = browser
        .client
        .execute(
            "return [document.querySelectorAll('#shell img, #shell script, #shell b').length, document.body.dataset.injected || null];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, json!([0, null]));
    browser.close().await;
}

/// Notes when the early paint's loading message first stood, and when the view was painted.
const NOTE_WHAT_STANDS: &str = r#"
    new MutationObserver(() => {
        const status = document.querySelector('#shell .shell-status');
        if (status && status.textContent !== 'Loading…' && window.portalMessageAt === undefined) {
            window.portalMessageAt = performance.now();
            window.portalMessage = status.textContent;
        }
        if (document.querySelector('#shell main h1[tabindex]') && window.portalPaintedAt === undefined) {
            window.portalPaintedAt = performance.now();
        }
    }).observe(document, { childList: true, subtree: true, characterData: true });
"#;

const WHAT_STOOD: &str = r#"
    return { message_at: window.portalMessageAt, message: window.portalMessage, painted_at: window.portalPaintedAt };
"#;

/// A file the early paint cannot use leaves the skeleton and its message: not JSON, not an object, a
/// part too large to paint early; one slow to arrive shows them until it is in. A file broken after the
/// view's part has the view painted, and then the app, from the same download, replaces it with the
/// problem named.
#[tokio::test]
async fn bad_content_leaves_the_skeleton_or_the_painted_view_to_the_app_which_names_the_problem() {
    let server = crate::serve();
    server.hang_up(&wasm_file());
    let text = std::fs::read_to_string(crate::dist().join("content.json")).unwrap();
    // A whole, valid section, but with a summary of 1.2 MB.
    let mut file: Value = serde_json::from_str(&text).unwrap();
    let mut long = file["sections"][0].clone();
    long["slug"] = json!("long");
    long["summary"]["en"] = json!("x".repeat(1_200_000));
    file["sections"].as_array_mut().unwrap().push(long);
    let huge = file.to_string();
    let browser = Browser::open("about:blank").await;
    for (what, body) in [
        ("not JSON", "{ \"format_version\": 1, \"site\": ".to_owned()),
        ("a list", format!("[{text}]")),
        ("a part of 1.2 MB", huge),
    ] {
        server.replace("content.json", Some(body.as_bytes()));
        open(&browser, &format!("{}#/en/", server.url)).await;
        wait_until_downloaded(&browser, "content.json").await;
        assert_eq!(browser.texts_of(PAINTED).await.len(), 0, "{what}: painted");
        assert_eq!(browser.texts_of("#shell .skeleton-card").await.len(), 6, "{what}: the skeleton");
        assert_eq!(browser.text_of("#shell .shell-status").await.as_deref(), Some(Lang::En.texts().loading));
    }

    browser.close().await;

    // Slow to arrive: the skeleton and its message stand until the file is in, then the view, whole.
    server.restore("content.json");
    server.slow_down("content.json", Duration::from_secs(2));
    let browser = Browser::open("about:blank").await;
    browser.before_each_page(NOTE_WHAT_STANDS).await;
    open(&browser, &format!("{}#/en/sections/legislation", server.url)).await;
    browser.wait_for_all(PAINTED).await;
    let noted = browser.client.execute(WHAT_STOOD, vec![]).await.unwrap();
    let waited = noted["painted_at"].as_f64().unwrap() - noted["message_at"].as_f64().unwrap();
    assert!(waited > 1500.0, "the message stood only {waited} ms before the view: {noted}");
    assert_eq!(noted["message"], Lang::En.texts().loading, "{noted}");

    // Cut in the middle of the news: the section, whole before the cut, is painted; then the app,
    // once its wasm arrives, says what is wrong with the file.
    let cut = &text[..text.find("\"news\"").unwrap() + 200];
    server.restore("content.json");
    server.replace("content.json", Some(cut.as_bytes()));
    server.restore(&wasm_file());
    server.slow_down(&wasm_file(), Duration::from_millis(1500));
    let browser = Browser::open(&format!("{}#/en/sections/legislation", server.url)).await;
    browser.wait_for_all(PAINTED).await;
    browser.wait_for_all(".load-error").await;
    let message = browser.text_of(".load-error").await.unwrap_or_default();
    assert!(message.contains("not valid JSON"), "{message}");
    assert_eq!(browser.texts_of("#shell").await.len(), 0, "the shell is gone");
    browser.close().await;
}

/// While the app is on its way, the links of the early paint work: another view is painted, one it
/// cannot paint shows the skeleton, and the app then starts on the view the reader is at, its heading
/// where the early paint had it.
#[tokio::test]
async fn links_followed_before_the_app_starts_work_and_the_app_takes_over_in_place() {
    let server = crate::serve();
    server.slow_down(&wasm_file(), Duration::from_secs(3));
    let content = crate::bundled_content();
    let item = content.news.iter().find(|item| !item.sections.is_empty()).expect("a news item with sections");
    let section = content.section(&item.sections[0]).unwrap();
    let browser = Browser::open(&format!("{}#/fi/news/{}", server.url, item.slug)).await;
    phone_sized(&browser).await;
    browser.wait_for_all(PAINTED).await;
    browser.click_link(section.title.text(Lang::Fi)).await;
    browser.wait_for_heading(section.title.text(Lang::Fi)).await;
    assert!(browser.url().await.ends_with(&format!("#/fi/sections/{}", section.slug)));
    let focused = browser.client.execute("return document.activeElement.tagName", vec![]).await.unwrap();
    assert_eq!(focused, "H1", "focus on the new view's heading, as the app does");
    let painted = seen(&browser, true).await;
    app_started(&browser).await;
    assert_eq!(browser.text_of("main h1").await.as_deref(), Some(section.title.text(Lang::Fi)));
    assert_eq!(seen(&browser, false).await, painted, "the view moved or changed when the app took over");
    browser
        .wait_for("focus moved from the early paint's heading to the app's", || async {
            let focused = "return document.activeElement.closest('main h1') !== null";
            browser.client.execute(focused, vec![]).await.unwrap().as_bool().unwrap_or(false).then_some(())
        })
        .await;
    browser.close().await;
}
