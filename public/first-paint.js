// The home view's title, introduction and six sections, painted from content.json into the static shell
// while the app's wasm is still on its way: on a slow phone connection the content arrives a second or
// more before the code (BENCHMARKS.md, "Load"). The app replaces the whole shell when it starts.
//
// Deliberately small and cautious: it runs only on the home address, reads only what it needs, and
// writes text with textContent and links from slugs, so no markup from the file can reach the page.
// Anything unexpected (no settings, a failed fetch, a file of another shape) leaves the skeleton as it
// is: the app then loads the content itself and says clearly what is wrong. It reads the site and the
// sections as soon as they have arrived, so a file with thousands of news items after them paints as
// soon as a small one.
//
// It mirrors src/i18n.rs (Lang::choose, Localized::get) and src/views/home.rs; tests/e2e/load.rs checks
// that it shows what the app shows.

const LANGUAGES = ["fi", "sv", "en"];
const LANGUAGE_KEY = "portal-language";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function known(code) {
  const lower = String(code || "").toLowerCase();
  return LANGUAGES.includes(lower) ? lower : null;
}

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

// The text in `lang`, else in the first language that has it; null if it is not a localized text.
function localized(texts, lang) {
  if (!texts || typeof texts !== "object") return null;
  for (const code of [lang, ...LANGUAGES]) {
    if (typeof texts[code] === "string" && texts[code].trim()) return { code, text: texts[code] };
  }
  return null;
}

// An element, with a text from the file marked with the language it is in (the shell's is English).
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) {
    node.textContent = text.text;
    node.lang = text.code;
  }
  return node;
}

// The app takes these downloads over (src/load.rs, by absolute address), so each file travels once.
const handedOver = new Map();
window.portalDownloads = handedOver;

// Resolves once index.html's preload of `address`, if it has one, has finished. The fetch is made only
// then: made while the preload was still under way, it failed in Chromium on a throttled connection;
// made after, it is answered from the preload.
function preloaded(address) {
  const link = Array.from(document.querySelectorAll('link[rel="preload"]')).find((l) => l.href === address);
  // A finished download has its timing entry; events are tasks, so none is missed between here and below.
  if (!link || performance.getEntriesByName(address).length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}

// Finds the top-level members `wanted` of a JSON object as their text arrives, without parsing the rest:
// the site and the sections come long before the end of a file with thousands of news items. Only
// objects and arrays are collected; keys are compared as written. Characters are compared by code:
// Trunk's minifier rewrote a backslash literal wrongly (and dropped a getter's `get`), which the
// end-to-end tests caught.
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPENERS = [123, 91]; // { [
const CLOSERS = [125, 93]; // } ]

class MemberScanner {
  constructor(wanted) {
    this.wanted = wanted;
    this.found = {};
    this.text = "";
    this.at = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.expectingKey = false;
    this.keyStart = -1;
    this.key = null;
    this.valueStart = -1;
  }

  isComplete() {
    return this.wanted.every((key) => key in this.found);
  }

  // Reads more of the file; true once every wanted member is complete.
  feed(more) {
    this.text += more;
    const text = this.text;
    for (; this.at < text.length && !this.isComplete(); this.at++) {
      const c = text.charCodeAt(this.at);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.depth === 1 && this.expectingKey) this.key = text.slice(this.keyStart + 1, this.at);
        }
      } else if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectingKey) this.keyStart = this.at;
      } else if (OPENERS.includes(c)) {
        if (this.depth === 1 && !this.expectingKey && this.valueStart < 0) this.valueStart = this.at;
        this.depth += 1;
        if (this.depth === 1) this.expectingKey = true;
      } else if (CLOSERS.includes(c)) {
        this.depth -= 1;
        if (this.depth === 1 && this.valueStart >= 0) {
          if (this.wanted.includes(this.key)) this.found[this.key] = text.slice(this.valueStart, this.at + 1);
          this.valueStart = -1;
        }
      } else if (this.depth === 1 && c === COLON) {
        this.expectingKey = false;
      } else if (this.depth === 1 && c === COMMA) {
        this.expectingKey = true;
      }
    }
    return this.isComplete();
  }
}

