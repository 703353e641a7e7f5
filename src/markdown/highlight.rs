//! Build-time syntax highlighting of code blocks (spec §5.4), in the markup Hugo's
//! Chroma writes with its defaults (`noClasses`, monokai, `tabindex="0"`): a
//! `div.highlight > pre > code.language-X` whose lines are `display:flex` spans,
//! with optional line numbers (inline or in a table) and highlighted lines. Code in a
//! language no syntax knows is written plain, as Hugo does. Syntaxes come from
//! syntect; the colours are monokai's.

use crate::text::escape::escape_code;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use syntect::easy::HighlightLines;
use syntect::highlighting::{
    Color, FontStyle, ScopeSelectors, StyleModifier, Theme, ThemeItem, ThemeSettings,
};
use syntect::parsing::{SyntaxReference, SyntaxSet};

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static MONOKAI: LazyLock<Theme> = LazyLock::new(monokai);

/// Loads the syntaxes and the colour theme ahead of the first code block.
pub fn warm_up() {
    LazyLock::force(&SYNTAXES);
    LazyLock::force(&MONOKAI);
}

const PRE_STYLE: &str =
    "color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;";
const LINE_NUMBER_STYLE: &str = "white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f";
const HIGHLIGHTED_LINE: &str = "display:flex; background-color:#3c3d38";
const CELL_STYLE: &str = "vertical-align:top;padding:0;margin:0;border:0;";

fn color(hex: u32) -> Color {
    Color {
        r: (hex >> 16) as u8,
        g: (hex >> 8) as u8,
        b: hex as u8,
        a: 0xff,
    }
}

/// Monokai, as scope rules.
fn monokai() -> Theme {
    let rules: &[(&str, u32)] = &[
        ("comment", 0x75715e),
        ("string", 0xe6db74),
        (
            "constant.numeric, constant.language, constant.character, constant.other",
            0xae81ff,
        ),
        (
            "keyword, storage, keyword.operator, entity.name.tag, punctuation.definition.tag",
            0xf92672,
        ),
        (
            "storage.type, support.function, support.type, support.class, entity.name.type",
            0x66d9ef,
        ),
        (
            "entity.name.function, entity.name.class, entity.other.inherited-class, entity.other.attribute-name",
            0xa6e22e,
        ),
        ("variable.parameter", 0xfd971f),
        ("meta.diff.header, markup.deleted", 0xf92672),
        ("markup.inserted", 0xa6e22e),
    ];
    let scopes = rules
        .iter()
        .filter_map(|(selector, hex)| {
            Some(ThemeItem {
                scope: selector.parse::<ScopeSelectors>().ok()?,
                style: StyleModifier {
                    foreground: Some(color(*hex)),
                    background: None,
                    font_style: None,
                },
            })
        })
        .collect();
    Theme {
        name: Some("monokai".into()),
        author: None,
        settings: ThemeSettings {
            foreground: Some(color(0xf8f8f2)),
            background: Some(color(0x272822)),
            ..Default::default()
        },
        scopes,
    }
}

/// Chroma's names for languages that syntect calls otherwise.
fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let lang = lang.to_lowercase();
    let name = match lang.as_str() {
        "shell" | "console" | "sh" | "zsh" | "shell-session" | "bash" => "bash",
        "yml" => "yaml",
        "js" | "javascript" | "node" => "js",
        "golang" => "go",
        "py" | "python3" => "py",
        "rb" => "rb",
        "c++" => "cpp",
        "cs" | "csharp" | "c#" => "cs",
        "md" | "markdown" => "md",
        "text" | "plain" | "plaintext" | "no-highlight" => "txt",
        other => other,
    };
    SYNTAXES.find_syntax_by_token(name)
}

/// How a code block is shown (Hugo's highlight options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `linenos`: `None` off, `Some(true)` in a table, `Some(false)` inline.
    pub line_numbers: Option<bool>,
    pub line_start: usize,
    /// 1-based line numbers (counted from the first line) to highlight.
    pub highlighted: Vec<usize>,
    /// Other attributes of a fence (`title`, `class`…), in their order.
    pub attributes: Vec<(String, String)>,
}

