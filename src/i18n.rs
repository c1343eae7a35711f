//! The portal's languages.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    /// In order of preference when a text is missing: the national languages first.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 tag, for `lang` attributes and addresses.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language to show: the address's, else the one the reader chose before, else the first of
    /// the browser's languages the portal has ("sv-FI" counts as Swedish), else Finnish.
    pub fn choose(address: Option<Lang>, remembered: Option<&str>, browser: &[String]) -> Lang {
        address
            .or_else(|| remembered.and_then(Lang::from_code))
            .or_else(|| {
                browser.iter().find_map(|tag| Lang::from_code(tag.split(['-', '_']).next().unwrap_or_default()))
            })
            .unwrap_or(Lang::Fi)
    }

    /// The language's name in itself, for the switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomeksi",
            Lang::Sv => "På svenska",
            Lang::En => "In English",
        }
    }
}

/// Every string of the interface, one struct per language, so a string missing in one language is a
/// compile error rather than a blank on screen.
pub struct Texts {
    pub portal_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub home: &'static str,
    pub sections: &'static str,
    pub news: &'static str,
    pub latest_news: &'static str,
    pub all_news: &'static str,
    pub for_whom: &'static str,
    pub loading: &'static str,
    pub updated: &'static str,
    pub published: &'static str,
    pub related_links: &'static str,
    pub related_news: &'static str,
    pub related_sections: &'static str,
    pub source: &'static str,
    pub back_to_news: &'static str,
    pub news_item: &'static str,
    pub press_release: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_address: &'static str,
    pub go_home: &'static str,
    pub fetch_failed_title: &'static str,
    pub content_broken_title: &'static str,
    pub content_broken_body: &'static str,
    pub content_problems_body: &'static str,
    pub retry: &'static str,
    pub not_in_language: &'static str,
    pub footer_about: &'static str,
    pub opens_outside: &'static str,
    pub facet_type: &'static str,
    pub facet_topic: &'static str,
    pub facet_audience: &'static str,
    pub facet_section: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub date_range: &'static str,
    pub any_year: &'static str,
    pub sort_by: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_relevance: &'static str,
    pub search_news: &'static str,
    pub search_site: &'static str,
    pub search: &'static str,
    pub filters: &'static str,
    pub show_filters: &'static str,
    pub hide_filters: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub no_results_title: &'static str,
    pub no_results_for: &'static str,
    pub remove_filters_keep_words: &'static str,
    pub search_whole_portal: &'static str,
    pub clear_search: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub pagination: &'static str,
    pub section_result: &'static str,
    pub search_hint: &'static str,
    pub accessibility: &'static str,
    pub language: &'static str,
    /// Said above the view when the content is the copy saved for offline reading; `{date}` and `{time}`
    /// are filled in.
    pub saved_notice: &'static str,
    pub settings_broken_title: &'static str,
    pub settings_broken_body: &'static str,
}

