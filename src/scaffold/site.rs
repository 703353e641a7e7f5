//! `labsite new site DIR`: a workshop skeleton ready for `labsite serve`: the
//! config (for the embedded learn theme), a home page, one chapter and one
//! step showing the two shortcodes every lab uses (`notice`, `expand`), and a
//! `[deployment]` section to fill in. It is only written into a folder that
//! is missing or empty.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The skeleton's files, by path from the new site's folder.
const FILES: [(&str, &str); 5] = [
    (
        "hugo.toml",
        r#"baseURL = "https://example.org/"
languageCode = "en-us"
title = "My Workshop"
# No theme: labsite renders with its built-in learn theme. (For Hugo itself,
# put the learn theme in themes/hugo-theme-learn/ and set theme = "hugo-theme-learn".)

[params]
  description = "A hands-on workshop"
  showVisitedLinks = true

# `labsite deploy` publishes public/ here (Hugo's [deployment] settings).
[deployment]
[[deployment.targets]]
name = "production"
URL = "s3://my-workshop-bucket?region=us-east-1"

[[deployment.matchers]]
pattern = '^.+\.(js|css|svg|woff2)$'
cacheControl = "max-age=31536000, no-transform, public"
gzip = true

[[deployment.matchers]]
pattern = '^.+\.html$'
cacheControl = "max-age=300"
"#,
    ),
    (
        "content/_index.md",
        r#"---
title: "My Workshop"
---

# My Workshop

Welcome! In this workshop you will set up your environment and run your first lab.

Start with [Getting started](getting-started/).
"#,
    ),
    (
        "content/getting-started/_index.md",
        r#"+++
title = "Getting Started"
weight = 1
chapter = true
pre = "<b>1. </b>"
+++

### Chapter 1

# Getting Started

Set up what the labs need.
"#,
    ),
    (
        "content/getting-started/first-step.md",
        r#"---
title: "First Step"
weight: 10
---

Open a terminal and check that your tools are installed:

```bash
git --version
```

{{% notice info %}}
Any recent version works.
{{% /notice %}}

{{% expand "Show the expected output" %}}
```
git version 2.43.0
```
{{% /expand %}}
"#,
    ),
    (
        "archetypes/default.md",
        r#"+++
title = "{{ replace .Name "-" " " | title }}"
date = {{ .Date }}
weight = 10
+++

Write this step here.
"#,
    ),
];

/// Writes the skeleton into `dir`; returns the files written.
pub fn new_site(dir: &Path) -> Result<Vec<PathBuf>> {
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Error::file(
            dir,
            "already exists and is not empty: labsite new site writes only into a new or empty folder",
        ));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::file(
            dir,
            "is a file: give a folder for the new site",
        ));
    }
    let mut written = Vec::new();
    for (path, text) in FILES {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&file, text).map_err(|e| Error::io(&file, e))?;
        written.push(PathBuf::from(path));
    }
    Ok(written)
}
