//! Regular expressions written in labsite's own code (not the site's), compiled
//! once where they are used. Such a pattern is part of the program: one that
//! does not compile is a bug the first test running it shows, never bad input.

/// `pattern`, a regular expression of labsite's own code, compiled.
pub fn fixed(pattern: &'static str) -> regex::Regex {
    regex::Regex::new(pattern)
        .unwrap_or_else(|e| unreachable!("labsite's own pattern {pattern:?}: {e}"))
}
