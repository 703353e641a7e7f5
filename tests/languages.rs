//! Every language as Hugo 0.168 builds it: a bundle's files in each language
//! (a file is the language its name says, else the default language's; each
//! translation links to a version it lacks where that version is published),
//! learn's attachments folder of each language, the root's redirect. The
//! expected files are Hugo 0.168's output for the same site.

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
    // The content's files (the embedded theme's own images aside).
    published.retain(|f| (f.ends_with(".png") || f.ends_with(".md")) && !f.starts_with("images/"));
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

/// learn's `attachments` lists the folder named after the page's file with
/// its language (`_index.en.files/`), each language its own.
#[test]
fn attachments_of_a_file_with_a_language_suffix() {
    let dir = site_from(&[
        (
            "config.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Q'\ntheme = 'learn'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        ),
        (
            "content/sec/_index.en.md",
            "---\ntitle: S\n---\n{{% attachments /%}}\n",
        ),
        (
            "content/sec/_index.fr.md",
            "---\ntitle: S\n---\n{{% attachments /%}}\n",
        ),
        ("content/sec/_index.en.files/a.txt", "hi"),
        ("content/sec/_index.fr.files/b.txt", "salut"),
    ]);
    build_ok(dir.path(), &[]);
    let en = read(dir.path(), "public/sec/index.html");
    assert_contains(&en, "<a href=\"/sec/_index.en.files/a.txt\"");
    assert!(!en.contains("b.txt"));
    let fr = read(dir.path(), "public/fr/sec/index.html");
    assert_contains(&fr, "<a href=\"/fr/sec/_index.fr.files/b.txt\"");
    assert!(!fr.contains("a.txt"));
    assert_eq!(read(dir.path(), "public/sec/_index.en.files/a.txt"), "hi");
}

/// With `uglyURLs` and the default language in its folder, the root's
/// redirect leads to that language's `index.html` and is written over that
/// home page too (which then leads to itself), as Hugo 0.168 writes both; the
/// warning names the setting, and `--panicOnWarning` fails the build.
#[test]
fn the_root_redirect_with_ugly_urls_names_index_html() {
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Q'\nuglyURLs = true\ndefaultContentLanguage = 'en'\ndefaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n[languages.ko]\nweight = 2\n",
        ),
        ("content/_index.en.md", "---\ntitle: Home\n---\nhome\n"),
        ("content/_index.ko.md", "---\ntitle: Home\n---\nhome ko\n"),
        ("layouts/index.html", "HOME {{ .Content }}\n"),
    ];
    let dir = site_from(&files);
    let run = build_ok(dir.path(), &[]);
    let redirect = "<!DOCTYPE html>\n<html lang=\"en\">\n\t<head>\n\t\t<title>https://example.org/en/index.html</title>\n\t\t<link rel=\"canonical\" href=\"https://example.org/en/index.html\">\n\t\t<meta charset=\"utf-8\">\n\t\t<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/en/index.html\">\n\t</head>\n</html>\n";
    assert_eq!(read(dir.path(), "public/index.html"), redirect);
    assert_eq!(read(dir.path(), "public/en/index.html"), redirect);
    assert_eq!(
        read(dir.path(), "public/ko/index.html"),
        "HOME <p>home ko</p>\n\n"
    );
    let warning = "hugo.toml:3:1: with uglyURLs and defaultContentLanguageInSubdir, the root's redirect is written over the home page en/index.html too, which then redirects to itself, as Hugo 0.168 writes it (set defaultContentLanguageInSubdir = false, or uglyURLs = false, to keep the home page)";
    assert_contains(&run.stderr, &format!("warning: {warning}"));
    assert_fails_under_panic_on_warning(&files, &format!("error: {warning}"));
}

