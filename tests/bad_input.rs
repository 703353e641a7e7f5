//! The bad-input suite: each case breaks a good site in one way and asserts
//! that `labsite build` exits with 1, prints exactly the expected message (with
//! `path:line:col` where the problem has a place), leaves the previous `public/`
//! byte for byte as it was, and never writes to the content tree.
//! Hostile input that is valid (a BOM, a 50 MB page, 20k pages in a section,
//! an include of itself) builds.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::Path;

const CONFIG: &str = "baseURL = 'https://example.org/'\ntitle = 'Bad input'\n";

/// One way to break the site.
struct Case {
    name: &'static str,
    /// Files written over the good site (path, bytes).
    files: &'static [(&'static str, &'static [u8])],
    /// Extra arguments of `labsite build`.
    args: &'static [&'static str],
    /// What the build prints on stderr, exactly.
    expected: &'static str,
    /// Breaks the site in ways files cannot (removing, linking).
    prepare: Option<fn(&Path)>,
}

const fn case(
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    expected: &'static str,
) -> Case {
    Case {
        name,
        files,
        args: &[],
        expected,
        prepare: None,
    }
}

const CASES: &[Case] = &[
    // Front matter.
    case(
        "malformed YAML",
        &[("content/p.md", b"---\ntitle: x\ntags: [a, b\n---\nbody\n")],
        "error: content/p.md:4:1: invalid YAML front matter: did not find expected ',' or ']'",
    ),
    case(
        "unterminated YAML",
        &[("content/p.md", b"---\ntitle: x\n")],
        "error: content/p.md:3:1: EOF looking for end YAML front matter delimiter (add a line `---` after the front matter)",
    ),
    case(
        "YAML with a tab",
        &[("content/p.md", b"---\ntitle:\tx\n\tweight: 1\n---\n")],
        "error: content/p.md:3:1: invalid YAML front matter: found a tab character that violates indentation",
    ),
    // A YAML key given twice is accepted, as older Hugo accepted it (tests/build.rs).
    case(
        "YAML mis-indented",
        &[("content/p.md", b"---\ntitle: x\n  weight: 1\n---\n")],
        "error: content/p.md:3:9: invalid YAML front matter: mapping values are not allowed in this context",
    ),
    case(
        "YAML that is a list",
        &[("content/p.md", b"---\n- a\n- b\n---\nx\n")],
        "error: content/p.md:2:1: invalid YAML front matter: expected a map of keys and values",
    ),
    case(
        "malformed YAML after a BOM",
        &[("content/p.md", b"\xef\xbb\xbf---\ntitle: [x\n---\nbody\n")],
        "error: content/p.md:3:1: invalid YAML front matter: did not find expected ',' or ']'",
    ),
    case(
        "malformed TOML",
        &[("content/p.md", b"+++\ntitle = \"x\"\nweight = \n+++\n")],
        "error: content/p.md:3:10: invalid TOML front matter: string values must be quoted, expected literal string",
    ),
    case(
        "unterminated TOML",
        &[("content/p.md", b"+++\ntitle = \"x\"\n")],
        "error: content/p.md:3:1: EOF looking for end TOML front matter delimiter (add a line `+++` after the front matter)",
    ),
    case(
        "TOML key twice",
        &[("content/p.md", b"+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n")],
        "error: content/p.md:3:1: invalid TOML front matter: duplicate key",
    ),
    case(
        "malformed JSON",
        &[(
            "content/p.md",
            b"{\n  \"title\": \"x\",\n  \"weight\" 3\n}\n",
        )],
        "error: content/p.md:3:12: invalid JSON front matter: expected `:`",
    ),
    case(
        "JSON with a trailing comma",
        &[("content/p.md", b"{\"title\": \"x\",}\n")],
        "error: content/p.md:1:15: invalid JSON front matter: trailing comma",
    ),
    case(
        // As in Hugo, a file starting with `{` has JSON front matter, even `{{<`.
        "shortcode as the first thing of a page",
        &[("content/p.md", b"{{< notice >}}")],
        "error: content/p.md:1:2: invalid JSON front matter: key must be a string",
    ),
    case(
        "a line of pluses that is not TOML's delimiter",
        &[("content/p.md", b"+ title")],
        "error: content/p.md:1:1: invalid TOML delimiter",
    ),
    case(
        "unterminated JSON",
        &[("content/p.md", b"{\n\"title\": \"x\"\n")],
        "error: content/p.md:3:1: unexpected EOF parsing JSON front matter",
    ),
    case(
        "invalid UTF-8 in the body",
        &[("content/p.md", b"---\ntitle: x\n---\nab\xffcd\n")],
        "error: content/p.md:4:3: invalid UTF-8 (save the file as UTF-8)",
    ),
    case(
        "invalid UTF-8 in front matter",
        &[("content/p.md", b"---\ntitle: caf\xe9\n---\n")],
        "error: content/p.md:2:11: invalid UTF-8 (save the file as UTF-8)",
    ),
    // Shortcodes.
    case(
        "shortcode tag never closed",
        &[("content/p.md", b"x\n  {{< notice info\nmore\n")],
        "error: content/p.md:2:3: unclosed shortcode action",
    ),
    case(
        "closing tag with none open",
        &[("content/p.md", b"x\n{{% /notice %}}\n")],
        "error: content/p.md:2:1: got closing shortcode \"notice\", but none is open",
    ),
    case(
        "mismatched closing tag",
        &[("content/p.md", b"x\n{{% notice info %}}y{{% /expand %}}\n")],
        "error: content/p.md:2:21: closing tag for shortcode 'expand' does not match start tag 'notice'",
    ),
    case(
        "unknown shortcode",
        &[("content/p.md", b"x\n\n{{< nope >}}\n")],
        "error: content/p.md:3:1: template for shortcode \"nope\" not found",
    ),
    case(
        "unknown shortcode, Markdown form",
        &[("content/p.md", b"x\n{{% nope %}}\n")],
        "error: content/p.md:2:1: template for shortcode \"nope\" not found",
    ),
    case(
        "positional after named parameter",
        &[("content/p.md", b"x\n{{< notice k=v a >}}y{{< /notice >}}\n")],
        "error: content/p.md:2:16: got positional parameter 'a'. Cannot mix named and positional parameters",
    ),
    case(
        "named after positional parameter",
        &[("content/p.md", b"x\n{{< notice a k=v >}}y{{< /notice >}}\n")],
        "error: content/p.md:2:14: got named parameter 'k'. Cannot mix named and positional parameters",
    ),
    case(
        "unterminated quoted parameter",
        &[("content/p.md", b"x\n{{< notice \"info >}}\ny\n")],
        "error: content/p.md:2:12: unterminated quoted string in shortcode parameter-argument: 'info >}}'",
    ),
    case(
        "unquoted parameter with a colon",
        &[("content/p.md", b"x\n{{< siteparam http://x >}}\n")],
        "error: content/p.md:2:19: unrecognized character in shortcode action: U+003A ':'. Note: Parameters with non-alphanumeric args must be quoted",
    ),
    case(
        "unclosed /* */ escape",
        &[("content/p.md", b"x\n{{</* notice info >}}\n")],
        "error: content/p.md:2:1: comment must be closed (end it with `*/>}}` or `*/%}}`)",
    ),
    case(
        "shortcode without a name",
        &[("content/p.md", b"x {{< >}}\n")],
        "error: content/p.md:1:3: shortcode has no name",
    ),
    case(
        "closing tag for a shortcode without inner content",
        &[("content/p.md", b"x\n{{< youtube abc >}}{{< /youtube >}}\n")],
        "error: content/p.md:2:20: shortcode \"youtube\" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided",
    ),
    Case {
        name: "nested 200 levels deep",
        files: &[],
        args: &[],
        expected: "error: content/p.md:2:1901: shortcodes nested more than 100 levels deep (close the ones above before opening more)",
        prepare: Some(|dir| {
            let (open, close) = ("{{< notice info >}}", "{{< /notice >}}");
            let page = format!("x\n{}y{}\n", open.repeat(200), close.repeat(200));
            std::fs::write(dir.join("content/p.md"), page).unwrap()
        }),
    },
    case(
        "tab outside tabs",
        &[("content/p.md", b"x\n{{% tab name=\"x\" %}}y{{% /tab %}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"tab\": tab shortcode missing its parent (put it inside {{< tabs >}} \u{2026} {{< /tabs >}})",
    ),
    case(
        "attachments with a bad pattern",
        &[("content/p.md", b"x\n{{% attachments pattern=\"(\" /%}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"attachments\": invalid `pattern`: error parsing regexp: unclosed group: `(`",
    ),
    // Files read by shortcodes and templates.
    case(
        "include of ../../etc/passwd",
        &[("content/p.md", b"x\n{{% include \"../../etc/passwd\" %}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"include\": file \"../../etc/passwd\" is outside the site folder (give a path inside the site, relative to it)",
    ),
    case(
        "include of an absolute path",
        &[("content/p.md", b"x\n{{% include \"/etc/passwd\" %}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"include\": file \"/etc/passwd\" is outside the site folder (give a path inside the site, relative to it)",
    ),
    case(
        "include of a missing file",
        &[("content/p.md", b"x\n{{% include \"content/nope.md\" %}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"include\": file \"content/nope.md\" not found in the site folder",
    ),
    case(
        "readFile of ../../etc/passwd",
        &[
            ("content/p.md", b"x\n{{< rf >}}\n"),
            (
                "layouts/shortcodes/rf.html",
                b"{{ readFile \"../../etc/passwd\" }}",
            ),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"rf\": layouts/shortcodes/rf.html:1:4: file \"../../etc/passwd\" is outside the site folder (give a path inside the site, relative to it)",
    ),
    case(
        "partials including each other in a cycle",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            ("layouts/shortcodes/g.html", b"{{ partial \"a.html\" . }}"),
            ("layouts/partials/a.html", b"{{ partial \"b.html\" . }}"),
            ("layouts/partials/b.html", b"{{ partial \"a.html\" . }}"),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: template \"partials/b.html\" calls itself too deeply (more than 100 levels: do partials call each other in a cycle?)",
    ),
    // References.
    case(
        "missing ref target",
        &[("content/p.md", b"see {{< relref \"missing.md\" >}}\n")],
        "error: content/p.md:1:5: REF_NOT_FOUND: Ref \"missing.md\": page not found (fix the path, or set refLinksErrorLevel = \"WARNING\" to only warn)",
    ),
    case(
        "ambiguous ref",
        &[
            ("content/p.md", b"x\n{{< ref \"a\" >}}\n"),
            ("content/s1/a.md", b"---\ntitle: A1\n---\n"),
            ("content/s2/a.md", b"---\ntitle: A2\n---\n"),
        ],
        "error: content/p.md:2:1: REF_NOT_FOUND: Ref \"a\": page reference is ambiguous (give more of its path) (fix the path, or set refLinksErrorLevel = \"WARNING\" to only warn)",
    ),
    case(
        "param that is not set",
        &[("content/p.md", b"x\n{{< param \"nope\" >}}\n")],
        "error: content/p.md:2:1: failed to render shortcode \"param\": Param \"nope\" not found (set it in the page's front matter or the site's [params])",
    ),
    // Themes and templates.
    case(
        "unknown theme",
        &[("config.toml", b"title = 'E'\ntheme = 'nothere'\n")],
        "error: config.toml: theme \"nothere\" not found in themes/ (add the theme there, or remove `theme` to use labsite's embedded learn theme)",
    ),
    case(
        "Go template that does not parse",
        &[("layouts/partials/logo.html", b"{{ if }}")],
        "error: layouts/partials/logo.html:1:7: missing value for command (fix the Go template)",
    ),
    case(
        "Go template calling an unknown function",
        &[
            ("content/p.md", b"x\n"),
            ("layouts/shortcodes/g.html", b"{{ nofn }}"),
        ],
        "error: layouts/shortcodes/g.html:1:4: function \"nofn\" not defined (labsite has Hugo's common template functions; see the README)",
    ),
    case(
        "Go template failing as it runs",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            ("layouts/shortcodes/g.html", b"{{ index (slice 1) 5 }}"),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: index out of range: 5",
    ),
    case(
        "Go template calling a missing partial",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            (
                "layouts/shortcodes/g.html",
                b"{{ partial \"nope.html\" . }}",
            ),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: partial \"nope.html\" not found (add layouts/partials/nope.html to the site)",
    ),
    case(
        "Tera shortcode failing",
        &[
            ("content/p.md", b"x\n{{< bad >}}\n"),
            ("layouts/shortcodes/bad.tera.html", b"{{ nope.field }}"),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"bad\": Failed to render 'shortcodes/bad.html': Variable `nope.field` not found in context while rendering 'shortcodes/bad.html'",
    ),
    // Configuration.
    case(
        "malformed config",
        &[("config.toml", b"title = 'E\n")],
        "error: config.toml:1:11: invalid TOML config: invalid literal string, expected `'`",
    ),
    case(
        "config table never closed",
        &[("config.toml", b"title = 'E'\n[params\n")],
        "error: config.toml:2:8: invalid TOML config: unclosed table, expected `]`",
    ),
    // Output paths.
    case(
        "two pages on one URL",
        &[
            ("content/a.md", b"---\ntitle: a\nurl: /same/\n---\n"),
            ("content/b.md", b"---\ntitle: b\nurl: /same/\n---\n"),
        ],
        "error: content/b.md: publishes to same/index.html, which content/a.md publishes to as well (change `url` or `slug` of one of them)",
    ),
    case(
        "a static file where a page needs a folder",
        &[
            ("content/p.md", b"---\ntitle: P\n---\nx\n"),
            ("static/p", b"a file"),
        ],
        "error: content/p.md: publishes to p/index.html, but static/p publishes the file p where that needs a folder (rename one of them)",
    ),
    case(
        "url leading outside the site",
        &[("content/p.md", b"---\nurl: \"../../x/\"\n---\n")],
        "error: content/p.md:2:7: `url` \"../../x/\" leads outside the site (give a path inside it, such as /old/page/)",
    ),
    case(
        "alias leading outside the site",
        &[("content/p.md", b"---\naliases: [\"../../../etc/x\"]\n---\n")],
        "error: content/p.md:2:12: `aliases` \"../../../etc/x\" leads outside the site (give a path inside it, such as /old/page/)",
    ),
    case(
        "slug leading outside the site",
        &[("content/p.md", b"---\ntitle: P\nslug: ../../escape\n---\n")],
        "error: content/p.md:3:7: `slug` \"../../escape\" leads outside the site (write it without `..`)",
    ),
    case(
        "tag leading outside the site",
        &[(
            "content/p.md",
            b"---\ntitle: P\ntags: [ok, \"../../up\"]\n---\n",
        )],
        "error: content/p.md:3:13: `tags` \"../../up\" leads outside the site (write it without `..`)",
    ),
    Case {
        name: "output path that is an existing file",
        files: &[("out", b"a file")],
        args: &["-d", "out"],
        expected: "error: out: the output path is an existing file (remove it or choose another with -d)",
        prepare: None,
    },
    Case {
        name: "output path inside an existing file",
        files: &[("out", b"a file")],
        args: &["-d", "out/site"],
        expected: "error: out/site: cannot make the output folder: out is a file (remove it or choose another output with -d)",
        prepare: None,
    },
    Case {
        name: "missing config",
        files: &[],
        args: &[],
        expected: "error: .: Unable to locate config file or config directory (create hugo.toml or config.toml in the site folder)",
        prepare: Some(|dir| std::fs::remove_file(dir.join("config.toml")).unwrap()),
    },
    Case {
        name: "dangling symbolic link",
        files: &[],
        args: &[],
        expected: "error: content/gone.md: is a symbolic link to /nonexistent/gone.md, which does not exist (restore its target or remove the link)",
        prepare: Some(|dir| {
            std::os::unix::fs::symlink("/nonexistent/gone.md", dir.join("content/gone.md")).unwrap()
        }),
    },
    Case {
        name: "unreadable file (a symbolic link to itself)",
        files: &[],
        args: &[],
        expected: "error: content/loop.md: cannot read: Too many levels of symbolic links (os error 40)",
        prepare: Some(|dir| {
            std::os::unix::fs::symlink("loop.md", dir.join("content/loop.md")).unwrap()
        }),
    },
    // Templates that would overflow the stack or take memory without end.
    Case {
        name: "Go template nested 3000 deep",
        files: &[("content/p.md", b"x\n{{< g >}}\n")],
        args: &[],
        expected: "error: layouts/shortcodes/g.html:1:1299: blocks and parentheses nested more than 100 deep (flatten the template, or move parts into partials) (fix the Go template)",
        prepare: Some(|dir| {
            let deep = format!(
                "{}x{}",
                "{{ if true }}".repeat(3000),
                "{{ end }}".repeat(3000)
            );
            write(dir, "layouts/shortcodes/g.html", &deep);
        }),
    },
    Case {
        name: "Go template with 3000 nested parentheses",
        files: &[("content/p.md", b"x\n{{< g >}}\n")],
        args: &[],
        expected: "error: layouts/shortcodes/g.html:1:103: blocks and parentheses nested more than 100 deep (flatten the template, or move parts into partials) (fix the Go template)",
        prepare: Some(|dir| {
            let deep = format!("{{{{ {}1{} }}}}", "(".repeat(3000), ")".repeat(3000));
            write(dir, "layouts/shortcodes/g.html", &deep);
        }),
    },
    Case {
        name: "partial calling itself inside nested blocks",
        files: &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            ("layouts/shortcodes/g.html", b"{{ partial \"r.html\" . }}"),
        ],
        args: &[],
        expected: "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: templates run more than 400 blocks deep (partials that call each other inside nested blocks?)",
        prepare: Some(|dir| {
            let nested = format!(
                "{}{{{{ partial \"r.html\" . }}}}{}",
                "{{ if true }}".repeat(90),
                "{{ end }}".repeat(90)
            );
            write(dir, "layouts/partials/r.html", &nested);
        }),
    },
    case(
        "mod by a fraction",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            ("layouts/shortcodes/g.html", b"{{ mod 5 0.5 }}"),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: the number can't be divided by zero at modulo operation",
    ),
    case(
        "strings.Repeat of 100 billion",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            (
                "layouts/shortcodes/g.html",
                b"{{ strings.Repeat 100000000000 \"ab\" }}",
            ),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:4: strings.Repeat: the result would be 200000000000 bytes, over labsite's limit of 64 MiB",
    ),
    case(
        "seq of a billion",
        &[
            ("content/p.md", b"x\n{{< g >}}\n"),
            (
                "layouts/shortcodes/g.html",
                b"{{ range seq 1000000000 }}{{ end }}",
            ),
        ],
        "error: content/p.md:2:1: failed to render shortcode \"g\": layouts/shortcodes/g.html:1:10: size of result exceeds limit",
    ),
    Case {
        name: "Tera shortcode nested 5000 deep",
        files: &[("content/p.md", b"x\n{{< t >}}\n")],
        args: &[],
        expected: "error: layouts/shortcodes/t.tera.html:1:1301: Tera blocks and parentheses nested more than 100 deep (flatten the template)",
        prepare: Some(|dir| {
            let deep = format!(
                "{}x{}",
                "{% if true %}".repeat(5000),
                "{% endif %}".repeat(5000)
            );
            write(dir, "layouts/shortcodes/t.tera.html", &deep);
        }),
    },
    case(
        "Tera shortcode that does not parse",
        &[
            ("content/p.md", b"x\n{{< t >}}\n"),
            (
                "layouts/shortcodes/t.tera.html",
                b"{% if true %}\n  {{ x | nope( }}\n{% endif %}\n",
            ),
        ],
        "error: layouts/shortcodes/t.tera.html:2:16: Tera syntax error: expected an identifier (must start with a-z)",
    ),
    case(
        "Tera macro calling itself",
        &[
            ("content/p.md", b"x\n{{< t >}}\n"),
            (
                "layouts/shortcodes/m.tera.html",
                b"{% macro r() %}x{{ self::r() }}{% endmacro r %}",
            ),
            (
                "layouts/shortcodes/t.tera.html",
                b"{% import \"shortcodes/m.html\" as m %}{{ m::r() }}",
            ),
        ],
        "error: layouts/shortcodes/m.tera.html:1:20: Tera macro \"r\" calls itself (directly or through other macros), which labsite cannot bound (write the recursion as a loop)",
    ),
];

/// Writes `text` at `rel` in the site at `dir`.
fn write(dir: &Path, rel: &str, text: &str) {
    let file = dir.join(rel);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            files.insert(
                rel.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    files
}

/// The good site every case starts from, built once into `public/`.
fn good_site() -> tempfile::TempDir {
    let dir = site_from(&[
        ("config.toml", CONFIG),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        (
            "content/lab/_index.md",
            "---\ntitle: Lab\nweight: 1\n---\n{{% children %}}\n",
        ),
        (
            "content/lab/step.md",
            "---\ntitle: Step\n---\n{{% notice info %}}Read me.{{% /notice %}}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    dir
}

/// Runs one case; returns what went wrong, if anything.
fn run_case(case: &Case) -> Option<String> {
    let dir = good_site();
    let public_before = snapshot(&dir.path().join("public"));
    for (path, bytes) in case.files {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
    if let Some(prepare) = case.prepare {
        prepare(dir.path());
    }
    let content_before = snapshot(&dir.path().join("content"));
    let mut args = vec!["build"];
    args.extend_from_slice(case.args);
    let run = labsite(dir.path(), &args);
    let mut problems = Vec::new();
    if run.code != 1 {
        problems.push(format!("exit code {} (expected 1)", run.code));
    }
    if run.stderr.trim_end() != case.expected {
        problems.push(format!(
            "stderr:\n  got:      {:?}\n  expected: {:?}",
            run.stderr.trim_end(),
            case.expected
        ));
    }
    if snapshot(&dir.path().join("public")) != public_before {
        problems.push("the previous public/ changed".into());
    }
    if snapshot(&dir.path().join("content")) != content_before {
        problems.push("the content tree was written to".into());
    }
    (!problems.is_empty()).then(|| format!("{}: {}", case.name, problems.join("; ")))
}

#[test]
fn every_bad_input_fails_clearly_and_keeps_the_previous_output() {
    let failures: Vec<String> = CASES.iter().filter_map(run_case).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn an_unreadable_file_fails_when_permissions_apply() {
    // Permissions do not stop root; the symbolic-link loop case above covers it then.
    if unsafe { libc::geteuid() } == 0 {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = good_site();
    let before = snapshot(&dir.path().join("public"));
    let file = dir.path().join("content/secret.md");
    std::fs::write(&file, "---\ntitle: s\n---\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = labsite(dir.path(), &["build"]);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim_end(),
        "error: content/secret.md: cannot read: Permission denied (os error 13)"
    );
    assert_eq!(snapshot(&dir.path().join("public")), before);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let dir = site_from(&[
        ("config.toml", CONFIG),
        ("content/p.md", "\u{feff}---\ntitle: Marked\n---\nBody.\n"),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/p/index.html");
    assert_contains(&html, "<title>Marked :: Bad input</title>");
    assert_contains(&html, "<p>Body.</p>");
}

#[test]
fn a_page_including_itself_shows_its_text_once() {
    // As in Hugo, included text is not searched for shortcodes again, so a file
    // that includes itself cannot loop.
    let dir = site_from(&[
        ("config.toml", CONFIG),
        (
            "content/p.md",
            "---\ntitle: Loop\n---\nBefore.\n\n{{% include \"content/p.md\" %}}\n",
        ),
    ]);
    build_ok(dir.path(), &[]);
    let html = read(dir.path(), "public/p/index.html");
    assert_eq!(html.matches("<p>Before.</p>").count(), 2, "{html}");
    assert_contains(&html, "include &ldquo;content/p.md&rdquo; %}}");
}

#[test]
fn a_50_megabyte_page_builds() {
    let paragraph = "Some **bold** text with `code` and a [link](https://example.org/).\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    let page = format!("---\ntitle: Huge\n---\n{body}The end.\n");
    assert!(page.len() >= 50 * 1024 * 1024 - paragraph.len());
    let dir = site_from(&[("config.toml", CONFIG), ("content/huge.md", &page)]);
    // Markup on every line: 2 GB of address space, 40 times the page.
    let run = within_memory(dir.path(), "build", 2_000_000);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(dir.path(), "public/huge/index.html");
    assert_contains(&html, "<p>The end.</p>");
    assert!(html.len() > 50 * 1024 * 1024);
}

/// Runs `labsite COMMAND` in `dir` with its address space bounded to `kib`
/// KiB (`ulimit -v`).
fn within_memory(dir: &Path, command: &str, kib: u64) -> Run {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" {command}"))
        .arg(env!("CARGO_BIN_EXE_labsite"))
        .current_dir(dir)
        .output()
        .expect("bash runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// 20,000 identical headings, 100,000 unclosed emphasis runs and `check` of
/// 40,000 broken links, each within 1.5 GB of address space (`ulimit -v`;
/// `benches/growth.rs` shows their linear growth).
#[test]
fn hostile_pages_build_and_check_within_bounded_memory() {
    let headings = "## Same\n\n".repeat(20_000);
    let dir = site_from(&[
        ("config.toml", CONFIG),
        ("content/h.md", &format!("---\ntitle: H\n---\n{headings}")),
        (
            "content/e.md",
            &format!("---\ntitle: E\n---\n{}", "*a **a ".repeat(100_000)),
        ),
    ]);
    let run = within_memory(dir.path(), "build", 1_500_000);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(dir.path(), "public/h/index.html");
    assert_contains(&html, "<h2 id=\"same-19999\">Same</h2>");
    // As Hugo 0.168 writes it: no run is ever closed.
    assert_contains(
        &read(dir.path(), "public/e/index.html"),
        "<p>*a **a *a **a *a **a",
    );

    let links: String = (0..40_000)
        .map(|i| format!("[x](/missing-{i}/) "))
        .collect();
    let dir = site_from(&[
        ("config.toml", CONFIG),
        ("content/l.md", &format!("---\ntitle: L\n---\n{links}\n")),
    ]);
    let run = within_memory(dir.path(), "check", 1_500_000);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let said = format!("{}{}", run.stdout, run.stderr);
    assert_contains(&said, "40000 problems found.");
    assert_contains(
        &said,
        "error: content/l.md:4: broken link \"/missing-39999/\": no page or file at /missing-39999/",
    );
}

#[test]
fn twenty_thousand_pages_in_one_section_build() {
    let dir = site_from(&[
        ("config.toml", CONFIG),
        ("content/big/_index.md", "---\ntitle: Big\n---\n"),
    ]);
    for n in 0..20_000 {
        let file = dir.path().join(format!("content/big/p{n}.md"));
        std::fs::write(
            file,
            format!("---\ntitle: Page {n}\nweight: {n}\n---\nText {n}.\n"),
        )
        .unwrap();
    }
    let run = build_ok(dir.path(), &[]);
    assert_contains(&run.stdout, " Pages            │ 20005");
    assert!(dir.path().join("public/big/p0/index.html").is_file());
    let last = read(dir.path(), "public/big/p19999/index.html");
    assert_contains(&last, "<p>Text 19999.</p>");
    // A page carries the items around its own, not all twenty thousand.
    assert!(last.len() < 64 * 1024, "{} bytes", last.len());
}

#[test]
fn deep_markdown_nesting_builds() {
    let quotes = ">".repeat(10_000);
    let lists: String = (0..2_000)
        .map(|n| format!("{}- item {n}\n", "  ".repeat(n)))
        .collect();
    let dir = site_from(&[
        ("config.toml", CONFIG),
        (
            "content/q.md",
            &format!("---\ntitle: Q\n---\n{quotes} deep\n"),
        ),
        ("content/l.md", &format!("---\ntitle: L\n---\n{lists}")),
    ]);
    build_ok(dir.path(), &[]);
    assert_contains(&read(dir.path(), "public/q/index.html"), "deep");
    assert_contains(&read(dir.path(), "public/l/index.html"), "item 1999");
}
