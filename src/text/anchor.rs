//! Heading ids as Hugo makes them (`autoHeadingIDType = "github"`, spec §5.3) and
//! their de-duplication within one document.

use std::collections::{HashMap, HashSet};

/// GitHub-style id of a heading's plain text: trimmed; spaces and `-` become `-`;
/// letters, digits and `_` are kept lower-cased; everything else is dropped; no
/// collapsing. Empty gives `heading`. This is also Hugo's `anchorize`.
pub fn anchorize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_whitespace() || c == '-' {
            out.push('-');
        } else if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The ids used so far in one document.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
    /// For each anchor given a suffix, the next suffix to try: the search
    /// goes on where it stopped, so many equal headings take linear time.
    next_suffix: HashMap<String, usize>,
}

impl Ids {
    /// Registers an explicit `{#id}` as it is (never renamed).
    pub fn explicit(&mut self, id: &str) -> String {
        self.used.insert(id.to_string());
        id.to_string()
    }

    /// The id for a heading with this text: its anchor, or with `-1`, `-2`, … added
    /// when that is taken.
    pub fn auto(&mut self, text: &str) -> String {
        let mut base = anchorize(text);
        if base.is_empty() {
            base = "heading".to_string();
        }
        let mut id = base.clone();
        if self.used.contains(&id) {
            let n = self.next_suffix.entry(base.clone()).or_insert(1);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !self.used.contains(&id) {
                    break;
                }
            }
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        assert_eq!(anchorize("Step 1: Create the VPC"), "step-1-create-the-vpc");
        assert_eq!(anchorize("What\u{2019}s new?"), "whats-new");
        assert_eq!(anchorize("C++ & Go"), "c--go");
        assert_eq!(anchorize("Über Café"), "über-café");
        assert_eq!(anchorize("A  B"), "a--b");
        assert_eq!(anchorize("A - B"), "a---b");
        assert_eq!(
            anchorize("Custom Key Store (CMK stored within AWS CloudHSM)"),
            "custom-key-store-cmk-stored-within-aws-cloudhsm"
        );
    }

    #[test]
    fn duplicates_get_suffixes() {
        let mut ids = Ids::default();
        assert_eq!(ids.auto("Foo"), "foo");
        assert_eq!(ids.auto("Foo"), "foo-1");
        assert_eq!(ids.auto("Foo 1"), "foo-1-1");
        assert_eq!(ids.auto("!!!"), "heading");
        assert_eq!(ids.auto(""), "heading-1");
    }

    #[test]
    fn explicit_ids_are_avoided_by_later_auto_ids() {
        let mut ids = Ids::default();
        assert_eq!(ids.explicit("intro"), "intro");
        assert_eq!(ids.auto("Intro"), "intro-1");
        assert_eq!(ids.explicit("intro"), "intro");
    }
}
