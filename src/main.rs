//! `labsite`: parses the command line and runs it.
use clap::Parser;

fn main() {
    let cli = labsite::cli::Cli::parse();
    std::process::exit(labsite::cli::run(cli));
}
