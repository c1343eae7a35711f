// The page every peer library runs in for scripts/bench-peers (styled by peer.css, the same for all): it reads the portal's content.json, gives
// each news item one text of its titles, summaries and bodies in all three languages (what the portal's
// news search covers), has the library index them (timed), and on each `input` shows the number of
// matches and the first 20 as cards, as the portal's news list does. The library's page defines
// `window.peerIndex(items)`, which returns `search(query)`: the matching items' positions, best first.
(async () => {
    const PAGE_SIZE = 20;
    const languages = ['fi', 'sv', 'en'];
    const inLanguage = (localized) => localized.en ?? localized.fi ?? localized.sv ?? '';
    const texts = (value) => typeof value === 'string' ? [value]
        : Array.isArray(value) ? value.flatMap(texts)
        : value && typeof value === 'object' ? Object.entries(value).filter(([key]) => key !== 'type').flatMap(([, v]) => texts(v))
        : [];
    const content = await (await fetch('content.json')).json();
    let items = content.news.map((item) => ({
        text: languages.map((lang) => [item.title[lang], item.summary[lang], ...texts(item.body[lang] ?? [])]
            .filter(Boolean).join(' ')).join(' '),
    }));
    const shown = content.news.map((item) => ({
        slug: item.slug, published: item.published, title: inLanguage(item.title), summary: inLanguage(item.summary),
    }));
    const start = performance.now();
    const search = window.peerIndex(items);
    window.peerIndexMs = performance.now() - start;
    items = null;

    document.body.insertAdjacentHTML('afterbegin', `<main><h1>New for authorities</h1>
        <label for="news-search">Search news</label><input type="search" id="news-search" autocomplete="off">
        <h2 id="result-count"></h2><ul id="news-list" class="news-list"></ul></main>`);
    const input = document.getElementById('news-search');
    const count = document.getElementById('result-count');
    const list = document.getElementById('news-list');
    const everything = shown.map((_, position) => position);
    const card = (item) => {
        const li = document.createElement('li');
        li.className = 'news-card';
        const heading = li.appendChild(document.createElement('h3'));
        const link = heading.appendChild(document.createElement('a'));
        link.href = `#/en/news/${item.slug}`;
        link.textContent = item.title;
        const meta = li.appendChild(document.createElement('p'));
        meta.className = 'meta';
        meta.appendChild(document.createElement('time')).textContent = item.published;
        li.appendChild(document.createElement('p')).textContent = item.summary;
        return li;
    };
    const show = () => {
        const query = input.value.trim();
        const found = query ? search(query) : everything;
        count.textContent = `${found.length} news items`;
        list.replaceChildren(...found.slice(0, PAGE_SIZE).map((position) => card(shown[position])));
    };
    input.addEventListener('input', show);
    show();
    window.peerReady = true;
})();
