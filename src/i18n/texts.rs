//! What every language must say: one `Texts` a language, so a string missing in one is a compile error
//! rather than a blank on screen, and the counted phrases each language words in its own way.

use super::{en::EN, fi::FI, sv::SV, Lang};

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
    pub no_results_for: &'static str,
    /// Before the query respelt where a word of it matched only as a typo, and a question mark.
    pub did_you_mean: &'static str,
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
    /// Above every view of the editors' preview (editor.html); `{file}` is the chosen file's name.
    pub preview_notice: &'static str,
    pub settings_broken_title: &'static str,
    pub settings_broken_body: &'static str,
    /// The phrases with a number in them, each worded with the plural its language needs.
    pub news_count: fn(usize) -> String,
    pub result_count: fn(usize) -> String,
    pub content_problem_count: fn(usize) -> String,
    pub page_of: fn(usize, usize) -> String,
    pub time_separator: char,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// "6 news items", with the plural form each language needs.
    pub fn news_count(self, count: usize) -> String {
        (self.texts().news_count)(count)
    }

    /// "3 results" for the site search.
    pub fn result_count(self, count: usize) -> String {
        (self.texts().result_count)(count)
    }

    /// "content.json: 2 problems for the administrator", the heading of the administrator's notice.
    pub fn content_problem_count(self, count: usize) -> String {
        (self.texts().content_problem_count)(count)
    }

    /// "Page 2 of 5".
    pub fn page_of(self, page: usize, pages: usize) -> String {
        (self.texts().page_of)(page, pages)
    }

    /// The separator of hours and minutes: "14.05" in Finnish and Swedish, "14:05" in English.
    pub fn time_separator(self) -> char {
        self.texts().time_separator
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
}
