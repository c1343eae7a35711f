// The portal's service worker: after one visit, the portal and its content open with no network.
//
// - The app shell (index.html and the hashed files it loads) is saved when the worker installs, in a
//   cache named after the build. A new deployment has a new build id, so browsers install its worker,
//   which saves the new shell and deletes the old cache; nobody has to clear anything.
// - The page itself is fetched from the network first; offline (or after a few seconds without an
//   answer) the saved index.html of this build answers.
// - portal-config.json and the content are fetched from the network first, and every good answer (or
//   a 404) is saved. Offline, or when the server fails (5xx) or is too slow, the saved copy answers,
//   with the header X-Portal-Cached-At saying when it was saved: the portal then shows "Showing
//   content saved on …".
//
// scripts/finish-build writes BUILD and SHELL when Trunk builds the folder; do not edit them by hand.
"use strict";

const BUILD = "__PORTAL_BUILD__";
const SHELL = ["__PORTAL_SHELL__"];
// Written from the Rust side by `cargo run --bin write-js-constants`; tests/js_constants.rs checks it.
const SETTINGS = "portal-config.json";
const DEFAULT_CONTENT = "content.json";
const CACHED_AT = "X-Portal-Cached-At";
// End of what the Rust side writes.
const PATIENCE_MS = 5000;

const scope = self.registration.scope;
// Several portals may share one site: each one's caches carry its own folder.
const prefix = `integration-portal ${scope} `;
const cacheName = prefix + BUILD;
const pageUrl = new URL("./", scope).href;
const assetUrls = new Set(SHELL.map((path) => new URL(path, scope).href).filter((url) => url !== pageUrl));

self.addEventListener("install", (event) => {
    event.waitUntil(
        (async () => {
            const cache = await caches.open(cacheName);
            // "no-cache": this build's files as the server has them now, not an older copy.
            await cache.addAll([pageUrl, ...assetUrls].map((url) => new Request(url, { cache: "no-cache" })));
            await saveSettingsAndContent();
            await self.skipWaiting();
        })(),
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            for (const name of await caches.keys()) {
                if (name.startsWith(prefix) && name !== cacheName) {
                    await caches.delete(name);
                }
            }
            await self.clients.claim();
        })(),
    );
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    // Only this site's files; the portal asks for nothing else.
    if (request.method !== "GET" || url.origin !== self.location.origin) {
        return;
    }
    if (assetUrls.has(url.href)) {
        event.respondWith(savedFirst(request));
    } else if (request.mode === "navigate") {
        if (isPortalPage(url)) {
            event.respondWith(networkFirst(request, () => caches.match(pageUrl, { cacheName })));
        }
    } else {
        event.respondWith(networkFirst(request, () => caches.match(request.url, { cacheName }), save));
    }
});

function isPortalPage(url) {
    const folder = new URL(scope).pathname;
    return url.pathname === folder || url.pathname === `${folder}index.html`;
}

// Hashed files never change: the saved copy, else the network.
async function savedFirst(request) {
    return (await caches.match(request.url)) || fetch(request);
}

// The network's answer, unless there is none, it is a server error, or it takes too long: then the
// saved copy, if there is one. A late answer is still saved for next time.
async function networkFirst(request, saved, keep) {
    const network = fetch(request).then(async (response) => {
        if (keep && worthKeeping(response)) {
            await keep(request.url, response.clone());
        }
        return response;
    });
    network.catch(() => {}); // a failure is handled below, or reaches the page
    const late = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS));
    try {
        const response = await Promise.race([network, late]);
        if (response && response.status < 500) {
            return response;
        }
    } catch (offline) {
        // No answer at all: the saved copy below.
    }
    return (await saved()) || network;
}

// A good answer, or "there is no such file": without portal-config.json the portal reads content.json,
// and must do so offline too.
function worthKeeping(response) {
    return response.ok || response.status === 404;
}

// Saves a copy that says when it was saved.
async function save(url, response) {
    const headers = new Headers(response.headers);
    headers.set(CACHED_AT, new Date().toISOString());
    const copy = new Response(await response.blob(), {
        status: response.status,
        statusText: response.statusText,
        headers,
    });
    const cache = await caches.open(cacheName);
    await cache.put(url, copy);
}

// At install, so that the first visit is enough to read offline. Best effort: a broken setting is the
// app's to report, and content that cannot be fetched now is saved on the next load.
async function saveSettingsAndContent() {
    try {
        const settingsUrl = new URL(SETTINGS, scope).href;
        const response = await fetch(settingsUrl, { cache: "no-cache" });
        if (!worthKeeping(response)) {
            return;
        }
        await save(settingsUrl, response.clone());
        const content = response.ok ? (await response.json()).content : DEFAULT_CONTENT;
        // The app accepts only content on its own site, and so does this.
        const contentUrl = typeof content === "string" ? new URL(content, scope) : null;
        if (!contentUrl || contentUrl.origin !== self.location.origin) {
            return;
        }
        const answer = await fetch(contentUrl.href, { cache: "no-cache" });
        if (answer.ok) {
            await save(contentUrl.href, answer);
        }
    } catch (error) {
        // Offline while installing, or settings that are not JSON.
    }
}
