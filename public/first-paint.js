// The early paint: while the app's wasm is still on its way, it paints the view a shared link points to
// (the home view, a section or a news item) from content.json as soon as that view's part of the file
// has arrived, with the app's header in the reader's language. On a slow phone connection the content
// arrives a second or more before the code, and a long news archive seconds after the part a view needs
// (BENCHMARKS.md, "Load"). The app takes the page over, in the same layout, once it has the whole file.
//
// Deliberately small and cautious: it writes text with textContent and links only to http(s), mailto
// and the portal's own `#/` addresses, so no markup from the file can reach the page. It paints a view
// whole or not at all. Anything unexpected (no settings, a failed fetch, a file of another shape) leaves
// the skeleton as it is: the app then says clearly what is wrong.
//
// Its constants and words come from the Rust side (the block below); its logic follows Lang::choose,
// Localized::get, RichText::parse, LinkTarget::of, Address::parse and the views in src/views/, and
// tests/e2e/early_paint.rs checks that every view it paints shows what the app then shows.

// Written from the Rust side by `cargo run --bin write-js-constants`; tests/js_constants.rs checks it.
const LANGUAGES = ["fi", "sv", "en"];
const LANGUAGE_KEY = "portal-language";
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// The page address of the editors' preview, which paints nothing of the deployed content.
const PREVIEW_QUERY = "?preview";
// The app's words that the early paint shows, named as in `Texts`.
const WORDS = {
  fi: { portal_name: "Kotoutumistyö viranomaisille", loading: "Ladataan sisältöä…", skip_to_content: "Siirry sisältöön", main_navigation: "Päävalikko", home: "Etusivu", news: "Uutiset", search: "Haku", language: "Kieli", for_whom: "Kenelle", sections: "Aiheet", updated: "Päivitetty", related_links: "Lisätietoa", opens_outside: "(avautuu portaalin ulkopuolelle)", not_in_language: "Tätä tekstiä ei ole suomeksi; se näytetään kielellä, jolla se on saatavilla.", back_to_news: "Takaisin uutisiin", published: "Julkaistu", news_item: "Uutinen", press_release: "Tiedote", related_sections: "Liittyvät aiheet", source: "Lähde" },
  sv: { portal_name: "Integrationsarbete för myndigheter", loading: "Innehållet laddas…", skip_to_content: "Hoppa till innehållet", main_navigation: "Huvudmeny", home: "Startsida", news: "Nyheter", search: "Sök", language: "Språk", for_whom: "För vem", sections: "Ämnen", updated: "Uppdaterad", related_links: "Mer information", opens_outside: "(öppnas utanför portalen)", not_in_language: "Den här texten finns inte på svenska; den visas på det språk den finns på.", back_to_news: "Tillbaka till nyheterna", published: "Publicerad", news_item: "Nyhet", press_release: "Pressmeddelande", related_sections: "Relaterade ämnen", source: "Källa" },
  en: { portal_name: "Integration work for authorities", loading: "Loading content…", skip_to_content: "Skip to content", main_navigation: "Main navigation", home: "Home", news: "News", search: "Search", language: "Language", for_whom: "For whom", sections: "Topics", updated: "Updated", related_links: "More information", opens_outside: "(opens outside the portal)", not_in_language: "This text is not available in English; it is shown in the language it has.", back_to_news: "Back to news", published: "Published", news_item: "News item", press_release: "Press release", related_sections: "Related topics", source: "Source" },
};
// End of what the Rust side writes.

const known = (code) => {
  const lower = String(code || "").toLowerCase();
  return LANGUAGES.includes(lower) ? lower : null;
};

// The address's own language, then the reader's earlier choice, then the browser's languages, else Finnish.
function chooseLanguage(fromAddress) {
  let remembered = null;
  try {
    remembered = known(localStorage.getItem(LANGUAGE_KEY));
  } catch {
    // Storage can be refused (private windows, policies); the app copes the same way.
  }
  const browser = (navigator.languages || []).map((tag) => known(tag.split(/[-_]/)[0])).find(Boolean);
  return fromAddress || remembered || browser || "fi";
}