impl Options {
    /// Parses `linenos=table,hl_lines=2 4-5,linenostart=10` (highlight shortcode) or
    /// the `{linenos=table hl_lines=[2,"4-5"]}` attributes of a fence.
    pub fn parse(text: &str) -> Options {
        let mut options = Options {
            line_start: 1,
            ..Default::default()
        };
        for (key, value) in pairs(text) {
            match key.as_str() {
                "linenos" => {
                    // `true` takes Hugo's default, `lineNumbersInTable = true`.
                    options.line_numbers = match value.as_str() {
                        "table" | "true" => Some(true),
                        "inline" => Some(false),
                        _ => None,
                    }
                }
                "linenostart" => options.line_start = value.parse().unwrap_or(1),
                "hl_lines" => options.highlighted = parse_line_ranges(&value),
                k if HIGHLIGHT_KEYS.contains(&k) => {}
                _ => options.attributes.push((key, value)),
            }
        }
        options
    }
}

/// The keys of a fence's attributes that set how it is highlighted (Hugo's
/// `.Options` of a code block); the others are its `.Attributes`.
pub const HIGHLIGHT_KEYS: &[&str] = &[
    "linenos",
    "linenostart",
    "hl_lines",
    "style",
    "linenoswidth",
    "anchorlinenos",
    "lineanchors",
    "guesssyntax",
    "nohl",
    "noclasses",
    "tabwidth",
    "wrapperclass",
    "hl_inline",
];

/// The `key=value` pairs of `linenos=table,hl_lines=2 4-5` (highlight shortcode)
/// or of a fence's `{linenos=table hl_lines=[2,"4-5"] title="A file"}`, keys
/// lower-cased, in their order.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    let text = text.trim().trim_start_matches('{').trim_end_matches('}');
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let key = rest
            .get(..eq)
            .unwrap_or_default()
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_lowercase();
        let after = rest.get(eq + 1..).unwrap_or_default().trim_start();
        let (value, next) = if let Some(list) = after.strip_prefix('[') {
            let end = list.find(']').unwrap_or(list.len());
            (
                list.get(..end).unwrap_or_default(),
                list.get(end + 1..).unwrap_or(""),
            )
        } else if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (
                quoted.get(..end).unwrap_or_default(),
                quoted.get(end + 1..).unwrap_or(""),
            )
        } else {
            // hl_lines may hold spaces ("2 4-5"); other values end at a space too.
            let end = if key == "hl_lines" {
                after.find(',').unwrap_or(after.len())
            } else {
                after
                    .find(|c: char| c == ',' || c.is_whitespace())
                    .unwrap_or(after.len())
            };
            (
                after.get(..end).unwrap_or_default(),
                after.get(end..).unwrap_or_default(),
            )
        };
        out.push((key, value.trim().trim_matches('"').to_string()));
        rest = next;
    }
    out
}

fn parse_line_ranges(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for part in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|p| p.trim_matches('"'))
        .filter(|p| !p.is_empty())
    {
        match part.split_once('-') {
            Some((a, b)) => {
                if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    out.extend(a..=b);
                }
            }
            None => out.extend(part.parse::<usize>().ok()),
        }
    }
    out
}

/// Whether code in language `lang` is highlighted (`transform.CanHighlight`).
pub fn knows(lang: &str) -> bool {
    !lang.is_empty() && syntax_for(lang).is_some()
}

/// The HTML of a code block in language `lang` (empty: none). The same block
/// highlighted again (another language's translation of a page, a snippet many
/// pages show) comes from a build-wide cache.
pub fn code_block(lang: &str, code: &str, options: &Options) -> String {
    type Key = (String, String, String);
    static CACHE: LazyLock<Mutex<HashMap<Key, String>>> = LazyLock::new(Default::default);
    let key = (lang.to_string(), code.to_string(), format!("{options:?}"));
    if let Some(html) = CACHE.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return html.clone();
    }
    let html = highlight_block(lang, code, options);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    // A long-running server sees many versions of blocks being written.
    if cache.len() >= 20_000 {
        cache.clear();
    }
    cache.insert(key, html.clone());
    html
}

