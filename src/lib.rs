//! labsite: renders Hugo workshop sites (learn / relearn themes) with one binary.
//!
//! The pipeline: [`config`] → [`content`] (load) → [`shortcode`] (expand) →
//! [`markdown`] → [`templates`] → [`render`] → [`output`] (write),
//! driven by [`site`]; [`serve`] and [`check`] are commands built on it.
//!
//! Layers, top first. A module uses only modules below it; `tests/layers.rs`
//! reads this list and fails on a use of a module above:
//!
//! - `cli`: the command line
//! - `deploy`: publishing the built site to a bucket
//! - `scaffold`: new sites and pages (`labsite new`)
//! - `report`: the JSON report of a build
//! - `check`: the link checker
//! - `serve`: the dev server
//! - `site`: a whole build, from loading to writing
//! - `url_rewrite`: relative and canonical URLs of written pages
//! - `output`: staging, writing and committing files
//! - `minify`: minified HTML
//! - `timings`: the phases' times (`LABSITE_TIMINGS`)
//! - `render`: page bodies, pages, feeds, summaries, destinations
//! - `templates`: everything run through templates: the embedded theme (Tera),
//!   the site's Go templates and Hugo's functions and objects for them,
//!   shortcodes, customisation parts, menu, i18n
//! - `library`: the site model: pages, references, translations, assets used
//! - `output_format`: Hugo's output formats of each page kind
//! - `custom_format`: output formats drawn from the site's layouts
//! - `navigation`: menus and previous/next
//! - `shortcode`: shortcode lexing, pairing and expansion
//! - `markdown`: Markdown to HTML as Goldmark writes it
//! - `gotemplate`: the Go-template engine alone
//! - `content`: the content tree, loaded
//! - `data_dir`: the `data/` folders of the site and its themes (`.Site.Data`)
//! - `frontmatter`: front matter
//! - `config`: the site's configuration
//! - `confine`: the folders a build may read
//! - `data_format`: YAML, TOML and JSON data
//! - `date`: dates as Hugo reads and formats them
//! - `error`: errors and warnings with their positions
//! - `text`: escaping, sanitising, URL text, heading ids

// Input never makes labsite panic: no unwrap, expect, panic or unchecked
// indexing in library code (tests may); modules that index by ids they made
// say so at their top.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod check;
pub mod cli;
pub mod config;
pub mod confine;
pub mod content;
pub mod custom_format;
pub mod data_dir;
pub mod data_format;
pub mod date;
pub mod deploy;
pub mod error;
pub mod frontmatter;
pub mod gotemplate;
pub mod library;
pub mod markdown;
pub mod minify;
pub mod navigation;
pub mod output;
pub mod output_format;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod shortcode;
pub mod site;
pub mod templates;
pub mod text;
pub mod timings;
pub mod url_rewrite;
