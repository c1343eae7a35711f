//! Every interface string in Swedish.

use super::Texts;

pub const SV: Texts = Texts {
    portal_name: "Integrationsarbete för myndigheter",
    skip_to_content: "Hoppa till innehållet",
    main_navigation: "Huvudmeny",
    home: "Startsida",
    sections: "Ämnen",
    news: "Nyheter",
    latest_news: "Nytt för myndigheter",
    all_news: "Alla nyheter",
    for_whom: "För vem",
    loading: "Innehållet laddas…",
    updated: "Uppdaterad",
    published: "Publicerad",
    related_links: "Mer information",
    related_news: "Nyheter om ämnet",
    related_sections: "Relaterade ämnen",
    source: "Källa",
    back_to_news: "Tillbaka till nyheterna",
    news_item: "Nyhet",
    press_release: "Pressmeddelande",
    not_found_title: "Sidan hittades inte",
    not_found_body: "Det finns ingen sida med den här adressen. Den kan vara föråldrad eller felskriven.",
    not_found_address: "Begärd adress",
    go_home: "Gå till startsidan",
    fetch_failed_title: "Innehållet kunde inte laddas",
    content_broken_title: "Innehållsfilen innehåller ett fel",
    content_broken_body: "Portalen kan inte visa innehållet förrän filen content.json har rättats. För administratören:",
    content_problems_body: "Portalen visar allt annat. Dessa punkter har utelämnats eller rättats tills content.json har rättats:",
    retry: "Försök igen",
    not_in_language: "Den här texten finns inte på svenska; den visas på det språk den finns på.",
    footer_about: "Information om integrationsarbete i Finland för yrkesverksamma inom sysselsättningstjänster, kommuner och social- och hälsovården.",
    opens_outside: "(öppnas utanför portalen)",
    facet_type: "Typ",
    facet_topic: "Ämne",
    facet_audience: "Målgrupp",
    facet_section: "Avsnitt",
    date_from: "Från",
    date_to: "Till",
    date_range: "Publiceringstid",
    any_year: "Alla år",
    sort_by: "Ordning",
    sort_newest: "Nyaste först",
    sort_oldest: "Äldsta först",
    sort_relevance: "Mest relevanta först",
    search_news: "Sök i nyheterna",
    search_site: "Sök i portalen",
    search: "Sök",
    filters: "Filtrera",
    show_filters: "Visa filter",
    hide_filters: "Dölj filter",
    active_filters: "Valda filter",
    remove_filter: "Ta bort filtret",
    clear_all: "Rensa alla",
    no_results_for: "Inget motsvarade sökningen",
    did_you_mean: "Menade du",
    remove_filters_keep_words: "Ta bort filtren och behåll sökorden",
    search_whole_portal: "Sök i hela portalen",
    clear_search: "Rensa sökningen",
    previous_page: "Föregående sida",
    next_page: "Nästa sida",
    pagination: "Sidnumrering",
    section_result: "Ämnessida",
    search_hint: "Skriv ett sökord: sökningen går igenom ämnen och nyheter.",
    accessibility: "Tillgänglighetsutlåtande",
    language: "Språk",
    saved_notice: "Visar innehåll som sparades {date} kl. {time}: du är offline eller så svarade servern inte.",
    preview_notice: "Förhandsgranskning av {file}, vald på sidan för granskning av innehållet. Filen är inte publicerad: tjänstemännen ser det nuvarande innehållet tills filen kopieras till servern.",
    settings_broken_title: "Portalens inställningar innehåller ett fel",
    settings_broken_body: "Portalen laddar inget innehåll förrän inställningen i filen portal-config.json har rättats. För administratören:",
    news_count,
    result_count,
    content_problem_count,
    page_of,
    time_separator: '.',
};

fn news_count(count: usize) -> String {
    match count {
        1 => "1 nyhet".to_owned(),
        n => format!("{n} nyheter"),
    }
}

fn result_count(count: usize) -> String {
    match count {
        1 => "1 träff".to_owned(),
        n => format!("{n} träffar"),
    }
}

fn content_problem_count(count: usize) -> String {
    match count {
        1 => "content.json: 1 problem för administratören".to_owned(),
        n => format!("content.json: {n} problem för administratören"),
    }
}

fn page_of(page: usize, pages: usize) -> String {
    format!("Sida {page} av {pages}")
}
