//! Text in, text out: escaping for every output language, sanitising what
//! authors write outside Markdown, URL text, heading ids, letter case and the
//! regular expressions of labsite's own code. Knows nothing of sites or
//! templates; every other module may use it.

pub mod anchor;
pub mod case;
pub mod escape;
pub mod patterns;
pub mod sanitize;
pub mod url;