// Downloads a file for the app and reads from it, as it arrives, the top-level members `wanted`, or with
// `wanted` null the whole file if it is small (the settings). The app gets a response made from the same
// bytes rather than a clone: a clone's copy would wait until the app reads the original. Resolves with
// what was read, parsed, or null.
async function download(file, wanted) {
  const address = new URL(file, document.baseURI).href;
  let bodyRead;
  const body = new Promise((resolve, reject) => {
    bodyRead = { resolve, reject };
  });
  // The same request as the preloads in index.html and the app's own, so one download serves all.
  const response = preloaded(address).then(() => fetch(address, { credentials: "same-origin", cache: "no-cache" }));
  const forApp = Promise.all([response, body]).then(
    ([{ status, statusText, headers }, bytes]) => new Response(bytes, { status, statusText, headers }),
  );
  // A failure is the app's to report; it is not an unhandled error of this script.
  forApp.catch(() => {});
  handedOver.set(address, forApp);

  let arrived;
  try {
    arrived = await response;
  } catch (error) {
    bodyRead.reject(error);
    return null;
  }
  const scanner = wanted && new MemberScanner(wanted);
  const decoder = new TextDecoder();
  const chunks = [];
  let text = "";
  let members = null;
  let gaveUp = false;
  try {
    const reader = arrived.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (!arrived.ok || members || gaveUp) continue;
      const more = decoder.decode(value, { stream: true });
      if (scanner && scanner.feed(more)) {
        members = scanner.found;
        scanner.text = ""; // The rest of the file is the app's alone.
      } else if (scanner && scanner.text.length > SCAN_AT_MOST) {
        // The members are not near the start (the news come first): not worth holding the text for.
        gaveUp = true;
        scanner.text = "";
      } else if (!scanner && text.length < SMALL_FILE) {
        text += more;
      }
    }
    bodyRead.resolve(new Blob(chunks));
  } catch (error) {
    bodyRead.reject(error);
    return null;
  }
  if (!arrived.ok) return null;
  if (!scanner) return text.length < SMALL_FILE ? JSON.parse(text + decoder.decode()) : null;
  if (!members) return null;
  return Object.fromEntries(wanted.map((key) => [key, JSON.parse(members[key])]));
}

// A settings file larger than this is not read here (the app says what is wrong with it).
const SMALL_FILE = 64 * 1024;
// How much of content.json is searched for the site and the sections before giving up.
const SCAN_AT_MOST = 2 * 1024 * 1024;

async function contentAddress() {
  const settings = await download("portal-config.json", null).catch(() => null);
  const configured = settings && typeof settings.content === "string" ? settings.content : "content.json";
  const address = new URL(configured, document.baseURI);
  return address.origin === location.origin ? address.href : null;
}

async function paintHome() {
  // "", "#/", "#/sv", "#/sv/": the home view; anything else is the app's to show.
  const path = location.hash.replace(/^#\/?/, "").replace(/\/$/, "");
  if (path !== "" && !known(path)) return;
  const lang = chooseLanguage(known(path));

  const address = await contentAddress();
  const content = address && (await download(address, ["site", "sections"]).catch(() => null));
  const site = content && content.site;
  const sections = content && content.sections;
  if (!site || !Array.isArray(sections) || sections.length === 0 || sections.length > 50) return;
  const cards = sections.map((section) => {
    const title = localized(section && section.title, lang);
    const summary = localized(section && section.summary, lang);
    return title && summary && typeof section.slug === "string" && SLUG.test(section.slug)
      ? { slug: section.slug, title, summary }
      : null;
  });
  const title = localized(site.title, lang);
  const introduction = localized(site.introduction, lang);
  const shell = document.getElementById("shell");
  if (!shell || !title || !introduction || cards.includes(null)) return;

  const heading = shell.querySelector("h1");
  const lead = shell.querySelector(".skeleton-lead");
  const grid = shell.querySelector(".skeleton-grid");
  if (!heading || !lead || !grid) return;
  heading.textContent = title.text;
  heading.lang = title.code;
  lead.replaceWith(element("p", "lead", introduction));
  const list = element("ul", "section-grid");
  for (const card of cards) {
    const item = element("li", "section-card");
    const cardHeading = element("h3");
    const link = element("a", null, card.title);
    link.href = `#/${lang}/sections/${card.slug}`;
    cardHeading.append(link);
    item.append(cardHeading, element("p", null, card.summary));
    list.append(item);
  }
  grid.replaceWith(list);
}

paintHome().catch(() => {
  // The skeleton stays; the app reports whatever went wrong.
});
