//! The command line: `labsite build`, `serve`, `check`, `deploy` and `new` with
//! Hugo's flag names.

use crate::check::{CheckOptions, Report};
use crate::config::Overrides;
use crate::deploy::DeployOptions;
use crate::serve::ServeOptions;
use crate::site::{self, BuildOptions};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "labsite",
    version,
    about = "Builds Hugo workshop sites (learn / relearn themes) as they are"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the destination folder (default: public/).
    Build(BuildArgs),
    /// Serve the site for preview, rebuilding and reloading pages as files change.
    #[command(alias = "server")]
    Serve(ServeArgs),
    /// Check every link, image, #anchor and ref of the pages' content; builds in
    /// memory and writes nothing.
    Check(CheckArgs),
    /// Publish the built site to a bucket of the config's [[deployment.targets]]
    /// (S3, Google Cloud Storage, Azure), uploading only what changed.
    Deploy(DeployArgs),
    /// Create a new workshop site, or a new page from an archetype.
    #[command(subcommand)]
    New(NewCommand),
}

/// What `labsite new` makes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A workshop skeleton (config, home, a chapter, a page) in a new or empty folder.
    Site {
        /// The folder of the new site.
        dir: PathBuf,
    },
    /// A page (or page bundle) from the archetype of its kind or section.
    Content {
        /// The page's path in the content folder, e.g. labs/intro/_index.md.
        path: PathBuf,
        /// The archetype to use (default: the page's section, then `default`).
        #[arg(short = 'k', long = "kind")]
        kind: Option<String>,
        /// The site folder.
        #[arg(short = 's', long = "source", default_value = ".")]
        source: PathBuf,
    },
}

