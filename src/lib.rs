//! labsite: renders Hugo workshop sites (learn / relearn themes) with one binary.
//!
//! The pipeline, one module per stage: [`config`] → [`content`] (load) →
//! [`shortcode`] (expand) → [`markdown`] (render) → [`theme`] (templates) →
//! [`output`] (write), orchestrated by [`site`]; [`check`] reads a build for
//! broken links.

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod data_format;
pub mod date;
pub mod error;
pub mod frontmatter;
pub mod gotemplate;
pub mod markdown;
pub mod minify;
pub mod navigation;
pub mod output;
pub mod output_format;
pub mod patterns;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod serve;
pub mod shortcode;
pub mod site;
pub mod theme;
pub mod timings;
pub mod url_rewrite;
