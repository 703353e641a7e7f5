//! The commands the documentation gives exist as written: every `labsite`
//! command of README.md's shell blocks and of the CI recipes in `docs/ci/`
//! names a real subcommand, and each of its flags is one that subcommand's
//! `--help` lists; the benches and fuzz targets the README names exist.

mod common;
use common::*;
use std::path::Path;

/// The `labsite …` commands in a shell line: its parts between `||`, `&&`,
/// `;` and `then`, cut at a redirection or a comment.
fn labsite_commands(line: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    for part in line
        .split("||")
        .flat_map(|p| p.split("&&"))
        .flat_map(|p| p.split(';'))
    {
        let part = part.trim();
        let part = part.strip_prefix("then ").unwrap_or(part).trim();
        let part = part.split(" #").next().unwrap_or_default();
        let part = part.split(" >").next().unwrap_or_default();
        let words: Vec<String> = part.split_whitespace().map(String::from).collect();
        if words.first().map(String::as_str) == Some("labsite") {
            commands.push(words);
        }
    }
    commands
}

/// Runs `labsite SUBCOMMAND --help` for `command` and checks each of its flags.
fn assert_command_exists(command: &[String], origin: &str) {
    let nested = command.get(1).map(String::as_str) == Some("new");
    let depth = if nested { 3 } else { 2 };
    let subcommand: Vec<&str> = command
        .iter()
        .skip(1)
        .take(depth - 1)
        .map(String::as_str)
        .collect();
    let mut args = subcommand.clone();
    args.push("--help");
    let dir = tempfile::tempdir().unwrap();
    let help = labsite(dir.path(), &args);
    assert_eq!(
        help.code,
        0,
        "{origin}: `labsite {}` is no command: {}",
        subcommand.join(" "),
        help.stderr
    );
    for word in command.iter().skip(depth) {
        if !word.starts_with('-') {
            continue;
        }
        let flag = word.split('=').next().unwrap();
        let listed = help.stdout.contains(&format!("{flag} "))
            || help.stdout.contains(&format!("{flag},"))
            || help.stdout.contains(&format!("{flag}\n"))
            || help.stdout.contains(&format!("{flag}["));
        assert!(
            listed,
            "{origin}: `labsite {}` has no flag {flag}:\n{}",
            subcommand.join(" "),
            help.stdout
        );
    }
}

fn repository_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The lines of the README's ```sh blocks.
fn readme_shell_lines() -> Vec<String> {
    let readme = repository_file("README.md");
    let mut lines = Vec::new();
    let mut in_shell = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_shell = !in_shell && line == "```sh";
            continue;
        }
        if in_shell {
            lines.push(line.to_string());
        }
    }
    lines
}

#[test]
fn every_labsite_command_of_the_readme_exists_with_its_flags() {
    let commands: Vec<Vec<String>> = readme_shell_lines()
        .iter()
        .flat_map(|l| labsite_commands(l))
        .collect();
    // The first hour, at least: new, serve, build, check, deploy.
    for wanted in ["new", "serve", "build", "check", "deploy"] {
        assert!(
            commands.iter().any(|c| c[1] == wanted),
            "the README shows no `labsite {wanted}`"
        );
    }
    for command in &commands {
        assert_command_exists(command, "README.md");
    }
}

#[test]
fn the_benches_and_fuzz_targets_the_readme_names_exist() {
    let cargo = repository_file("Cargo.toml");
    let fuzz = repository_file("fuzz/Cargo.toml");
    for line in readme_shell_lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "--bench") {
            let bench = words[i + 1];
            assert!(
                cargo.contains(&format!("name = \"{bench}\"")),
                "no bench {bench}"
            );
        }
        if let Some(i) = words.iter().position(|w| *w == "run")
            && words.contains(&"fuzz")
        {
            let target = words
                .iter()
                .skip(i + 1)
                .find(|w| !w.starts_with('-'))
                .unwrap();
            assert!(
                fuzz.contains(&format!("name = \"{target}\"")),
                "no fuzz target {target}"
            );
        }
    }
}

/// The shell lines of a CI recipe: GitHub's `run:` steps, GitLab's
/// `before_script:` and `script:` entries.
fn recipe_lines(yaml: &serde_yaml::Value) -> Vec<String> {
    let mut lines = Vec::new();
    let mut push = |value: &serde_yaml::Value| {
        if let Some(text) = value.as_str() {
            lines.extend(text.lines().map(String::from));
        }
    };
    if let Some(jobs) = yaml.get("jobs").and_then(|j| j.as_mapping()) {
        for (_, job) in jobs {
            for step in job
                .get("steps")
                .and_then(|s| s.as_sequence())
                .into_iter()
                .flatten()
            {
                if let Some(run) = step.get("run") {
                    push(run);
                }
            }
        }
    }
    if let Some(jobs) = yaml.as_mapping() {
        for (_, job) in jobs {
            for key in ["before_script", "script"] {
                for entry in job
                    .get(key)
                    .and_then(|s| s.as_sequence())
                    .into_iter()
                    .flatten()
                {
                    push(entry);
                }
            }
        }
    }
    lines
}

#[test]
fn the_ci_recipes_build_strictly_check_and_deploy_with_real_flags() {
    for file in ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"] {
        let yaml: serde_yaml::Value = serde_yaml::from_str(&repository_file(file)).unwrap();
        let commands: Vec<Vec<String>> = recipe_lines(&yaml)
            .iter()
            .flat_map(|l| labsite_commands(l))
            .collect();
        let shown: Vec<String> = commands.iter().map(|c| c.join(" ")).collect();
        assert_eq!(
            shown,
            [
                "labsite build --report json --panicOnWarning",
                "labsite check",
                "labsite deploy --target production"
            ],
            "{file}"
        );
        for command in &commands {
            assert_command_exists(command, file);
        }
        assert_contains(
            &repository_file(file),
            "cargo install --locked --git \"$LABSITE_GIT\" labsite",
        );
    }
}

#[test]
fn a_flag_the_command_lacks_is_caught() {
    let command = labsite_commands("labsite build --nope   # comment");
    assert_eq!(
        command,
        [vec!["labsite".to_string(), "build".into(), "--nope".into()]]
    );
    let caught = std::panic::catch_unwind(|| assert_command_exists(&command[0], "test"));
    assert!(caught.is_err());
}