fn highlight_block(lang: &str, code: &str, options: &Options) -> String {
    let mut escaped = String::with_capacity(code.len() + 16);
    let code_lang_attrs = if lang.is_empty() {
        String::new()
    } else {
        let mut l = String::new();
        escape_code(&mut l, lang);
        format!(" class=\"language-{l}\" data-lang=\"{l}\"")
    };
    let Some(syntax) = (!lang.is_empty()).then(|| syntax_for(lang)).flatten() else {
        escape_code(&mut escaped, code);
        return format!("<pre tabindex=\"0\"><code{code_lang_attrs}>{escaped}</code></pre>");
    };
    let mut highlighter = HighlightLines::new(syntax, &MONOKAI);
    let mut lines = String::new();
    let mut numbers = String::new();
    let source = if code.ends_with('\n') {
        code.to_string()
    } else {
        format!("{code}\n")
    };
    // Code without a final line end (the `highlight` function's) ends without one.
    let last = syntect::util::LinesWithEndings::from(&source).count() - 1;
    let final_newline = code.ends_with('\n');
    // Chroma pads line numbers to the widest one's digits.
    let width = (options.line_start + last).to_string().len();
    // Empty code has no lines at all.
    let source = if code.is_empty() {
        String::new()
    } else {
        source
    };
    for (i, line) in syntect::util::LinesWithEndings::from(&source).enumerate() {
        let number = format!("{:>width$}", options.line_start + i);
        let highlighted = options.highlighted.contains(&(i + 1));
        if highlighted {
            lines.push_str(&format!("<span style=\"{HIGHLIGHTED_LINE}\">"));
        } else {
            lines.push_str("<span style=\"display:flex;\">");
        }
        if options.line_numbers == Some(false) {
            lines.push_str(&format!(
                "<span style=\"{LINE_NUMBER_STYLE}\">{number}</span>"
            ));
        }
        if options.line_numbers == Some(true) {
            let number = format!("<span style=\"{LINE_NUMBER_STYLE}\">{number}\n</span>");
            if highlighted {
                numbers.push_str(&format!(
                    "<span style=\"background-color:#3c3d38\">{number}</span>"
                ));
            } else {
                numbers.push_str(&number);
            }
        }
        lines.push_str("<span>");
        let tokens = highlighter
            .highlight_line(line, &SYNTAXES)
            .unwrap_or_default();
        // Neighbouring tokens of one style become one span, as in Chroma.
        let mut merged: Vec<(syntect::highlighting::Style, String)> = Vec::new();
        for (style, text) in tokens {
            let text = text.strip_suffix('\n').unwrap_or(text);
            match merged.last_mut() {
                Some((last, acc)) if *last == style => acc.push_str(text),
                _ => merged.push((style, text.to_string())),
            }
        }
        for (style, text) in merged {
            if text.is_empty() {
                continue;
            }
            let mut piece = String::new();
            escape_code(&mut piece, &text);
            let fg = style.foreground;
            let is_default = (fg.r, fg.g, fg.b) == (0xf8, 0xf8, 0xf2);
            let bold = style.font_style.contains(FontStyle::BOLD);
            if is_default && !bold {
                lines.push_str(&piece);
            } else {
                let weight = if bold { ";font-weight:bold" } else { "" };
                lines.push_str(&format!(
                    "<span style=\"color:#{:02x}{:02x}{:02x}{weight}\">{piece}</span>",
                    fg.r, fg.g, fg.b
                ));
            }
        }
        if i < last || final_newline {
            lines.push('\n');
        }
        lines.push_str("</span></span>");
    }
    // Chroma (as in Hugo 0.168) turns off text size adjusting, and lays a
    // block with highlighted lines out as a grid.
    let mut style = PRE_STYLE.to_string();
    style.push_str("-webkit-text-size-adjust:none;");
    if !options.highlighted.is_empty() {
        style.push_str("display:grid;");
    }
    if options.line_numbers == Some(true) {
        format!(
            "<div{}><div style=\"{style}\">\n<table style=\"border-spacing:0;padding:0;margin:0;border:0;\"><tr><td style=\"{CELL_STYLE}\">\n<pre tabindex=\"0\" style=\"{style}\"><code>{numbers}</code></pre></td>\n<td style=\"{CELL_STYLE};width:100%\">\n<pre tabindex=\"0\" style=\"{style}\"><code{code_lang_attrs}>{lines}</code></pre></td></tr></table>\n</div>\n</div>",
            wrapper_attributes(&options.attributes)
        )
    } else {
        // Chroma (as in Hugo 0.168) ends the block without a line end.
        format!(
            "<div{}><pre tabindex=\"0\" style=\"{style}\"><code{code_lang_attrs}>{lines}</code></pre></div>",
            wrapper_attributes(&options.attributes)
        )
    }
}

