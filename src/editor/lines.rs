//! The lines around a problem, numbered as an editor numbers them, for the editors' page's line view.
//! A minified file is one long line: a line is cut to a window around the problem's column.

use crate::content::locate::line_starts;
use serde::{Deserialize, Serialize};

/// Lines shown before and after the problem's line.
const CONTEXT: usize = 2;
/// Characters shown of a line: around the column on the problem's line, from the start on the others.
const WIDTH: usize = 120;

/// Where each line starts, found once for all of a file's problems.
pub struct LineIndex {
    starts: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub number: usize,
    /// The shown part of the line; `cut_before`/`cut_after` when more of it is left out.
    pub text: String,
    pub cut_before: bool,
    pub cut_after: bool,
    /// On the problem's line: the character the column points at, counted in `text` from 0.
    pub mark: Option<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex { starts: line_starts(text) }
    }

    /// The problem's line (counted from 1) with its neighbours; its `column` (characters from 1) marked.
    pub fn excerpt(&self, text: &str, line: usize, column: usize) -> Excerpt {
        let last = self.starts.len();
        let line = line.clamp(1, last);
        let lines = (line.saturating_sub(CONTEXT).max(1)..=(line + CONTEXT).min(last))
            .map(|number| {
                let whole = self.line(text, number);
                if number == line {
                    shown(whole, Some(column.saturating_sub(1)), number)
                } else {
                    shown(whole, None, number)
                }
            })
            .collect();
        Excerpt { lines }
    }

    fn line<'a>(&self, text: &'a str, number: usize) -> &'a str {
        let start = self.starts[number - 1];
        let end = self.starts.get(number).map_or(text.len(), |next| next - 1);
        text[start..end].trim_end_matches('\r')
    }
}

/// At most [`WIDTH`] characters of `line`: around the marked character when there is one.
fn shown(line: &str, mark: Option<usize>, number: usize) -> Line {
    let length = line.chars().count();
    let first = match mark {
        Some(at) if length > WIDTH => at.saturating_sub(WIDTH / 2).min(length - WIDTH),
        _ => 0,
    };
    let text: String = line.chars().skip(first).take(WIDTH).collect();
    Line {
        number,
        cut_before: first > 0,
        cut_after: first + WIDTH < length,
        mark: mark.map(|at| at.saturating_sub(first).min(text.chars().count())),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_problem_line_comes_with_two_lines_each_side_and_its_column_marked() {
        let text = "a\nb\nc\nddd\ne\nf\ng";
        let excerpt = LineIndex::new(text).excerpt(text, 4, 2);
        let numbers: Vec<_> = excerpt.lines.iter().map(|line| line.number).collect();
        assert_eq!(numbers, [2, 3, 4, 5, 6]);
        assert_eq!(excerpt.lines[2].text, "ddd");
        assert_eq!(excerpt.lines[2].mark, Some(1));
        assert!(excerpt.lines.iter().filter(|line| line.number != 4).all(|line| line.mark.is_none()));
    }

    #[test]
    fn the_first_and_last_lines_have_neighbours_on_one_side_only() {
        let text = "{\r\n  \"a\": 1\r\n}";
        let index = LineIndex::new(text);
        assert_eq!(index.excerpt(text, 1, 1).lines.iter().map(|l| l.number).collect::<Vec<_>>(), [1, 2, 3]);
        let last = index.excerpt(text, 3, 1);
        assert_eq!(last.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["{", "  \"a\": 1", "}"]);
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_column() {
        let text = format!("{}X{}", "ä".repeat(1000), "b".repeat(1000));
        let line = &LineIndex::new(&text).excerpt(&text, 1, 1001).lines[0];
        assert!(line.cut_before && line.cut_after);
        assert_eq!(line.text.chars().count(), WIDTH);
        assert_eq!(line.text.chars().nth(line.mark.unwrap()), Some('X'));
    }
}