const FI: Texts = Texts {
    portal_name: "Kotoutumistyö viranomaisille",
    skip_to_content: "Siirry sisältöön",
    main_navigation: "Päävalikko",
    home: "Etusivu",
    sections: "Aiheet",
    news: "Uutiset",
    latest_news: "Uutta viranomaisille",
    all_news: "Kaikki uutiset",
    for_whom: "Kenelle",
    loading: "Ladataan sisältöä…",
    updated: "Päivitetty",
    published: "Julkaistu",
    related_links: "Lisätietoa",
    related_news: "Aiheeseen liittyvät uutiset",
    related_sections: "Liittyvät aiheet",
    source: "Lähde",
    back_to_news: "Takaisin uutisiin",
    news_item: "Uutinen",
    press_release: "Tiedote",
    not_found_title: "Sivua ei löytynyt",
    not_found_body: "Tällä osoitteella ei ole sivua. Se on voinut vanhentua tai osoitteessa on kirjoitusvirhe.",
    not_found_address: "Haettu osoite",
    go_home: "Siirry etusivulle",
    fetch_failed_title: "Sisältöä ei saatu ladattua",
    content_broken_title: "Sisältötiedostossa on virhe",
    content_broken_body: "Portaali ei voi näyttää sisältöä, ennen kuin tiedosto content.json korjataan. Ylläpitäjälle:",
    content_problems_body:
        "Portaali näyttää kaiken muun. Nämä kohdat jätettiin pois tai korjattiin, kunnes content.json korjataan:",
    retry: "Yritä uudelleen",
    not_in_language: "Tätä tekstiä ei ole suomeksi; se näytetään kielellä, jolla se on saatavilla.",
    footer_about:
        "Tietoa kotoutumistyöstä Suomessa työllisyyspalveluiden, kuntien sekä sosiaali- ja terveysalan ammattilaisille.",
    opens_outside: "(avautuu portaalin ulkopuolelle)",
    facet_type: "Tyyppi",
    facet_topic: "Aihe",
    facet_audience: "Kohderyhmä",
    facet_section: "Osio",
    date_from: "Alkaen",
    date_to: "Asti",
    date_range: "Julkaisuaika",
    any_year: "Kaikki vuodet",
    sort_by: "Järjestys",
    sort_newest: "Uusin ensin",
    sort_oldest: "Vanhin ensin",
    sort_relevance: "Osuvin ensin",
    search_news: "Hae uutisista",
    search_site: "Hae portaalista",
    search: "Haku",
    filters: "Rajaa",
    show_filters: "Näytä rajaukset",
    hide_filters: "Piilota rajaukset",
    active_filters: "Valitut rajaukset",
    remove_filter: "Poista rajaus",
    clear_all: "Tyhjennä kaikki",
    no_results_title: "Ei tuloksia",
    no_results_for: "Mikään ei vastannut hakua",
    remove_filters_keep_words: "Poista rajaukset ja pidä hakusanat",
    search_whole_portal: "Hae koko portaalista",
    clear_search: "Tyhjennä haku",
    previous_page: "Edellinen sivu",
    next_page: "Seuraava sivu",
    pagination: "Sivutus",
    section_result: "Aihesivu",
    search_hint: "Kirjoita hakusana: haku etsii aiheista ja uutisista.",
    accessibility: "Saavutettavuusseloste",
    language: "Kieli",
    saved_notice: "Näytetään {date} klo {time} tallennettua sisältöä: olet offline-tilassa tai palvelin ei vastannut.",
    settings_broken_title: "Portaalin asetuksissa on virhe",
    settings_broken_body:
        "Portaali ei lataa sisältöä, ennen kuin tiedoston portal-config.json asetus korjataan. Ylläpitäjälle:",
};

const SV: Texts = Texts {
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
    no_results_title: "Inga resultat",
    no_results_for: "Inget motsvarade sökningen",
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
    settings_broken_title: "Portalens inställningar innehåller ett fel",
    settings_broken_body: "Portalen laddar inget innehåll förrän inställningen i filen portal-config.json har rättats. För administratören:",
};

