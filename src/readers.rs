//! The thread pool that reads many files at once (the content's sources, the previous build's
//! search pieces): far more threads than cores. When the files are in the page cache a read
//! costs microseconds and the extra threads only take turns; when they are not (the first build
//! after a reboot, or after other work pushed them out), each read waits for the disk, and a
//! disk answers many waiting reads at once faster than one or two at a time. At 10 000 memo
//! pages with the page cache dropped, reading the 223 MB of sources took 760–870 ms on the two
//! threads of the build's pool and 373–377 ms on these.

use std::sync::OnceLock;

/// Reads waiting on the disk at once.
const READERS: usize = 16;

/// The pool (`None` if the OS would not start its threads: the caller then reads on its own).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(READERS)
            .thread_name(|i| format!("reader-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `op` (which reads files on rayon's parallel iterators) on the pool.
pub fn install<R: Send>(op: impl FnOnce() -> R + Send) -> R {
    match pool() {
        Some(pool) => pool.install(op),
        None => op(),
    }
}
