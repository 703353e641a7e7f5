//! A generated workshop for the benchmarks: `sections` chapters of `pages`
//! pages each, every page with headings, paragraphs, a list, a code block and
//! learn's shortcodes, like the pages of real workshops.

use std::path::Path;

pub fn generate(root: &Path, sections: usize, pages: usize) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "config.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Benchmark workshop\"\ntheme = \"learn\"\n\n[outputs]\nhome = [\"HTML\", \"RSS\", \"JSON\"]\n",
    );
    write(
        "content/_index.md",
        "---\ntitle: Home\n---\n# Benchmark workshop\n\nWelcome.\n",
    );
    let words = "The lab walks through the console and the command line, one step at a time, with the commands to run and what they print. ";
    for s in 0..sections {
        write(
            &format!("content/s{s:02}/_index.md"),
            &format!(
                "---\ntitle: Chapter {s}\nweight: {s}\nchapter: true\n---\n# Chapter {s}\n\n{{{{% children %}}}}\n"
            ),
        );
        for p in 0..pages {
            let body = format!(
                "---\ntitle: Step {s}.{p}\nweight: {p}\ntags: [\"t{}\"]\n---\n## Before you start\n\n{}\n\n{{{{% notice info %}}}}\nMake sure the **CLI** is configured.\n{{{{% /notice %}}}}\n\n## Run it\n\n```bash\naws s3 ls s3://bucket-{p}/ --recursive\necho \"done {p}\"\n```\n\n1. Open the console.\n2. Choose *Create*.\n3. Check the result.\n\n{{{{%expand \"Show the solution\" %}}}}\nThe answer is `{p}`.\n{{{{% /expand %}}}}\n\n{}\n",
                p % 7,
                words.repeat(4),
                words.repeat(3)
            );
            write(&format!("content/s{s:02}/p{p:03}.md"), &body);
        }
    }
}
