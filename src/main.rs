//! `labsite`: parses the command line and runs it.
use clap::Parser;

// Builds allocate many small strings from several threads: mimalloc does that
// faster than the system allocator. It also serves the C code's `malloc` (its
// `override` feature): the highlighter's regular expressions (Oniguruma) are
// compiled in C, where glibc's allocator would grow a heap for each thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Transparent huge pages: the kernel zeroes 2 MB at the first touch of each,
    // time and memory a short-lived build does not use; plain pages are zeroed
    // only as they are used. mimalloc is built not to ask for
    // them (`no_thp`), and a kernel that gives them unasked is told not to.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes only
    // this process's memory policy.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = labsite::cli::Cli::parse();
    std::process::exit(labsite::cli::run(cli));
}