// The view an address shows, as Address::parse reads it, if it is one the early paint can paint:
// { named: its language or null, view: "home" | "section" | "news", slug, rest: the path after the
// language, query }, with `view` null for any other address.
function route(hash) {
  const [path, query] = hash.replace(/^#/, "").split(/\?(.*)/s);
  const segments = path.split("/").filter(Boolean);
  const named = known(segments[0]);
  const rest = named ? segments.slice(1) : segments;
  // "#fi" is not an address to the app (not found); a query belongs to the list views.
  if (path && !path.startsWith("/")) return { named, view: null, rest, query };
  if (rest.length === 0) return { named, view: "home", rest, query };
  const slug = rest.length === 2 && query === undefined && SLUG.test(rest[1]) ? rest[1] : null;
  const view = slug && { sections: "section", news: "news" }[rest[0]];
  return { named, view: view || null, slug, rest, query };
}

// Gives up painting: the part read is not what the app would show.
function fail() {
  throw new Error("not content the early paint can show");
}

// The value in `lang`, else in the first language that has it, with the language it is in.
function localized(values, lang, isValue = (v) => typeof v === "string" && v.trim() !== "") {
  if (!values || typeof values !== "object") fail();
  for (const code of [lang, ...LANGUAGES]) {
    if (isValue(values[code])) return { code, value: values[code] };
  }
  fail();
}

// An element with attributes (null ones left out) and children (strings become text, null is skipped).
function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

// `Text`: a localized text in a span, marked with its language when it had to fall back.
function text(values, lang) {
  const found = localized(values, lang);
  return h("span", { lang: found.code === lang ? null : found.code }, found.value);
}

// `RichText::parse`: plain runs and `[link text](address)` links; other brackets stay as they are.
function inlines(source) {
  if (typeof source !== "string") fail();
  const parts = [];
  let plain = "";
  let rest = source;
  for (let open = rest.indexOf("["); open >= 0; open = rest.indexOf("[")) {
    const after = rest.slice(open + 1);
    const close = after.indexOf("](");
    const tail = close >= 0 ? after.slice(close + 2) : "";
    const end = close >= 0 ? tail.indexOf(")") : -1;
    const [words, href] = [after.slice(0, close), tail.slice(0, end)];
    if (end >= 0 && words && !words.includes("[") && href && !/\s/.test(href)) {
      if (plain + rest.slice(0, open)) parts.push(plain + rest.slice(0, open));
      parts.push({ words, href });
      plain = "";
      rest = tail.slice(end + 1);
    } else {
      plain += rest.slice(0, open + 1);
      rest = after;
    }
  }
  if (plain + rest) parts.push(plain + rest);
  return parts;
}

// `LinkTarget::of` and `SafeLink`: a link to a view of the portal in the page's language, an e-mail
// address, an external page (said so, and opened in the whole window), or plain text for anything else.
function safeLink(href, lang, ...children) {
  if (typeof href !== "string") fail();
  const lower = href.toLowerCase();
  const hasHost = (scheme) => lower.startsWith(scheme) && lower.length > scheme.length && lower[scheme.length] !== "/";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]|\s/.test(href)) return h("span", { class: "unsafe-link" }, children);
  if (hasHost("https://") || hasHost("http://")) {
    const outside = h("span", { class: "visually-hidden" }, ` ${WORDS[lang].opens_outside}`);
    return h("a", { href, rel: "noopener noreferrer", target: "_top", class: "external" }, children, outside);
  }
  if (lower.startsWith("mailto:") && lower.slice(7).includes("@")) return h("a", { href }, children);
  if (!lower.startsWith("#/")) return h("span", { class: "unsafe-link" }, children);
  // `Address::link_in`: an address without a language gets the page's.
  const { named, view, rest, query } = route(href);
  const list = rest.length === 1 && ["news", "search", "accessibility"].includes(rest[0]) && query === undefined;
  const inApp = !named && (view || list);
  return h("a", { href: inApp ? `#/${lang}/${rest.join("/")}` : href }, children);
}

function richText(source, lang) {
  return inlines(source).map((part) => (typeof part === "string" ? part : safeLink(part.href, lang, part.words)));
}

