//! The command line: `labsite build` with Hugo's flag names.

use crate::config::Overrides;
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
}

/// Flags shared by the commands that build a site, named as Hugo names them.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (holding the config and content/).
    #[arg(short = 's', long = "source", default_value = ".")]
    pub source: PathBuf,
    /// Where to write the site; relative to the source folder, as in Hugo.
    #[arg(short = 'd', long = "destination")]
    pub destination: Option<PathBuf>,
    /// Include content marked as draft.
    #[arg(short = 'D', long = "buildDrafts")]
    pub build_drafts: bool,
    /// Include content with a publish date in the future.
    #[arg(short = 'F', long = "buildFuture")]
    pub build_future: bool,
    /// Include expired content.
    #[arg(short = 'E', long = "buildExpired")]
    pub build_expired: bool,
    /// Override the config's baseURL.
    #[arg(short = 'b', long = "baseURL")]
    pub base_url: Option<String>,
    /// Override the config's theme.
    #[arg(short = 't', long = "theme")]
    pub theme: Option<String>,
    /// Folder of themes (default: themes).
    #[arg(long = "themesDir")]
    pub themes_dir: Option<PathBuf>,
    /// Remove files from the destination that this build does not write.
    #[arg(long = "cleanDestinationDir")]
    pub clean_destination_dir: bool,
    /// Build environment (config/<environment>/ is merged on top).
    #[arg(short = 'e', long = "environment")]
    pub environment: Option<String>,
}

impl BuildArgs {
    pub fn options(&self) -> BuildOptions {
        let destination = self.destination.as_ref().map(|d| {
            if d.is_absolute() {
                d.clone()
            } else {
                self.source.join(d)
            }
        });
        BuildOptions {
            source: self.source.clone(),
            destination,
            overrides: Overrides {
                base_url: self.base_url.clone(),
                theme: self.theme.clone(),
                themes_dir: self.themes_dir.clone(),
                environment: self.environment.clone(),
                build_drafts: self.build_drafts,
                build_future: self.build_future,
                build_expired: self.build_expired,
            },
            clean_destination: self.clean_destination_dir,
        }
    }
}

/// Runs the command; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
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
    }
}
