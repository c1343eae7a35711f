// The Node part of scripts/relevance-pagefind: builds a Pagefind index of the static pages with Pagefind's
// Node API, then runs each suite query through the bundle's own browser search client (pagefind.js and
// its wasm), as a page in that query's language would, and scores recall@3.
//   node scripts/relevance-pagefind.mjs NPM_DIR PAGES_DIR BUNDLE_DIR SUITE_JSON
// NPM_DIR holds node_modules/pagefind; the bundle is written to BUNDLE_DIR, served to the client as
// /pagefind/ by a fetch that reads it from disk.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, pagesDir, bundleDir, suitePath] = process.argv.slice(2);
if (!suitePath) {
    console.error("usage: relevance-pagefind.mjs NPM_DIR PAGES_DIR BUNDLE_DIR SUITE_JSON");
    process.exit(2);
}
const BASE = "/pagefind/";
const TOP = 3;

// Index: Pagefind's defaults, as `npx pagefind --site PAGES_DIR` would use.
const pagefindModule = path.resolve(npmDir, "node_modules/pagefind/lib/index.js");
const indexer = await import(pathToFileURL(pagefindModule).href);
const { index, errors } = await indexer.createIndex();
if (!index) throw new Error(`createIndex: ${errors.join("; ")}`);
const added = await index.addDirectory({ path: path.resolve(pagesDir) });
if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join("; ")}`);
const written = await index.writeFiles({ outputPath: path.resolve(bundleDir) });
if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join("; ")}`);
await indexer.close();
const entry = JSON.parse(await readFile(path.join(bundleDir, "pagefind-entry.json"), "utf8"));
const languages = Object.entries(entry.languages).map(([lang, l]) => `${lang} ${l.page_count}`);
console.log(`pagefind ${entry.version}: indexed ${added.page_count} pages (${languages.join(", ")})`);

// The browser around the client: a fetch that serves the bundle from disk, and a document whose
// <html lang> is the query's language, which is how pagefind.js picks the index to load.
globalThis.fetch = async (input) => {
    const url = new URL(String(input), "http://localhost/");
    if (!url.pathname.startsWith(BASE)) return new Response(null, { status: 404 });
    const file = path.join(bundleDir, decodeURIComponent(url.pathname.slice(BASE.length)));
    try {
        return new Response(await readFile(file), { status: 200 });
    } catch {
        return new Response(null, { status: 404 });
    }
};
let pageLang = "unknown";
globalThis.document = {
    currentScript: null,
    querySelector: (selector) => (selector === "html" ? { getAttribute: (name) => (name === "lang" ? pageLang : null) } : null),
};

// One fresh copy of pagefind.js per language (the module keeps one search instance, fixed at init),
// used the way a site does: options({ basePath }), init(), search(query), result.data().
// pagefind.js is an ES module: say so to Node, which would otherwise look to the repo's package.json.
await writeFile(path.join(bundleDir, "package.json"), '{ "type": "module" }\n');
const clientUrl = pathToFileURL(path.resolve(bundleDir, "pagefind.js")).href;
const clients = new Map();
async function client(lang) {
    if (!clients.has(lang)) {
        if (!entry.languages[lang]) throw new Error(`no Pagefind index for language "${lang}"`);
        pageLang = lang;
        const pagefind = await import(`${clientUrl}?lang=${lang}`);
        await pagefind.options({ basePath: BASE });
        await pagefind.init();
        clients.set(lang, pagefind);
    }
    return clients.get(lang);
}

const suite = JSON.parse(await readFile(suitePath, "utf8"));
const runs = [];
for (const q of suite.queries) {
    const pagefind = await client(q.lang);
    const response = await pagefind.search(q.query);
    const top = await Promise.all(response.results.slice(0, TOP).map((r) => r.data()));
    for (const page of top) {
        if (!page.url.startsWith(`/${q.lang}/`)) throw new Error(`"${q.query}" (${q.lang}) found ${page.url}`);
    }
    const got = top.map((page) => page.meta.id ?? page.url);
    const hit = q.expect.some((id) => got.includes(id));
    runs.push({ ...q, got, total: response.results.length, hit });
}

const share = (list) => {
    const hits = list.filter((r) => r.hit).length;
    const percent = list.length ? ((100 * hits) / list.length).toFixed(0) : "-";
    return `${hits}/${list.length} (${percent} %)`;
};
const by = (key) => {
    const groups = new Map();
    for (const r of runs) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
    return [...groups].map(([name, list]) => `${name} ${share(list)}`).join(", ");
};
console.log(`suite: ${suitePath}, ${runs.length} queries`);
console.log(`recall@${TOP}: ${share(runs)}`);
console.log(`  by kind: ${by("kind")}`);
console.log(`  by language: ${by("lang")}`);
const missed = runs.filter((r) => !r.hit);
console.log(`missed (${missed.length}):`);
for (const r of missed) {
    const got = r.got.length ? r.got.join(", ") : "nothing";
    console.log(`  "${r.query}" (${r.lang}, ${r.kind}): expected ${r.expect.join(" | ")}; got ${got} (${r.total} results)`);
}
console.log(`pagefind recall@${TOP}: ${runs.filter((r) => r.hit).length}/${runs.length}`);
