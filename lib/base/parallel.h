#pragma once
// The worker pool of libpops: independent jobs on every core (loading files, the cache of
// `pops check`, history walks).

#include <cstddef>
#include <functional>

namespace pops {

/// Calls job(i) for every i in [0, n) on up to `threads` threads (0: one per core), never more than
/// n, the calling thread among them; returns when every job is done. The other threads come from one
/// pool that lives as long as the process (started on first use, one thread less than the cores), so
/// a call costs no thread creation. Threads take the next index from a shared counter, so long and
/// short jobs even out. A job may itself call parallel_for (the caller works through its own range,
/// so nothing waits on a busy pool).
///
/// If a job throws, no further jobs start, the jobs already running finish, and the first exception
/// is rethrown to the caller.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads = 0);

/// The threads of the pool (besides the caller of parallel_for).
unsigned pool_threads();

}  // namespace pops