/// Runs `labsite new`; returns the exit code.
fn run_new(command: NewCommand) -> i32 {
    match command {
        NewCommand::Site { dir } => match crate::scaffold::new_site(&dir) {
            Ok(_) => {
                let shown = dir.display();
                println!("Congratulations! Your new workshop is in {shown}.");
                println!();
                println!("Next:");
                println!(
                    "  labsite serve -s {shown}          preview it at http://127.0.0.1:1313/"
                );
                println!("  labsite new content -s {shown} getting-started/next-step.md");
                println!("  labsite build -s {shown}          write the site to {shown}/public/");
                println!(
                    "  labsite deploy -s {shown}         publish it (set the bucket in hugo.toml)"
                );
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        NewCommand::Content { path, kind, source } => {
            let request = crate::scaffold::NewContent { source, path, kind };
            match crate::scaffold::new_content(&request) {
                Ok(files) => {
                    for file in files {
                        println!("Created {}", file.display());
                    }
                    0
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
    }
}

/// The flags of every command that builds a site, named as Hugo names them.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder (holding the config and content/).
    #[arg(short = 's', long = "source", default_value = ".")]
    pub source: PathBuf,
    /// Include content marked as draft.
    #[arg(short = 'D', long = "buildDrafts")]
    pub build_drafts: bool,
    /// Include content with a publish date in the future.
    #[arg(short = 'F', long = "buildFuture")]
    pub build_future: bool,
    /// Include expired content.
    #[arg(short = 'E', long = "buildExpired")]
    pub build_expired: bool,
    /// Override the config's theme.
    #[arg(short = 't', long = "theme")]
    pub theme: Option<String>,
    /// Folder of themes (default: themes).
    #[arg(long = "themesDir")]
    pub themes_dir: Option<PathBuf>,
    /// Build environment (config/ENVIRONMENT/ is merged on top; `build`'s
    /// default is production, `serve`'s development).
    #[arg(short = 'e', long = "environment")]
    pub environment: Option<String>,
}

impl SiteArgs {
    fn overrides(&self, base_url: Option<String>, environment: Option<&str>) -> Overrides {
        Overrides {
            base_url,
            theme: self.theme.clone(),
            themes_dir: self.themes_dir.clone(),
            environment: self
                .environment
                .clone()
                .or_else(|| environment.map(String::from)),
            build_drafts: self.build_drafts,
            build_future: self.build_future,
            build_expired: self.build_expired,
            ref_links_as_warnings: false,
        }
    }
}

/// Flags of `labsite build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site; relative to the source folder, as in Hugo.
    #[arg(short = 'd', long = "destination")]
    pub destination: Option<PathBuf>,
    /// Override the config's baseURL.
    #[arg(short = 'b', long = "baseURL")]
    pub base_url: Option<String>,
    /// Remove files from the destination that this build does not write.
    #[arg(long = "cleanDestinationDir")]
    pub clean_destination_dir: bool,
    /// Minify the HTML pages.
    #[arg(long = "minify")]
    pub minify: bool,
    /// Fail the build on any warning (strict mode for CI); nothing is written.
    #[arg(long = "panicOnWarning")]
    pub panic_on_warning: bool,
    /// Print a machine-readable report on stdout instead of the table.
    #[arg(long = "report", value_enum)]
    pub report: Option<ReportFormat>,
}

/// Formats of `--report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
}

impl BuildArgs {
    pub fn options(&self) -> BuildOptions {
        let source = &self.site.source;
        let destination = self.destination.as_ref().map(|d| {
            if d.is_absolute() {
                d.clone()
            } else {
                source.join(d)
            }
        });
        BuildOptions {
            source: source.clone(),
            destination,
            overrides: self.site.overrides(self.base_url.clone(), None),
            clean_destination: self.clean_destination_dir,
            minify: self.minify,
            fail_on_warning: self.panic_on_warning,
        }
    }
}

/// Flags of `labsite check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Override the config's baseURL.
    #[arg(short = 'b', long = "baseURL")]
    pub base_url: Option<String>,
    /// Also check links to other sites (a few requests at a time, politely).
    #[arg(long = "external")]
    pub external: bool,
}

impl CheckArgs {
    pub fn options(&self) -> CheckOptions {
        CheckOptions {
            source: self.site.source.clone(),
            overrides: self.site.overrides(self.base_url.clone(), None),
            external: self.external,
        }
    }
}

/// Prints what `labsite check` found; returns the exit code.
fn report_check(report: &Report) -> i32 {
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for problem in &report.problems {
        eprintln!("error: {problem}");
    }
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let external = count(report.external, "link", "links");
    let external = if report.external_checked {
        format!("{external} to other sites")
    } else {
        format!("{external} to other sites not checked (--external checks them)")
    };
    println!(
        "Checked {}: {}, {}; {external}.",
        count(report.pages, "page", "pages"),
        count(report.links, "link", "links"),
        count(report.images, "image", "images"),
    );
    if report.problems.is_empty() {
        println!("No problems found.");
        0
    } else {
        println!(
            "{} found.",
            count(report.problems.len(), "problem", "problems")
        );
        1
    }
}

/// Flags of `labsite deploy`, named as `hugo deploy` names them.
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// The site folder (holding the config).
    #[arg(short = 's', long = "source", default_value = ".")]
    pub source: PathBuf,
    /// Environment whose config/ENVIRONMENT/ is merged on top (default: production).
    #[arg(short = 'e', long = "environment")]
    pub environment: Option<String>,
    /// The folder to publish; relative to the source folder (default: publishDir, else public).
    #[arg(short = 'd', long = "destination")]
    pub destination: Option<PathBuf>,
    /// The deployment target by name (default: the first one).
    #[arg(long = "target")]
    pub target: Option<String>,
    /// Show what would be uploaded and deleted; change nothing.
    #[arg(long = "dryRun")]
    pub dry_run: bool,
    /// Upload every file, changed or not.
    #[arg(long = "force")]
    pub force: bool,
    /// Ask before changing anything.
    #[arg(long = "confirm")]
    pub confirm: bool,
    /// Invalidate the target's CloudFront distribution after the upload
    /// (default: the config's invalidateCDN, true).
    #[arg(long = "invalidateCDN", num_args = 0..=1, default_missing_value = "true")]
    pub invalidate_cdn: Option<bool>,
    /// Stop, changing nothing, when more files than this would be deleted;
    /// -1 for no limit (default: the config's maxDeletes, 256).
    #[arg(long = "maxDeletes", allow_negative_numbers = true)]
    pub max_deletes: Option<i64>,
    /// Files transferred at a time (default: the config's workers, 10).
    #[arg(long = "workers")]
    pub workers: Option<usize>,
    /// Print a machine-readable report on stdout instead of the summary.
    #[arg(long = "report", value_enum)]
    pub report: Option<ReportFormat>,
}

impl DeployArgs {
    pub fn options(&self) -> DeployOptions {
        let source = &self.source;
        DeployOptions {
            source: source.clone(),
            overrides: Overrides {
                environment: Some(
                    self.environment
                        .clone()
                        .unwrap_or_else(|| "production".into()),
                ),
                ..Overrides::default()
            },
            publish_dir: self.destination.as_ref().map(|d| source.join(d)),
            target: self.target.clone(),
            dry_run: self.dry_run,
            force: self.force,
            invalidate_cdn: self.invalidate_cdn,
            max_deletes: self.max_deletes,
            workers: self.workers,
        }
    }
}

/// Bytes as people read them (`1.2 kB`), as Hugo's deploy prints them.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS.get(unit).copied().unwrap_or("B"))
    }
}

