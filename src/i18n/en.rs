//! Every interface string in English.

use super::Texts;

pub const EN: Texts = Texts {
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
    no_results_for: "Nothing matched",
    did_you_mean: "Did you mean",
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
    preview_notice: "Preview of {file}, chosen on the page for checking content: not published. Officials see the current content until the file is copied to the server.",
    settings_broken_title: "The portal's settings have an error",
    settings_broken_body: "The portal loads no content until the setting in portal-config.json is corrected. For the administrator:",
    news_count,
    result_count,
    content_problem_count,
    page_of,
    time_separator: ':',
};

fn news_count(count: usize) -> String {
    match count {
        1 => "1 news item".to_owned(),
        n => format!("{n} news items"),
    }
}

fn result_count(count: usize) -> String {
    match count {
        1 => "1 result".to_owned(),
        n => format!("{n} results"),
    }
}

fn content_problem_count(count: usize) -> String {
    match count {
        1 => "content.json: 1 problem for the administrator".to_owned(),
        n => format!("content.json: {n} problems for the administrator"),
    }
}

fn page_of(page: usize, pages: usize) -> String {
    format!("Page {page} of {pages}")
}