// `Body`: headings, paragraphs and lists, with a notice when they are not in the reader's language.
function body(values, lang) {
  const found = localized(values, lang, Array.isArray);
  const blocks = found.value.map((block) => {
    if (block && block.type === "heading" && typeof block.text === "string") return h("h2", null, block.text);
    if (block && block.type === "paragraph") return h("p", null, richText(block.text, lang));
    if (block && block.type === "list" && Array.isArray(block.items)) {
      return h("ul", null, block.items.map((item) => h("li", null, richText(item, lang))));
    }
    fail();
  });
  const notice = found.code !== lang && h("p", { class: "notice" }, WORDS[lang].not_in_language);
  return h("div", { class: "body", lang: found.code === lang ? null : found.code }, notice, blocks);
}

// `Date::written_in`: 18.12.2024 in all three languages.
function date(iso) {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) || [];
  if (!year) fail();
  return h("time", { datetime: iso }, `${Number(day)}.${Number(month)}.${year}`);
}

// A list of links under its own heading, as the section's and the news item's pages end.
function linkList(id, heading, links) {
  if (links.length === 0) return null;
  const items = links.map((link) => h("li", null, link));
  return h("section", { "aria-labelledby": id }, h("h2", { id }, heading), h("ul", { class: "link-list" }, items));
}

function homeView({ site, sections }, lang) {
  const words = WORDS[lang];
  const audiences = (site.audiences || []).map((audience, i) => [i > 0 ? ", " : null, text(audience.name, lang)]);
  const cards = sections.map((section) => {
    if (!SLUG.test(section.slug)) fail();
    const link = h("a", { href: `#/${lang}/sections/${section.slug}` }, text(section.title, lang));
    return h("li", { class: "section-card" }, h("h3", null, link), h("p", null, text(section.summary, lang)));
  });
  return h(
    "div",
    { class: "wrap home" },
    h("h1", { tabindex: "-1" }, text(site.title, lang)),
    h("p", { class: "lead" }, text(site.introduction, lang)),
    h("p", { class: "audiences" }, h("span", { class: "label" }, `${words.for_whom}: `), audiences),
    h(
      "section",
      { "aria-labelledby": "sections-heading" },
      h("h2", { id: "sections-heading", class: "visually-hidden" }, words.sections),
      h("ul", { class: "section-grid" }, cards),
    ),
  );
}

// The section's own part; its latest news follow when the app has the whole archive.
function sectionView(section, lang) {
  const words = WORDS[lang];
  const links = (section.links || []).map((link) => safeLink(link.href, lang, text(link.title, lang)));
  return h(
    "article",
    { class: "wrap section-page" },
    h("h1", { tabindex: "-1" }, text(section.title, lang)),
    h("p", { class: "lead" }, text(section.summary, lang)),
    h("p", { class: "meta" }, `${words.updated} `, date(section.updated)),
    body(section.body, lang),
    linkList("links-heading", words.related_links, links),
  );
}

function newsView(item, sections, lang) {
  const words = WORDS[lang];
  const back = () => h("p", { class: "back" }, h("a", { href: `#/${lang}/news` }, words.back_to_news));
  const kind = { "news-item": words.news_item, "press-release": words.press_release }[item.type];
  const related = (item.sections || [])
    .map((slug) => sections.find((section) => section.slug === slug))
    .filter(Boolean)
    .map((section) => h("a", { href: `#/${lang}/sections/${section.slug}` }, text(section.title, lang)));
  if (!kind) fail();
  return h(
    "article",
    { class: "wrap news-item-page" },
    back(),
    h("h1", { tabindex: "-1" }, text(item.title, lang)),
    h(
      "p",
      { class: "meta" },
      `${words.published} `,
      date(item.published),
      h("span", { "aria-hidden": "true" }, " | "),
      h("span", { class: "news-type" }, kind),
    ),
    h("p", { class: "lead" }, text(item.summary, lang)),
    body(item.body, lang),
    linkList("related-sections-heading", words.related_sections, related),
    h("p", { class: "source" }, `${words.source}: `, safeLink(item.source, lang, item.source)),
    back(),
  );
}

