//! A small scanner of JSON text of its own rather than a dependency: it only needs to skip values,
//! read keys and find members and elements, by byte offset, for [`super::locate`].

/// An object's members: each name with the offsets of its key and of its value.
pub(super) type Members = Vec<(String, usize, usize)>;

pub(super) struct Scanner<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl Scanner<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    pub(super) fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Expects `byte` after optional whitespace and steps over it.
    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// At the value of an object: the offsets of the key named `wanted` and of its value. The last
    /// one wins, as in serde_json's `Value`, should a key be written twice.
    pub(super) fn member(&mut self, wanted: &str) -> Option<(Option<usize>, usize)> {
        let members = self.members()?;
        let (_, key_at, value_at) = members.into_iter().rev().find(|(name, _, _)| name == wanted)?;
        Some((Some(key_at), value_at))
    }

    /// At the value of an object: every member's name with the offsets of its key and value, in the
    /// order written; `None` where the object is not JSON to its end.
    pub(super) fn members(&mut self) -> Option<Members> {
        self.eat(b'{')?;
        let mut found = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            return Some(found);
        }
        loop {
            self.skip_whitespace();
            let key_at = self.at;
            let key = self.string()?;
            self.eat(b':')?;
            self.skip_whitespace();
            found.push((key, key_at, self.at));
            self.skip_value()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                _ => return Some(found),
            }
        }
    }

    /// At the value of an array: the offsets of all its elements, as far as the text is JSON.
    pub(super) fn elements(&mut self) -> Vec<usize> {
        let mut found = Vec::new();
        if self.eat(b'[').is_none() {
            return found;
        }
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            return found;
        }
        loop {
            self.skip_whitespace();
            found.push(self.at);
            if self.skip_value().and_then(|()| self.eat(b',')).is_none() {
                return found;
            }
        }
    }

    /// At the value of an array: the offset of element `index`.
    pub(super) fn element(&mut self, index: usize) -> Option<(Option<usize>, usize)> {
        self.eat(b'[')?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            return None;
        }
        for _ in 0..index {
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.skip_whitespace();
        Some((None, self.at))
    }

    /// At a value: appends to `path` the members and elements that hold offset `target`, innermost
    /// last. Stops wherever the text is not JSON, with the path as far as it got.
    pub(super) fn descend_to(&mut self, target: usize, path: &mut String) -> Option<()> {
        self.skip_whitespace();
        let open = self.peek()?;
        if !matches!(open, b'{' | b'[') {
            return Some(());
        }
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_whitespace();
            if self.peek()? == open + 2 {
                // `}` and `]` are two past `{` and `[`: an empty container, or a trailing comma.
                return Some(());
            }
            if target < self.at {
                // Before this member or element: on the container's own punctuation.
                return Some(());
            }
            let start = path.len();
            if open == b'{' {
                let key = self.string()?;
                path.push_str(if start == 0 { "" } else { "." });
                path.push_str(&key);
                if self.at > target {
                    return Some(());
                }
                self.eat(b':')?;
                self.skip_whitespace();
            } else {
                path.push_str(&format!("[{index}]"));
            }
            let value_start = self.at;
            // A value that does not end (a cut-off file) holds the target too.
            let complete = self.skip_value().is_some();
            if !complete || target < self.at {
                self.at = value_start;
                return self.descend_to(target, path);
            }
            path.truncate(start);
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                _ => return Some(()),
            }
            index += 1;
        }
    }

    /// Steps over one value of any kind; `None` if the text is not JSON here.
    pub(super) fn skip_value(&mut self) -> Option<()> {
        self.skip_whitespace();
        match self.peek()? {
            b'"' => self.string().map(drop),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.skip_whitespace();
                        self.string()?;
                        self.eat(b':')?;
                    }
                    self.skip_value()?;
                    self.skip_whitespace();
                    match self.peek()? {
                        b',' => self.at += 1,
                        byte if byte == close => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                // A number, true, false or null: everything up to the next delimiter.
                let start = self.at;
                while self.peek().is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.at += 1;
                }
                (self.at > start).then_some(())
            }
        }
    }

    /// Reads a string at the cursor, escapes decoded, so that `"ti\u0074le"` is the key `title`.
    pub(super) fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut bytes = Vec::new();
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(bytes).ok(),
                b'\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let decoded = match escape {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => self.unicode_escape()?,
                        other => char::from(other),
                    };
                    bytes.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
                }
                other => bytes.push(other),
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two escapes.
    pub(super) fn unicode_escape(&mut self) -> Option<char> {
        let mut hex = || {
            let digits = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
            self.at += 4;
            u32::from_str_radix(digits, 16).ok()
        };
        let first = hex()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
            self.at += 2;
            let second = {
                let digits = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
                self.at += 4;
                u32::from_str_radix(digits, 16).ok()?
            };
            return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF));
        }
        Some(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER))
    }
}
