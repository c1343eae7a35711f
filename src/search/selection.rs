//! The values chosen in the news list's facets. A handful of short lists kept in order: sorted
//! vectors rather than `BTreeMap` and `BTreeSet`, whose code would be a kilobyte or two of the first
//! download for lists this small.

use super::facet::Facet;

/// For each facet with at least one value chosen, its values in order, each once; facets in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection(Vec<(Facet, Vec<String>)>);

impl Selection {
    pub fn get(&self, facet: &Facet) -> Option<&[String]> {
        self.position(*facet).ok().map(|at| self.0[at].1.as_slice())
    }

    pub fn contains_key(&self, facet: &Facet) -> bool {
        self.position(*facet).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each facet with its values, facets in order.
    pub fn iter(&self) -> <&Selection as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// How many values are chosen in all.
    pub fn value_count(&self) -> usize {
        self.0.iter().map(|(_, values)| values.len()).sum()
    }

    /// Chooses `values` in `facet`, in place of what it had; an empty list chooses nothing.
    pub fn set(&mut self, facet: Facet, values: impl IntoIterator<Item = String>) {
        let mut values: Vec<String> = values.into_iter().collect();
        values.sort_unstable();
        values.dedup();
        match (self.position(facet), values.is_empty()) {
            (Ok(at), true) => drop(self.0.remove(at)),
            (Ok(at), false) => self.0[at].1 = values,
            (Err(_), true) => {}
            (Err(at), false) => self.0.insert(at, (facet, values)),
        }
    }

    /// Chooses `value` in `facet`, or unchooses it if it was chosen.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let mut values = self.get(&facet).map(<[String]>::to_vec).unwrap_or_default();
        match values.iter().position(|chosen| chosen == value) {
            Some(at) => drop(values.remove(at)),
            None => values.push(value.to_owned()),
        }
        self.set(facet, values);
    }

    /// Keeps in each facet only the values `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(Facet, &str) -> bool) {
        for (facet, values) in &mut self.0 {
            values.retain(|value| keep(*facet, value));
        }
        self.0.retain(|(_, values)| !values.is_empty());
    }

    fn position(&self, facet: Facet) -> Result<usize, usize> {
        self.0.binary_search_by(|(listed, _)| listed.cmp(&facet))
    }
}

/// A facet and its values, as a `Selection` lists them.
type Entry = (Facet, Vec<String>);

impl<'a> IntoIterator for &'a Selection {
    type Item = (&'a Facet, &'a [String]);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(facet, values)| (facet, values.as_slice()))
    }
}

impl<V: IntoIterator<Item = String>> FromIterator<(Facet, V)> for Selection {
    fn from_iter<I: IntoIterator<Item = (Facet, V)>>(facets: I) -> Selection {
        let mut selection = Selection::default();
        for (facet, values) in facets {
            selection.set(facet, values);
        }
        selection
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_in_order_once_and_an_emptied_facet_goes() {
        let mut selection = Selection::default();
        selection.set(Facet::Topic, ["b".to_owned(), "a".to_owned(), "b".to_owned()]);
        assert_eq!(selection.get(&Facet::Topic), Some(&["a".to_owned(), "b".to_owned()][..]));
        selection.toggle(Facet::Type, "press-release");
        let facets: Vec<_> = selection.iter().map(|(facet, _)| *facet).collect();
        let mut sorted = facets.clone();
        sorted.sort();
        assert_eq!(facets, sorted, "facets in order");
        selection.toggle(Facet::Type, "press-release");
        assert!(!selection.contains_key(&Facet::Type));
        selection.retain(|_, value| value != "a");
        assert_eq!(selection.value_count(), 1);
        selection.set(Facet::Topic, Vec::new());
        assert!(selection.is_empty());
    }
}
