//! The query part of an address (`q=keha&topic=a,b`), read and written with percent-encoding, so that
//! any text survives a round trip through the address bar.

/// Pairs in order; a malformed escape is kept as typed rather than rejected.
pub fn parse(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

/// `key=value&…`, empty for no pairs.
pub fn format<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    pairs.into_iter().map(|(key, value)| format!("{}={}", encode(key), encode(&value))).collect::<Vec<_>>().join("&")
}

/// Leaves letters, digits and `-._~,` as they are (so slugs, lists and dates read plainly) and escapes
/// every other byte of the UTF-8.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes `encode`, also reading `+` as a space as HTML forms write it.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex_pair(bytes[i + 1], bytes[i + 2]).is_some() => {
                out.extend(hex_pair(bytes[i + 1], bytes[i + 2]));
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(high: u8, low: u8) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(high)? * 16 + digit(low)?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in ["keha", "KEHA-keskus", "äö å", "a&b=c", "100 %", "#/news?x", "+", "", "🙂 emoji"] {
            assert_eq!(decode(&encode(text)), text, "{text}");
        }
        assert_eq!(encode("työ ja elinkeino"), "ty%C3%B6%20ja%20elinkeino");
    }

    #[test]
    fn reads_pairs_forgivingly() {
        assert_eq!(
            parse("q=keha+keskus&topic=a,b&&flag&bad=%zz%"),
            vec![
                ("q".into(), "keha keskus".into()),
                ("topic".into(), "a,b".into()),
                ("flag".into(), String::new()),
                ("bad".into(), "%zz%".into()),
            ]
        );
        assert_eq!(decode("%C3"), "\u{fffd}", "a cut UTF-8 sequence becomes a replacement character");
    }
}
