//! Hugo's output formats that are HTML pages: `HTML` itself and `AMP`, which Hugo
//! renders with the same templates (themes without `*.amp.html` layouts) under the
//! `/amp/` path. Which kinds get which formats comes from the `[outputs]` config.

use crate::config::Config;
use crate::content::Kind;
use serde_json::Value;

/// An HTML output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Html,
    Amp,
}

impl Format {
    /// The URL path prefix of the format (`""` or `/amp`).
    pub fn prefix(self) -> &'static str {
        match self {
            Format::Html => "",
            Format::Amp => "/amp",
        }
    }
}

/// The HTML formats of each page kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outputs {
    home: Vec<Format>,
    section: Vec<Format>,
    page: Vec<Format>,
    taxonomy: Vec<Format>,
    term: Vec<Format>,
}

impl Outputs {
    pub fn from_config(config: &Config) -> Outputs {
        let list = |kind: &str| -> Vec<Format> {
            let names: Vec<String> = match config.raw.get("outputs").and_then(|o| o.get(kind)) {
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(str::to_lowercase)
                    .collect(),
                Some(Value::String(s)) => vec![s.to_lowercase()],
                _ => vec!["html".to_string()],
            };
            let mut formats = vec![Format::Html];
            if names.iter().any(|n| n == "amp") {
                formats.push(Format::Amp);
            }
            formats
        };
        Outputs {
            home: list("home"),
            section: list("section"),
            page: list("page"),
            taxonomy: list("taxonomy"),
            term: list("term"),
        }
    }

    pub fn of(&self, kind: Kind) -> &[Format] {
        match kind {
            Kind::Home => &self.home,
            Kind::Section => &self.section,
            Kind::Page => &self.page,
            Kind::Taxonomy => &self.taxonomy,
            Kind::Term => &self.term,
        }
    }

    /// Every HTML format some kind uses, HTML first.
    pub fn all(&self) -> Vec<Format> {
        let mut all: Vec<Format> = self
            .home
            .iter()
            .chain(&self.section)
            .chain(&self.page)
            .copied()
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amp_where_the_config_asks_for_it() {
        let mut config = Config::for_tests();
        config.raw.insert(
            "outputs".into(),
            serde_json::json!({"home": ["HTML", "AMP", "RSS", "JSON"], "page": ["HTML", "AMP"]}),
        );
        let o = Outputs::from_config(&config);
        assert_eq!(o.of(Kind::Home), [Format::Html, Format::Amp]);
        assert_eq!(o.of(Kind::Section), [Format::Html]);
        assert_eq!(o.all(), [Format::Html, Format::Amp]);
        assert_eq!(
            Outputs::from_config(&Config::for_tests()).all(),
            [Format::Html]
        );
    }
}
