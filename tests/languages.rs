//! Every language as Hugo 0.168 builds it: a bundle's files in each language
//! (a file is the language its name says, else the default language's; each
//! translation links to a version it lacks where that version is published).
//! The expected files are Hugo 0.168's output for the same site.

mod common;
use common::*;

/// `p/` has an English and a Japanese page: `image.ja.png` stands in for
/// `image.png` on the Japanese page, `sub/x.png` is published once, under
/// English, and both link to it; `notes.md` is a page resource of English
/// alone and never published. `r/` has a Japanese page only: its files are
/// English and published nowhere. `sec/`'s files are shared by its three
/// languages, each taking its own version of `d.png` first.
#[test]
fn bundle_files_are_shared_between_languages_as_hugo_shares_them() {
    let dir = assert_same_as_hugo("language-resources", 18);
    let mut published = Vec::new();
    files_under(&dir.path().join("public"), "", &mut published);
    published.retain(|f| f.ends_with(".png") || f.ends_with(".md"));
    assert_eq!(
        published,
        [
            "en/p/image.png",
            "en/p/sub/x.png",
            "en/sec/a.png",
            "en/sec/sub/b.png",
            "fr/sec/d.fr.png",
            "ja/p/image.ja.png",
            "ja/sec/c.ja.png",
            "ja/sec/d.ja.png",
        ]
    );
}
