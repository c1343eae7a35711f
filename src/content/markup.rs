//! Text from content.json written into markup, the result cards' HTML and the news feeds' XML alike:
//! one rule for what must be escaped, so no text ever reads as markup.

/// Appends `text` as character data or a quoted attribute value: `&`, `<`, `>` and both quotes escaped.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_the_rest_kept() {
        let mut out = String::from("<p>");
        push_escaped(&mut out, "<b>\"Tom\" & 'Jerry'</b> ä");
        assert_eq!(out, "<p>&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt; ä");
    }
}