/// The attributes of a highlighted block's `div`: `class="highlight"` plus a
/// fence's own class, then its other attributes, as Hugo writes them.
fn wrapper_attributes(attributes: &[(String, String)]) -> String {
    let mut class = String::from("highlight");
    let mut rest = String::new();
    for (key, value) in attributes {
        let mut escaped = String::new();
        escape_code(&mut escaped, value);
        if key == "class" {
            class.push(' ');
            class.push_str(&escaped);
        } else {
            rest.push_str(&format!(" {key}=\"{escaped}\""));
        }
    }
    format!(" class=\"{class}\"{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_is_highlighted_in_chromas_shape() {
        let html = code_block("bash", "echo 'hi' # greet\n", &Options::parse(""));
        assert!(html.starts_with("<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;\"><code class=\"language-bash\" data-lang=\"bash\"><span style=\"display:flex;\"><span>"), "{html}");
        assert!(html.contains("<span style=\"color:#66d9ef\">echo</span> <span style=\"color:#e6db74\">&#39;hi&#39;</span> <span style=\"color:#75715e\"># greet</span>"), "{html}");
        assert!(
            html.ends_with("\n</span></span></code></pre></div>"),
            "{html}"
        );
    }

    #[test]
    fn fence_attributes_go_on_the_highlighted_block() {
        let options = Options::parse(r#"{title="main.py" class="wide" linenos=false}"#);
        let html = code_block("python", "x = 1\n", &options);
        assert!(
            html.starts_with("<div class=\"highlight wide\" title=\"main.py\"><pre tabindex=\"0\""),
            "{html}"
        );
        // Without highlighting there is no block to carry them, as in Hugo.
        let plain = code_block("nosuchlang", "x\n", &options);
        assert_eq!(
            plain,
            "<pre tabindex=\"0\"><code class=\"language-nosuchlang\" data-lang=\"nosuchlang\">x\n</code></pre>"
        );
    }

    #[test]
    fn text_of_every_line_is_kept() {
        let code = "fn main() {\n    let a = \"<&>\";\n}\n";
        let html = code_block("rust", code, &Options::parse(""));
        let text = regex::Regex::new(r"<[^>]*>")
            .unwrap()
            .replace_all(&html, "");
        assert_eq!(
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&amp;", "&")
                .trim_end(),
            code.trim_end()
        );
    }

    #[test]
    fn unknown_and_missing_languages_are_plain() {
        assert_eq!(
            code_block("xyz", "a<b\n", &Options::default()),
            "<pre tabindex=\"0\"><code class=\"language-xyz\" data-lang=\"xyz\">a&lt;b\n</code></pre>"
        );
        assert_eq!(
            code_block("", "a\n", &Options::default()),
            "<pre tabindex=\"0\"><code>a\n</code></pre>"
        );
    }

    #[test]
    fn options() {
        let o = Options::parse("linenos=table,hl_lines=2 4-5,linenostart=10");
        assert_eq!(
            (o.line_numbers, o.line_start, o.highlighted),
            (Some(true), 10, vec![2, 4, 5])
        );
        let o = Options::parse("{linenos=inline hl_lines=[2,\"4-5\"]}");
        assert_eq!(
            (o.line_numbers, o.highlighted),
            (Some(false), vec![2, 4, 5])
        );
        let html = code_block("go", "a\nb\n", &Options::parse("linenos=inline,hl_lines=2"));
        assert!(html.contains("<span style=\"display:flex; background-color:#3c3d38\"><span style=\"white-space:pre;-webkit-user-select:none;user-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">2</span>"), "{html}");
    }
}
