//! `labsite`: parses the command line and runs it.
use clap::Parser;

// Builds allocate many small strings from several threads: mimalloc does that
// faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = labsite::cli::Cli::parse();
    std::process::exit(labsite::cli::run(cli));
}
