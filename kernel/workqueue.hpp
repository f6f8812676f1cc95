#pragma once
// Workqueues (kernel/workqueue.c), in the events/N model SEMANTICS.md asks
// for: each per-CPU workqueue has one worker thread per CPU ("name/N"), each
// unbound or ordered workqueue one thread ("name"); a worker runs its items
// one at a time, in queueing order, in process context.
#include "kernel/kernel.hpp"

#include <memory>
#include <string>
#include <vector>

namespace emu::kern {

struct alignas(256) Worker {  // 256: the pointer shares work->data with the 8 flag bits
    Workqueue* wq = nullptr;
    int cpu = -1;                  // -1: unbound
    Task* task = nullptr;
    list_head worklist{};          // C: queued work_structs (their ->entry)
    work_struct* current_work = nullptr;
    work_func_t current_func = nullptr;
    bool stopping = false;
};

struct Workqueue {
    std::string name;
    unsigned int flags = 0;
    int max_active = 1;
    bool per_cpu = true;
    bool destroyed = false;
    std::vector<std::unique_ptr<Worker>> workers;  // per CPU, or one; created on first use
};

void workqueue_init(Kernel& k);
// The current task, a worker, dies in an Oops: its worker goes on in a new thread.
void workqueue_worker_died(Kernel& k, Task* dying);

}  // namespace emu::kern
