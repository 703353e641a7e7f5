//! The layer rule of `src/lib.rs`: a module uses only modules below it in the
//! list written there. Every `crate::NAME` of a source file counts as a use of
//! the top-level module NAME.

use std::collections::BTreeMap;
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
