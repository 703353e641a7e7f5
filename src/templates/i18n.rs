//! UI strings of the theme (`i18n/<lang>.toml`), as Hugo's `T` looks them up: the
//! site's own `i18n/` first, then the theme's, then English.

use std::collections::HashMap;

/// Translations for one language, with English as fallback.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    map: HashMap<String, String>,
}

impl Strings {
    /// Merges TOML tables in order: later ones override earlier ones.
    pub fn from_tables(tables: &[&str]) -> Strings {
        let mut map = HashMap::new();
        for text in tables {
            if let Ok(table) = toml::from_str::<toml::Table>(text) {
                for (k, v) in table {
                    let value = match v {
                        toml::Value::String(s) => s,
                        toml::Value::Table(t) => t
                            .get("other")
                            .and_then(|o| o.as_str())
                            .unwrap_or("")
                            .to_string(),
                        other => other.to_string(),
                    };
                    map.insert(k.to_lowercase(), value);
                }
            }
        }
        Strings { map }
    }

    /// The string for `key` (case-insensitive), if there is one.
    pub fn lookup(&self, key: &str) -> Option<String> {
        self.map.get(&key.to_lowercase()).cloned()
    }

    /// The string for `key` (case-insensitive), or the key itself.
    pub fn get(&self, key: &str) -> String {
        self.map
            .get(&key.to_lowercase())
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_tables_win_and_keys_are_case_insensitive() {
        let s = Strings::from_tables(&["A = 'en'\nB = 'b'", "a = 'fr'\n[c]\nother = 'C'"]);
        assert_eq!(s.get("A"), "fr");
        assert_eq!(s.get("b"), "b");
        assert_eq!(s.get("c"), "C");
        assert_eq!(s.get("missing"), "missing");
    }
}