// `Header`: the site's name, the main navigation and the language switcher, as the app draws them:
// index.html's, in the reader's language and leading to the views in it.
function header(place, [skip, top]) {
  const { lang, rest, query } = place;
  const words = WORDS[lang];
  const texts = [words.skip_to_content, words.portal_name, words.home, words.news, words.search];
  const views = ["#main", "", "", "news", "search"];
  [skip, ...top.querySelectorAll("a")].forEach((link, i) => {
    const code = LANGUAGES[i - views.length];
    if (code) {
      link.setAttribute("href", `#/${code}/${rest.join("/")}${query === undefined ? "" : `?${query}`}`);
      if (code === lang) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
      link.addEventListener("click", () => {
        try {
          localStorage.setItem(LANGUAGE_KEY, code);
        } catch {
          // As in the app: a refused storage only forgets the choice.
        }
      });
    } else {
      link.textContent = texts[i];
      link.setAttribute("href", i ? `#/${lang}/${views[i]}` : views[i]);
    }
  });
  top.querySelectorAll("nav").forEach((nav, i) => nav.setAttribute("aria-label", [words.main_navigation, words.language][i]));
  skip.addEventListener("click", (event) => {
    // `#main` would be read as a portal address.
    event.preventDefault();
    document.getElementById("main").focus();
  });
  return [skip, top];
}

// What has arrived of the content: the site, the sections, and the news items asked for so far.
const arrived = { site: null, sections: null, news: new Map() };
let wanted = null;

// The view for the address, whole, or null while its part has not arrived or cannot be read.
function view(place) {
  const { site, sections } = arrived;
  if (!site || !sections) return null;
  const title = (name) => `${name} – ${localized(site.title, place.lang).value}`;
  if (place.view === "home") return [homeView(arrived, place.lang), localized(site.title, place.lang).value];
  if (place.view === "section") {
    const section = sections.find((s) => s.slug === place.slug);
    return section && [sectionView(section, place.lang), title(localized(section.title, place.lang).value)];
  }
  const item = place.view === "news" && arrived.news.get(place.slug);
  return item ? [newsView(item, sections, place.lang), title(localized(item.title, place.lang).value)] : null;
}

const shell = document.getElementById("shell");
// index.html's skip link, header and main, each drawn afresh for a view.
const parts = shell && Array.from(shell.children, (part) => part.cloneNode(true));
// The address whose header and skeleton are drawn, and the one whose view is painted.
let drawn = null;
let painted = null;

// Paints the view of the current address if its part has arrived, else shows the skeleton. Called at
// the start, when a part arrives and when a link is followed (`moved`); nothing once the app has
// replaced the shell.
function paint(moved) {
  if (!shell || !shell.isConnected) return;
  const address = location.hash;
  const parsed = route(address);
  const place = { ...parsed, lang: chooseLanguage(parsed.named) };
  wanted = place.view === "news" ? place.slug : null;
  if (moved || drawn !== address) {
    document.documentElement.lang = place.lang;
    document.title = WORDS[place.lang].portal_name;
    const [skip, top, skeleton] = parts.map((part) => part.cloneNode(true));
    shell.replaceChildren(...header(place, [skip, top]), skeleton);
    const status = shell.querySelector(".shell-status");
    if (status) status.textContent = WORDS[place.lang].loading;
    [drawn, painted] = [address, null];
  }
  if (painted === address) return;
  let shown = null;
  try {
    shown = view(place);
  } catch {
    // A part of another shape: the skeleton stays, and the app names the problem.
  }
  if (!shown) return;
  const main = shell.querySelector("main");
  main.removeAttribute("aria-busy");
  main.replaceChildren(shown[0]);
  document.title = shown[1];
  painted = address;
  if (moved) {
    window.scrollTo(0, 0);
    main.querySelector("h1").focus();
  }
}

