#pragma once
// The worker pool of libpops: independent jobs on every core (loading files, the cache of
// `pops check`, history walks).

#include <cstddef>
#include <functional>

namespace pops {

/// Calls job(i) for every i in [0, n) on up to `threads` threads (0: one per core), never more than
/// n, the calling thread among them; returns when every job is done. Threads take the next index
/// from a shared counter, so long and short jobs even out.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads = 0);

} // namespace pops
