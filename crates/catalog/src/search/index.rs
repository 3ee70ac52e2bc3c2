//! The search index of a catalog, built once on first search: each entry's
//! words, and one shared vocabulary so typo matching costs one pass over
//! distinct words instead of one per entry.

use std::collections::HashMap;

use super::words::{EntryWords, edit_distance_chars, typo_allowance};
use crate::Entry;

#[derive(Debug, Clone, Default)]
pub(crate) struct SearchIndex {
    pub entries: Vec<EntryWords>,
    /// Each distinct word of names, aliases and keywords, as chars for the
    /// typo distance, and the entries (by index) that use it.
    vocabulary: Vec<(Vec<char>, Vec<u32>)>,
}

impl SearchIndex {
    pub fn build(entries: &[Entry]) -> SearchIndex {
        let words: Vec<EntryWords> = entries.iter().map(EntryWords::new).collect();
        let mut users: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            for word in w.vocabulary() {
                let list = users.entry(word).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let mut vocabulary: Vec<(Vec<char>, Vec<u32>)> = users
            .into_iter()
            .map(|(word, list)| (word.chars().collect(), list))
            .collect();
        vocabulary.sort();
        SearchIndex {
            entries: words,
            vocabulary,
        }
    }

    /// For each entry, the total edits needed to match every typo-able
    /// query word (`gatway`), or `None` when some word matches nothing
    /// close in that entry. `None` overall when no word is typo-able.
    pub(crate) fn typo_distances(&self, query_words: &[String]) -> Option<Vec<Option<u16>>> {
        let typo_words: Vec<(&String, usize)> = query_words
            .iter()
            .filter_map(|w| typo_allowance(w).map(|a| (w, a)))
            .collect();
        if typo_words.is_empty() {
            return None;
        }
        let mut total: Vec<Option<u16>> = vec![Some(0); self.entries.len()];
        for (q, allowed) in typo_words {
            let mut best: Vec<Option<u16>> = vec![None; self.entries.len()];
            let q: Vec<char> = q.chars().collect();
            for (word, users) in &self.vocabulary {
                if word.len().abs_diff(q.len()) > allowed {
                    continue;
                }
                let d = edit_distance_chars(&q, word);
                if d > allowed {
                    continue;
                }
                for &i in users {
                    let slot = &mut best[i as usize];
                    *slot = Some(slot.map_or(d as u16, |b| b.min(d as u16)));
                }
            }
            for (t, b) in total.iter_mut().zip(best) {
                *t = match (*t, b) {
                    (Some(t), Some(b)) => Some(t + b),
                    _ => None,
                };
            }
        }
        Some(total)
    }
}
