//! The layer rule of `src/lib.rs`: a module uses only modules below it in the
//! list written there. Every `crate::NAME` of a source file counts as a use of
//! the top-level module NAME.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers of `lib_doc` (the list in `src/lib.rs`), top first.
fn layers(lib_doc: &str) -> Vec<String> {
    lib_doc
        .lines()
        .filter_map(|l| l.strip_prefix("//! - `"))
        .filter_map(|l| l.split('`').next())
        .map(String::from)
        .collect()
}

/// The uses of a module above the user: "FILE uses NAME, which is above MODULE".
fn upward_uses(order: &[String], sources: &BTreeMap<String, String>) -> Vec<String> {
    let rank = |name: &str| order.iter().position(|m| m == name);
    let mut found = Vec::new();
    for (file, text) in sources {
        let module = file.split(['/', '.']).next().unwrap_or_default();
        let Some(own) = rank(module) else {
            if !matches!(module, "lib" | "main") {
                found.push(format!("{file}: module {module} is not in the layer list"));
            }
            continue;
        };
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let used: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if let Some(other) = rank(&used)
                    && other < own
                {
                    found.push(format!("{file} uses {used}, which is above {module}"));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The folder (relative to `src/`, `""` for `src/` itself) of the file that
/// defines the module the path `path` (`a::b::c`, from `crate::`) names: the
/// longest prefix that is a module file of `files` (`a/b.rs` is in folder `a`,
/// `a/b/mod.rs` in `a/b`); an item's name at the end is no module.
fn folder_of(path: &str, files: &BTreeSet<String>) -> String {
    let mut module = String::new();
    let mut found = String::new();
    for part in path.split("::") {
        module = if module.is_empty() {
            part.to_string()
        } else {
            format!("{module}/{part}")
        };
        if files.contains(&format!("{module}/mod.rs")) {
            found = module.clone();
        } else if files.contains(&format!("{module}.rs")) {
            found = module
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string());
        } else {
            break;
        }
    }
    found
}

/// The folders each folder's files use (`crate::…` and `super::…` paths),
/// itself and `src/` left out.
fn folder_uses(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let folder = |file: &str| file.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in sources {
        let own = folder(file);
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let words = line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
            for word in words {
                let used = if let Some(path) = word.strip_prefix("crate::") {
                    folder_of(path, &files)
                } else if word.starts_with("super::") {
                    // From `x/mod.rs` the first `super` is x's parent; from `x/y.rs`, x.
                    let mut base = own.clone();
                    let mut rest = word;
                    let mut first = true;
                    while let Some(r) = rest.strip_prefix("super::") {
                        if !first || file.ends_with("mod.rs") {
                            base = base
                                .rsplit_once('/')
                                .map_or(String::new(), |(d, _)| d.to_string());
                        }
                        first = false;
                        rest = r;
                    }
                    let path = if base.is_empty() {
                        rest.to_string()
                    } else {
                        format!("{}::{rest}", base.replace('/', "::"))
                    };
                    folder_of(&path, &files)
                } else {
                    continue;
                };
                if !used.is_empty() && used != own {
                    uses.entry(own.clone()).or_default().insert(used);
                }
            }
        }
    }
    uses
}

/// Pairs of folders that use each other, directly or through others.
fn folder_circles(uses: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(next) = todo.pop() {
            for used in uses.get(&next).into_iter().flatten() {
                if used == to {
                    return true;
                }
                if seen.insert(used.clone()) {
                    todo.push(used.clone());
                }
            }
        }
        false
    };
    let mut circles = Vec::new();
    for (folder, used) in uses {
        for other in used {
            if reaches(other, folder) {
                circles.push(format!("{folder} -> {other}"));
            }
        }
    }
    circles
}

fn sources(src: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(src)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(src).unwrap().display().to_string();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn no_module_uses_a_module_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let sources = sources(&src);
    let order = layers(&sources["lib.rs"]);
    assert!(order.len() > 10, "the layer list of src/lib.rs: {order:?}");
    let declared: Vec<String> = sources["lib.rs"]
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').to_string())
        .collect();
    let mut listed = order.clone();
    listed.sort();
    assert_eq!(
        listed, declared,
        "every module of lib.rs is in the list, once"
    );
    assert_eq!(upward_uses(&order, &sources), Vec::<String>::new());
}

#[test]
fn the_check_finds_a_use_of_a_module_above() {
    let order: Vec<String> = ["site", "render", "text"].map(String::from).to_vec();
    let sources: BTreeMap<String, String> = [
        ("site/mod.rs", "use crate::render::x;\nuse crate::text::y;"),
        (
            "render/mod.rs",
            "// crate::site in a comment\nfn f() { crate::text::z() }",
        ),
        ("text/escape.rs", "use crate::render::Build;"),
        ("text/url.rs", "fn g() { crate::site::build() }"),
        ("stray.rs", ""),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_string(), t.to_string()))
    .collect();
    assert_eq!(
        upward_uses(&order, &sources),
        [
            "stray.rs: module stray is not in the layer list",
            "text/escape.rs uses render, which is above text",
            "text/url.rs uses site, which is above text",
        ]
    );
}

#[test]
fn no_folder_uses_a_folder_that_uses_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let uses = folder_uses(&sources(&src));
    assert!(uses.contains_key("templates/page"), "{uses:?}");
    assert_eq!(folder_circles(&uses), Vec::<String>::new());
}

#[test]
fn the_check_finds_a_circle_between_folders() {
    let sources: BTreeMap<String, String> = [
        ("lib.rs", ""),
        ("a/mod.rs", "use crate::a::b::Thing;\nuse super::text;"),
        ("a/b/mod.rs", "use super::super::a::f;"),
        ("a/b/c.rs", "fn g() { super::x() }"),
        ("a/d.rs", "use super::b::c;"),
        ("a/d/e.rs", "use super::Thing;\nuse crate::a::f;"),
        ("text/mod.rs", ""),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_string(), t.to_string()))
    .collect();
    let uses = folder_uses(&sources);
    assert_eq!(
        uses["a"],
        BTreeSet::from(["a/b".to_string(), "text".to_string()])
    );
    // `a/d.rs` is in folder `a`: its child `a/d/e.rs` using it is no circle.
    assert_eq!(uses["a/d"], BTreeSet::from(["a".to_string()]));
    assert_eq!(folder_circles(&uses), ["a -> a/b", "a/b -> a"]);
}