/// Runs `labsite deploy`; returns the exit code.
fn run_deploy(args: &DeployArgs) -> i32 {
    let json = args.report == Some(ReportFormat::Json);
    let ask = args.confirm;
    let identified = |uploads: usize, bytes: u64, deletes: usize| {
        format!(
            "Identified {uploads} file(s) to upload, totaling {}, and {deletes} file(s) to delete.",
            human_bytes(bytes)
        )
    };
    let mut confirm = |uploads: usize, bytes: u64, deletes: usize| {
        if !ask {
            return true;
        }
        eprintln!("{}", identified(uploads, bytes, deletes));
        eprint!("Continue? (Y/n) ");
        let mut answer = String::new();
        let _ = std::io::stdin().read_line(&mut answer);
        !matches!(answer.trim(), "n" | "N" | "no" | "No")
    };
    let report = match crate::deploy::deploy(&args.options(), &mut confirm) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            if json {
                println!(
                    "{}",
                    serde_json::json!({"success": false, "error": e.to_string()})
                );
            }
            return 1;
        }
    };
    if json {
        let mut value = report.to_json();
        if let Some(map) = value.as_object_mut() {
            map.insert("success".into(), true.into());
        }
        println!("{value}");
        return 0;
    }
    println!("Deploying to {:?} ({}).", report.target, report.url);
    println!(
        "{}",
        identified(report.uploaded.len(), report.bytes(), report.deleted.len())
    );
    if report.dry_run {
        for upload in &report.uploaded {
            println!("Would upload: {} ({})", upload.key, upload.reason.as_str());
        }
        for key in &report.deleted {
            println!("Would delete: {key}");
        }
        println!(
            "Dry run, nothing changed: {} to upload ({} bytes), {} to delete, {} unchanged.",
            report.uploaded.len(),
            report.bytes(),
            report.deleted.len(),
            report.unchanged
        );
        return 0;
    }
    if !report.invalidated.is_empty() {
        println!(
            "Invalidated {} CloudFront path(s) (invalidation {}).",
            report.invalidated.len(),
            report.invalidation_id.as_deref().unwrap_or("")
        );
    }
    println!(
        "Uploaded {} file(s) ({} bytes), deleted {}, unchanged {}.",
        report.uploaded.len(),
        report.bytes(),
        report.deleted.len(),
        report.unchanged
    );
    0
}

/// Flags of `labsite serve`, named as `hugo server` names them.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on (a free one is taken when it is in use).
    #[arg(short = 'p', long = "port", default_value_t = 1313)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long = "bind", default_value = "127.0.0.1")]
    pub bind: String,
    /// After an edit of a page, open pages go to the page edited.
    #[arg(long = "navigateToChanged")]
    pub navigate_to_changed: bool,
    /// Do not reload pages after a rebuild.
    #[arg(long = "disableLiveReload")]
    pub disable_live_reload: bool,
    /// Override the config's baseURL (its path is where the site is served).
    #[arg(short = 'b', long = "baseURL")]
    pub base_url: Option<String>,
    /// Minify the HTML pages served.
    #[arg(long = "minify")]
    pub minify: bool,
    /// Accepted as Hugo accepts it: labsite's server always renders to memory.
    #[arg(long = "renderToMemory")]
    pub render_to_memory: bool,
    /// Build the whole site after every change (no rebuild of edited pages alone).
    #[arg(long = "disableFastRender")]
    pub disable_fast_render: bool,
    /// What the terminal shows: debug, info, warn (the default) or error (no warnings).
    #[arg(long = "logLevel", value_parser = ["debug", "info", "warn", "error"])]
    pub log_level: Option<String>,
    /// Same as --logLevel info.
    #[arg(short = 'v', long = "verbose")]
    pub verbose: bool,
}

impl ServeArgs {
    pub fn options(&self) -> ServeOptions {
        ServeOptions {
            source: self.site.source.clone(),
            port: self.port,
            bind: self.bind.clone(),
            overrides: self
                .site
                .overrides(self.base_url.clone(), Some("development")),
            navigate_to_changed: self.navigate_to_changed,
            live_reload: !self.disable_live_reload,
            minify: self.minify,
            fast_render: !self.disable_fast_render,
            show_warnings: self.log_level.as_deref() != Some("error"),
        }
    }
}

/// Runs the command; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build(args) if args.report == Some(ReportFormat::Json) => {
            let result = site::build(&args.options());
            if let Err(e) = &result {
                eprintln!("error: {e}");
            }
            println!("{}", crate::report::json(&result));
            i32::from(result.is_err())
        }
        Command::Build(args) => match site::build(&args.options()) {
            Ok(summary) => {
                for w in &summary.warnings {
                    eprintln!("warning: {w}");
                }
                let s = &summary.stats;
                println!("Start building sites …");
                println!();
                println!("                  │ EN");
                println!("──────────────────┼─────");
                println!(" Pages            │ {:>4}", s.pages);
                println!(" Non-page files   │ {:>4}", s.resources);
                println!(" Static files     │ {:>4}", s.static_files);
                println!(" Aliases          │ {:>4}", s.aliases);
                println!();
                println!("Total in {} ms", summary.elapsed.as_millis());
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Command::Serve(args) => crate::serve::run(args.options()),
        Command::Deploy(args) => run_deploy(&args),
        Command::New(command) => run_new(command),
        Command::Check(args) => match crate::check::check(&args.options()) {
            Ok(report) => report_check(&report),
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
    }
}
