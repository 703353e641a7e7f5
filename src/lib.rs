//! labsite: renders Hugo workshop sites (learn / relearn themes) with one binary.
//!
//! The pipeline, one module per stage: [`config`] → [`content`] (load) →
//! [`shortcode`] (expand) → [`markdown`] (render) → [`theme`] (templates) →
//! [`output`] (write), orchestrated by [`site`]; [`check`] reads a build for
//! broken links.

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