/// learn's strings in each language it ships (here Japanese): a second
/// language's 404 page and its pages print them, not English.
#[test]
fn learn_prints_its_strings_in_the_pages_language() {
    let dir = site_from(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'J'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
        ),
        (
            "content/p.ja.md",
            "---\ntitle: P\n---\n{{% expand %}}x{{% /expand %}}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let not_found = read(dir.path(), "public/ja/404.html");
    assert_contains(&not_found, "<h1>エラー</h1>");
    assert_contains(
        &not_found,
        "<p>おっと。ページが見当たりません。 ¯\\_(ツ)_/¯.</p>",
    );
    assert_contains(&not_found, "<a href=\"/ja/\">ホームページへ行く</a>");
    assert_contains(&read(dir.path(), "public/ja/p/index.html"), "開く...");
    assert_contains(&read(dir.path(), "public/404.html"), "<h1>Error</h1>");
}

/// A string missing in a language comes from the default content language
/// (French here), never from English unless English is the default: German
/// prints French `x` and its own `z`, and no language prints English-only `y`
/// but English itself.
#[test]
fn a_missing_string_falls_back_to_the_default_content_language() {
    assert_same_as_hugo("i18n-fallback", 3);
}

/// For a default language the theme ships no strings for (Vietnamese here;
/// the theme has English only), Hugo prints nothing, and so does labsite:
/// the embedded theme's English does not stand in for it; English pages get
/// the theme's English. A key no language has prints nothing either.
#[test]
fn a_language_the_theme_does_not_ship_gets_no_english_strings() {
    assert_same_as_hugo("i18n-unshipped-language", 2);
}

/// relearn's strings in each language it ships (relearn 8's translations;
/// here German, the default, and French): box titles, the expander, the
/// chapter heading, the menu's title, the search field and the 404 page,
/// whose heading id is its text anchorized. A site on relearn 5 (its go.mod
/// says so) gets relearn 5's wording where it differed: German's "Fehler".
#[test]
fn relearn_prints_its_strings_in_the_pages_language() {
    let config = "baseURL = 'https://example.org/'\ntitle = 'W'\ntheme = 'hugo-theme-relearn'\ndefaultContentLanguage = 'de'\n[languages.de]\nweight = 1\n[languages.fr]\nweight = 2\n[[languages.de.menu.shortcuts]]\nname = 'Docs'\nurl = 'https://docs.example.org/'\n";
    let files = [
        ("hugo.toml", config),
        (
            "content/_index.de.md",
            "---\ntitle: Start\n---\n{{% notice note %}}\nText.\n{{% /notice %}}\n\n{{% expand %}}\nMehr.\n{{% /expand %}}\n",
        ),
        (
            "content/_index.fr.md",
            "---\ntitle: Accueil\n---\n{{% notice tip %}}\nTexte.\n{{% /notice %}}\n",
        ),
        (
            "content/chap/_index.de.md",
            "---\ntitle: Eins\nweight: 1\nchapter: true\n---\n# Eins\n",
        ),
    ];
    let dir = site_from(&files);
    build_ok(dir.path(), &[]);
    let home = read(dir.path(), "public/index.html");
    assert_contains(
        &home,
        "<i class=\"fa-fw fas fa-exclamation-circle\"></i> \n    Anmerkung\n",
    );
    assert_contains(
        &home,
        "<i class=\"expander-icon fa-fw fas fa-chevron-right\"></i> \n    Erweitere mich...\n",
    );
    assert_contains(&home, "placeholder=\"Suchen...\"");
    assert_contains(&home, "<div class=\"nav-title padding\">Mehr</div>");
    assert_contains(
        &read(dir.path(), "public/chap/index.html"),
        "<div class=\"article-subheading\">Kapitel 1</div>",
    );
    let fr = read(dir.path(), "public/fr/index.html");
    assert_contains(
        &fr,
        "<i class=\"fa-fw fas fa-lightbulb\"></i> \n    Astuce\n",
    );
    assert_contains(&fr, "placeholder=\"Rechercher...\"");
    assert_contains(
        &read(dir.path(), "public/404.html"),
        "<h2 id=\"nicht-gefunden\">Nicht gefunden</h2>\n            <p>Huch. Diese Seite scheint nicht zu existieren ¯\\_(ツ)_/¯.</p>\n            <p><a href=\"/\">Gehe zur Homepage</a></p>",
    );
    assert_contains(
        &read(dir.path(), "public/fr/404.html"),
        "<h2 id=\"non-localisé\">Non localisé</h2>\n            <p>Oups. On dirait que cette page n&#39;existe pas ¯\\_(ツ)_/¯</p>\n            <p><a href=\"/fr/\">Vers la page d&#39;accueil</a></p>",
    );

    let go_mod = "module x\n\ngo 1.19\n\nrequire github.com/McShelby/hugo-theme-relearn v5.12.0 // indirect\n";
    let relearn5 = site_from(&[files[0], files[1], ("go.mod", go_mod)]);
    build_ok(relearn5.path(), &[]);
    assert_contains(
        &read(relearn5.path(), "public/404.html"),
        "<h1 id=\"fehler\">Fehler</h1>\n            <p>Huch. Diese Seite scheint nicht zu existieren ¯\\_(ツ)_/¯.</p>",
    );
}
