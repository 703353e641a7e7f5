//! Embeds the bundled themes (`themes/learn/`, and `themes/relearn/`, which holds
//! only what the relearn flavour changes) into the binary: writes lists of
//! `(path, include_bytes!(…))` pairs to `$OUT_DIR/embedded_theme.rs`.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            // A file added to any folder of the theme is embedded at the next build.
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, root, out);
        } else {
            out.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
        }
    }
}

fn list(manifest: &Path, theme: &str, constant: &str, code: &mut String) {
    let root = manifest.join("themes").join(theme);
    println!("cargo:rerun-if-changed=themes/{theme}");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    code.push_str(&format!("pub static {constant}: &[(&str, &[u8])] = &[\n"));
    for f in &files {
        let rel = f.to_string_lossy().replace('\\', "/");
        let abs = root.join(f);
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            abs.to_string_lossy()
        ));
        println!("cargo:rerun-if-changed={}", abs.display());
    }
    code.push_str("];\n");
}

fn main() {
    link_position_dependent();
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut code = String::new();
    list(&manifest, "learn", "FILES", &mut code);
    list(&manifest, "relearn", "RELEARN_FILES", &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_theme.rs");
    std::fs::write(out, code).unwrap_or_else(|e| panic!("cannot write embedded theme list: {e}"));
}

/// Links `labsite` as a position-dependent executable on Linux, so the loader
/// has no relocations to apply when it starts: as a position-independent one,
/// 63,000 relocations reach into every page of 10 MB of tables (minify-html's
/// entity trie among them), which the kernel copies at each start: 7 ms of a
/// 45 ms build, measured with `perf stat`. The code stays position-independent;
/// only the link changes.
fn link_position_dependent() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
