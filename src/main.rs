//! `labsite`: parses the command line and runs it.
use clap::Parser;

// Builds allocate many small strings from several threads: mimalloc does that
// faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The allocator asks for transparent huge pages: the kernel then zeroes 2 MB at
    // the first touch of each, which cost a small build a fifth of its time and
    // most of its memory. Plain pages are zeroed only as they are used.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes only
    // this process's memory policy.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = labsite::cli::Cli::parse();
    std::process::exit(labsite::cli::run(cli));
}
