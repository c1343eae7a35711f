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
    pub retry: &'static str,
    pub not_in_language: &'static str,
    pub footer_about: &'static str,
    pub opens_outside: &'static str,
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
    retry: "Yritä uudelleen",
    not_in_language: "Tätä tekstiä ei ole suomeksi; se näytetään kielellä, jolla se on saatavilla.",
    footer_about:
        "Tietoa kotoutumistyöstä Suomessa työllisyyspalveluiden, kuntien sekä sosiaali- ja terveysalan ammattilaisille.",
    opens_outside: "(avautuu portaalin ulkopuolelle)",
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
    retry: "Försök igen",
    not_in_language: "Den här texten finns inte på svenska; den visas på det språk den finns på.",
    footer_about: "Information om integrationsarbete i Finland för yrkesverksamma inom sysselsättningstjänster, kommuner och social- och hälsovården.",
    opens_outside: "(öppnas utanför portalen)",
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
    retry: "Try again",
    not_in_language: "This text is not available in English; it is shown in the language it has.",
    footer_about: "Information on integration work in Finland for professionals in employment services, municipalities and the health and social sector.",
    opens_outside: "(opens outside the portal)",
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

    pub fn news_type(self, kind: crate::content::NewsType) -> &'static str {
        match kind {
            crate::content::NewsType::NewsItem => self.texts().news_item,
            crate::content::NewsType::PressRelease => self.texts().press_release,
        }
    }
}