const EN: Texts = Texts {
    portal_name: "Integration work for authorities",
    skip_to_content: "Skip to content",
    main_navigation: "Main navigation",
    home: "Home",
    sections: "Topics",
    news: "News",
    latest_news: "New for authorities",
    all_news: "All news",
    for_whom: "For whom",
    loading: "Loading content…",
    updated: "Updated",
    published: "Published",
    related_links: "More information",
    related_news: "News on this topic",
    related_sections: "Related topics",
    source: "Source",
    back_to_news: "Back to news",
    news_item: "News item",
    press_release: "Press release",
    not_found_title: "Page not found",
    not_found_body: "There is no page at this address. It may be out of date or mistyped.",
    not_found_address: "Address asked for",
    go_home: "Go to the home page",
    fetch_failed_title: "The content could not be loaded",
    content_broken_title: "The content file has an error",
    content_broken_body: "The portal cannot show its content until content.json is corrected. For the administrator:",
    content_problems_body: "The portal shows everything else. These places were left out or mended until content.json is corrected:",
    retry: "Try again",
    not_in_language: "This text is not available in English; it is shown in the language it has.",
    footer_about: "Information on integration work in Finland for professionals in employment services, municipalities and the health and social sector.",
    opens_outside: "(opens outside the portal)",
    facet_type: "Type",
    facet_topic: "Topic",
    facet_audience: "Audience",
    facet_section: "Section",
    date_from: "From",
    date_to: "To",
    date_range: "Published",
    any_year: "All years",
    sort_by: "Sort by",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_relevance: "Best match first",
    search_news: "Search news",
    search_site: "Search the portal",
    search: "Search",
    filters: "Filters",
    show_filters: "Show filters",
    hide_filters: "Hide filters",
    active_filters: "Active filters",
    remove_filter: "Remove filter",
    clear_all: "Clear all",
    no_results_title: "No results",
    no_results_for: "Nothing matched",
    remove_filters_keep_words: "Remove the filters, keep the search words",
    search_whole_portal: "Search the whole portal",
    clear_search: "Clear the search",
    previous_page: "Previous page",
    next_page: "Next page",
    pagination: "Pages",
    section_result: "Topic page",
    search_hint: "Type a word: the search looks through topics and news.",
    accessibility: "Accessibility statement",
    language: "Language",
    saved_notice: "Showing content saved on {date} at {time}: you are offline or the server did not answer.",
    settings_broken_title: "The portal's settings have an error",
    settings_broken_body: "The portal loads no content until the setting in portal-config.json is corrected. For the administrator:",
};

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// Dates as officials write them in all three languages, and as kotoutuminen.fi shows them.
    pub fn date(self, date: crate::content::Date) -> String {
        date.to_dotted()
    }

    /// "6 news items", with the plural form each language needs.
    pub fn news_count(self, count: usize) -> String {
        match (self, count) {
            (Lang::Fi, 1) => "1 uutinen".to_owned(),
            (Lang::Fi, n) => format!("{n} uutista"),
            (Lang::Sv, 1) => "1 nyhet".to_owned(),
            (Lang::Sv, n) => format!("{n} nyheter"),
            (Lang::En, 1) => "1 news item".to_owned(),
            (Lang::En, n) => format!("{n} news items"),
        }
    }

    /// "content.json: 2 problems", the heading of the administrator's notice.
    pub fn content_problem_count(self, count: usize) -> String {
        match (self, count) {
            (Lang::Fi, 1) => "content.json: 1 ongelma ylläpitäjälle".to_owned(),
            (Lang::Fi, n) => format!("content.json: {n} ongelmaa ylläpitäjälle"),
            (Lang::Sv, 1) => "content.json: 1 problem för administratören".to_owned(),
            (Lang::Sv, n) => format!("content.json: {n} problem för administratören"),
            (Lang::En, 1) => "content.json: 1 problem for the administrator".to_owned(),
            (Lang::En, n) => format!("content.json: {n} problems for the administrator"),
        }
    }

    /// "3 results" for the site search.
    pub fn result_count(self, count: usize) -> String {
        match (self, count) {
            (Lang::Fi, 1) => "1 tulos".to_owned(),
            (Lang::Fi, n) => format!("{n} tulosta"),
            (Lang::Sv, 1) => "1 träff".to_owned(),
            (Lang::Sv, n) => format!("{n} träffar"),
            (Lang::En, 1) => "1 result".to_owned(),
            (Lang::En, n) => format!("{n} results"),
        }
    }

    pub fn page_of(self, page: usize, pages: usize) -> String {
        match self {
            Lang::Fi => format!("Sivu {page}/{pages}"),
            Lang::Sv => format!("Sida {page} av {pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }

    /// "Showing content saved on 29.11.2026 at 14:05: …", times written as each language writes them.
    pub fn saved_notice(self, saved: crate::offline::SavedAt) -> String {
        let separator = if self == Lang::En { ':' } else { '.' };
        let time = format!("{}{separator}{:02}", saved.hour, saved.minute);
        self.texts().saved_notice.replace("{date}", &self.date(saved.date)).replace("{time}", &time)
    }

    pub fn news_type(self, kind: crate::content::NewsType) -> &'static str {
        match kind {
            crate::content::NewsType::NewsItem => self.texts().news_item,
            crate::content::NewsType::PressRelease => self.texts().press_release,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_each_languages_plural() {
        assert_eq!(Lang::En.news_count(1), "1 news item");
        assert_eq!(Lang::En.news_count(6), "6 news items");
        assert_eq!(Lang::Fi.news_count(1), "1 uutinen");
        assert_eq!(Lang::Fi.news_count(0), "0 uutista");
        assert_eq!(Lang::Sv.news_count(2), "2 nyheter");
        assert_eq!(Lang::Sv.result_count(1), "1 träff");
        assert_eq!(Lang::Fi.result_count(12), "12 tulosta");
    }

    #[test]
    fn the_address_then_the_remembered_choice_then_the_browser_decide_else_finnish() {
        let browser = ["de-DE".to_owned(), "sv-FI".to_owned(), "en".to_owned()];
        assert_eq!(Lang::choose(Some(Lang::En), Some("sv"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, Some("en"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, Some("xx"), &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &["de".to_owned()]), Lang::Fi);
        assert_eq!(Lang::choose(None, None, &[]), Lang::Fi);
    }

    #[test]
    fn the_saved_notice_says_when_in_each_language() {
        let saved = crate::offline::SavedAt {
            date: crate::content::Date { year: 2026, month: 11, day: 29 },
            hour: 14,
            minute: 5,
        };
        assert_eq!(
            Lang::En.saved_notice(saved),
            "Showing content saved on 29.11.2026 at 14:05: you are offline or the server did not answer."
        );
        assert_eq!(
            Lang::Fi.saved_notice(saved),
            "Näytetään 29.11.2026 klo 14.05 tallennettua sisältöä: olet offline-tilassa tai palvelin ei vastannut."
        );
        assert!(Lang::Sv.saved_notice(saved).starts_with("Visar innehåll som sparades 29.11.2026 kl. 14.05:"));
        for lang in Lang::ALL {
            assert!(!lang.saved_notice(saved).contains('{'), "{lang:?}");
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("SV"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("de"), None);
    }
}
