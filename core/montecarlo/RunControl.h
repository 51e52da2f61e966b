#pragma once
// How a caller follows and stops a running simulation.
#include <atomic>
#include <cstdint>
#include <functional>

namespace ledger {

struct RunControl {
    // Called now and then with paths done so far; may be called from a worker thread.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    // Set to true to stop: the run returns within about 100 ms, marked cancelled.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

} // namespace ledger
