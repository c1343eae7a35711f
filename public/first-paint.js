// The home view's title, introduction and six sections, painted from content.json into the static shell
// while the app's wasm is still on its way: on a slow phone connection the content arrives a second or
// more before the code (BENCHMARKS.md, "Load"). On any address it also puts the shell's loading message,
// the page's title and language in the reader's language. The app replaces the whole shell when it starts.
//
// Deliberately small and cautious: it paints only on the home address, reads only what it needs, and
// writes text with textContent and links from slugs, so no markup from the file can reach the page.
// Anything unexpected (no settings, a failed fetch, a file of another shape) leaves the skeleton as it
// is: the app then loads the content itself and says clearly what is wrong.
//
// Its constants and words come from the Rust side (the block below); its logic follows Lang::choose,
// Localized::get, Address::parse and src/views/home.rs, and tests/e2e/load.rs checks that it shows what
// the app shows.

// Written from the Rust side by `cargo run --bin write-js-constants`; tests/js_constants.rs checks it.
const LANGUAGES = ["fi", "sv", "en"];
const LANGUAGE_KEY = "portal-language";
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// The page address of the editors' preview, which paints nothing of the deployed content.
const PREVIEW_QUERY = "?preview";
// The section list's heading, hidden but for screen readers (`sections`).
const SECTIONS_HEADING = { fi: "Aiheet", sv: "Ämnen", en: "Topics" };
// The shell's loading message and the page's title (`loading`, `portal_name`).
const SHELL_TEXTS = {
  fi: { name: "Kotoutumistyö viranomaisille", loading: "Ladataan sisältöä…" },
  sv: { name: "Integrationsarbete för myndigheter", loading: "Innehållet laddas…" },
  en: { name: "Integration work for authorities", loading: "Loading content…" },
};
// End of what the Rust side writes.

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

// An element, with a text from the file marked with the language it is in: another than the page's
// when the text is missing in the reader's language.
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

// Files larger than this are the app's alone to parse: doing it twice would cost a phone more than the
// early paint gains.
const READ_AT_MOST = 1024 * 1024;

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

// Downloads a file for the app and reads it as JSON too, if small enough. The app gets a response made
// from the same bytes rather than a clone: a clone's copy would wait until the app reads the original.
async function download(file) {
  const address = new URL(file, document.baseURI).href;
  // The same request as the preloads in index.html and the app's own, so one download serves all.
  const arriving = preloaded(address)
    .then(() => fetch(address, { credentials: "same-origin", cache: "no-cache" }))
    .then(async (response) => ({ response, body: await response.blob() }));
  const forApp = arriving.then(({ response, body }) => {
    const { status, statusText, headers } = response;
    return new Response(body, { status, statusText, headers });
  });
  // A failure is the app's to report; it is not an unhandled error of this script.
  forApp.catch(() => {});
  handedOver.set(address, forApp);
  const { response, body } = await arriving;
  return response.ok && body.size <= READ_AT_MOST ? JSON.parse(await body.text()) : null;
}

async function contentAddress() {
  const settings = await download("portal-config.json").catch(() => null);
  const configured = settings && typeof settings.content === "string" ? settings.content : "content.json";
  const address = new URL(configured, document.baseURI);
  return address.origin === location.origin ? address.href : null;
}

async function paintHome(lang) {
  // "", "#/", "#/sv", "#//sv/?x": the home view, as Address::parse reads it ("#sv" is not found);
  // anything else is the app's to show.
  const home = new RegExp(`^#?(?:/+(?:${LANGUAGES.join("|")})(?=[/?]|$))?/*(?:\\?.*)?$`, "i");
  const path = location.hash;
  if (!home.test(path) || /^#[^/?]/.test(path)) return;
  // The editors' preview shows the file chosen in editor.html, never the deployed content.
  if (location.search === PREVIEW_QUERY) return;

  const address = await contentAddress();
  const content = address && (await download(address).catch(() => null));
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
  grid.replaceWith(element("h2", "visually-hidden", { code: lang, text: SECTIONS_HEADING[lang] }), list);
}

// The shell's message, the page's title and language in the reader's language, on any address, until
// the app starts: index.html can only be written in one, and on a slow phone the shell stands for
// seconds. Not the name and heading: this runs after the first paint there, and a name that wraps
// differently would move the page; they keep their English, marked as such in index.html.
function speakTheReadersLanguage(lang) {
  const texts = SHELL_TEXTS[lang];
  const status = document.querySelector("#shell .shell-status");
  if (!status) return;
  document.documentElement.lang = lang;
  document.title = texts.name;
  status.textContent = texts.loading;
}

// The language the app will choose: the address's (its first segment, after the slashes that lead it, as
// Address::parse reads it), else the remembered or the browser's.
const readersLanguage = chooseLanguage(known((/^#\/+([^/?]*)/.exec(location.hash) || [])[1]));
speakTheReadersLanguage(readersLanguage);
paintHome(readersLanguage).catch(() => {
  // The skeleton stays; the app reports whatever went wrong.
});
