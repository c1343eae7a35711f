//! How far apart two words are, for finding the word meant: a search word typed with a letter wrong,
//! a content field's name misspelt.

/// Words longer than this are not compared: no word of the index or field name is, and the rows of the
/// table then fit on the stack (a search for a typo compares the query with every word of the index).
const LONGEST: usize = 63;

/// The number of letters wrong, missing, extra or swapped between `a` and `b` (optimal string
/// alignment), if at most `budget`.
pub fn edit_distance(a: &[u8], b: &[u8], budget: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > budget || a.len() > LONGEST || b.len() > LONGEST {
        return None;
    }
    // Three rows of the table: the one before the previous, the previous and the current.
    let mut rows = [[0u8; LONGEST + 1]; 3];
    rows[1].iter_mut().zip(0..).for_each(|(cell, j)| *cell = j);
    for i in 1..=a.len() {
        let [before, previous, current] = &mut rows;
        current[0] = i as u8;
        let mut row_best = current[0];
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + u8::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
            row_best = row_best.min(best);
        }
        if usize::from(row_best) > budget {
            return None;
        }
        rows.rotate_left(1);
    }
    Some(usize::from(rows[1][b.len()])).filter(|&distance| distance <= budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_wrong_missing_extra_and_swapped_letters() {
        let distance = |a: &str, b: &str, budget| edit_distance(a.as_bytes(), b.as_bytes(), budget);
        assert_eq!(distance("interpreter", "interpreter", 1), Some(0));
        assert_eq!(distance("intepreter", "interpreter", 1), Some(1), "missing");
        assert_eq!(distance("interpretter", "interpreter", 1), Some(1), "extra");
        assert_eq!(distance("qouta", "quota", 1), Some(1), "swapped");
        assert_eq!(distance("quoto", "quota", 1), Some(1), "wrong");
        assert_eq!(distance("kotoutumisohjlema", "kotoutumisohjelma", 1), Some(1), "swapped");
        assert_eq!(distance("kotoutmisohjlema", "kotoutumisohjelma", 2), Some(2));
        assert_eq!(distance("kotoutmisohjlema", "kotoutumisohjelma", 1), None);
        assert_eq!(distance("abc", "abcdef", 2), None);
        assert_eq!(distance("", "abc", 3), Some(3));
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
        assert_eq!(distance(&"x".repeat(1000), &"x".repeat(1000), 2), None, "too long to compare");
    }
}
