//! Every interface string in Finnish.

use super::Texts;

pub const FI: Texts = Texts {
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
    no_results_for: "Mikään ei vastannut hakua",
    did_you_mean: "Tarkoititko",
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
    preview_notice: "Esikatselu: {file}, valittu sisällön tarkistussivulla. Tiedostoa ei ole julkaistu: virkailijat näkevät nykyisen sisällön, kunnes tiedosto kopioidaan palvelimelle.",
    settings_broken_title: "Portaalin asetuksissa on virhe",
    settings_broken_body:
        "Portaali ei lataa sisältöä, ennen kuin tiedoston portal-config.json asetus korjataan. Ylläpitäjälle:",
    news_count,
    result_count,
    content_problem_count,
    page_of,
    time_separator: '.',
};

fn news_count(count: usize) -> String {
    match count {
        1 => "1 uutinen".to_owned(),
        n => format!("{n} uutista"),
    }
}

fn result_count(count: usize) -> String {
    match count {
        1 => "1 tulos".to_owned(),
        n => format!("{n} tulosta"),
    }
}

fn content_problem_count(count: usize) -> String {
    match count {
        1 => "content.json: 1 ongelma ylläpitäjälle".to_owned(),
        n => format!("content.json: {n} ongelmaa ylläpitäjälle"),
    }
}

fn page_of(page: usize, pages: usize) -> String {
    format!("Sivu {page}/{pages}")
}