// Reads a JSON text as it arrives without parsing all of it: each member of the top-level object is
// handed over when it is whole, except "news", whose items are handed over one by one. Strings are
// skipped whole, so brackets in texts are not counted. A part larger than `limit` is given up.
// Returns the function that takes each piece of text.
function scanner(onMember, onItem, limit) {
  let [text, at, depth, key, expectKey, start, itemStart] = ["", 0, 0, null, false, 0, 0];
  return (piece) => {
    text += piece;
    if (depth === 0 && /^\uFEFF?\s*[^{\s\uFEFF]/.test(text)) fail();
    let i = at;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        const end = stringEnd(text, i);
        if (end < 0) break;
        if (depth === 1 && expectKey) key = JSON.parse(text.slice(i, end + 1));
        i = end;
      } else if (c === 123 || c === 91) {
        depth += 1;
        if (depth === 1) expectKey = true;
        if (depth === 2) start = i;
        if (depth === 3 && key === "news") itemStart = i;
      } else if (c === 125 || c === 93) {
        depth -= 1;
        if (depth <= 2 && i - Math.max(start, itemStart) > limit) fail();
        if (depth === 1 && key !== "news") onMember(key, text.slice(start, i + 1));
        if (depth === 2 && key === "news") onItem(text.slice(itemStart, i + 1));
      } else if (depth === 1 && (c === 58 || c === 44)) {
        expectKey = c === 44;
      }
    }
    // Only the unfinished part is kept.
    const keep = Math.min(i, depth >= 2 && key !== "news" ? start : depth >= 3 ? itemStart : i);
    if (i - keep > limit) fail();
    text = text.slice(keep);
    [at, start, itemStart] = [i - keep, start - keep, itemStart - keep];
  };
}

// The position of the quote that ends the string opening at `open`, or -1 if it has not arrived.
function stringEnd(text, open) {
  for (let end = text.indexOf('"', open + 1); end >= 0; end = text.indexOf('"', end + 1)) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 92) slashes += 1;
    if (slashes % 2 === 0) return end;
  }
  return -1;
}

// The app takes these downloads over (src/browser/load.rs, by absolute address), so each file travels once.
const handedOver = new Map();
window.portalDownloads = handedOver;

// A part of the file larger than this is the app's alone to read.
const PART_AT_MOST = 1024 * 1024;

// Downloads a file for the app, handing each piece to `read` as it arrives. The app gets the other
// branch of the same stream, not a copy made at the end (a Blob of a large file is one long task).
// `read` may throw: the app still gets the whole file.
async function download(file, read) {
  const address = new URL(file, document.baseURI).href;
  let finish;
  handedOver.set(address, new Promise((resolve, reject) => (finish = { resolve, reject })));
  try {
    // The same request as the preloads in index.html and the app's own, so one download serves all:
    // Chromium hands this fetch the preload's response, as it arrives.
    const response = await fetch(address, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok || !response.body) {
      finish.resolve(response);
      return false;
    }
    const { status, statusText, headers } = response;
    const [mine, theirs] = response.body.tee();
    finish.resolve(new Response(theirs, { status, statusText, headers }));
    const reader = mine.getReader();
    const decoder = new TextDecoder();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
      try {
        read(decoder.decode(piece.value, { stream: true }));
      } catch {
        reader.cancel();
        return false;
      }
    }
    return true;
  } catch (error) {
    // A failure is the app's to report; it is not an unhandled error of this script.
    finish.reject(error);
    handedOver.get(address).catch(() => {});
    return false;
  }
}

async function contentAddress() {
  let text = "";
  const ok = await download("portal-config.json", (piece) => (text += piece));
  const settings = ok ? JSON.parse(text) : null;
  const configured = settings && typeof settings.content === "string" ? settings.content : "content.json";
  const address = new URL(configured, document.baseURI);
  return address.origin === location.origin ? address.href : null;
}

function arrive(key, raw) {
  if (key === "site" || key === "sections") {
    arrived[key] = JSON.parse(raw);
    paint(false);
  }
}

function arriveItem(raw) {
  // Only the item asked for is parsed; the app reads them all.
  if (wanted && raw.includes(`"${wanted}"`)) {
    const item = JSON.parse(raw);
    if (item && item.slug === wanted) {
      arrived.news.set(item.slug, item);
      paint(false);
    }
  }
}

async function start() {
  paint(false);
  window.addEventListener("hashchange", () => paint(true));
  // The editors' preview shows the file chosen in editor.html, never the deployed content.
  if (!shell || location.search === PREVIEW_QUERY) return;
  const address = await contentAddress();
  if (!address) return;
  await download(address, scanner(arrive, arriveItem, PART_AT_MOST));
}

start().catch(() => {
  // The skeleton stays; the app reports whatever went wrong.
});
