//! Embeds the bundled learn theme (`themes/learn/`) into the binary: writes a list
//! of `(path, include_bytes!(…))` pairs to `$OUT_DIR/embedded_theme.rs`.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            out.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("themes").join("learn");
    println!("cargo:rerun-if-changed=themes/learn");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
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
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_theme.rs");
    std::fs::write(out, code).unwrap_or_else(|e| panic!("cannot write embedded theme list: {e}"));
}
