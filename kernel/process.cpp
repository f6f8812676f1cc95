// Mirrors kernel/fork.c, kernel/exit.c, kernel/kthread.c and a sliver of
// kernel/signal.c: tasks are created stopped, kthreads sleep uninterruptibly
// until woken, kthread_stop() asks and waits, exited user processes stay
// zombies (reading TASK_DEAD) until their parent reaps them, kthreads are
// reaped at once. Signals kill user processes at their next return to user
// mode or interruptible sleep; kthreads ignore them.
#include "kernel/process.hpp"

#include "kernel/bug.hpp"
#include "kernel/char_dev.hpp"
#include "kernel/irq.hpp"
#include "kernel/printk.hpp"
#include "kernel/sched.hpp"
#include "kernel/vsprintf.hpp"
#include "kernel/workqueue.hpp"
#include "emu/sim/panic.hpp"

#include <cerrno>
#include <cstdarg>

namespace emu::kern {

namespace {

void user_main(Task* t) {
    // execve(): what a small program costs before its main() runs (the cost
    // table's exec). init, the first process, is not charged: boot is timed
    // from the moment it runs.
    Kernel& k = this_kernel();
    if (t != k.init_task) charge_long(k.cfg.costs.exec);
    t->user_mode = true;
    int code = t->program ? t->program(t->argv) : 0;
    do_exit_task(code, 0);
}

// kernel/kthread.c kthread(): named and kept out of line as in Linux, so
// call traces of kernel threads end in "kthread+0x…" as they do there.
__attribute__((noinline)) void kthread(Task* t) {
    if (t->kthread_should_stop) kthread_exit_current(-EINTR);  // stopped before it ever ran
    t->kthread_started = true;
    int ret = t->threadfn(t->threadfn_data);
    kthread_exit_current(ret);
}

std::string basename_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void task_entry(void* arg) {
    auto* t = static_cast<Task*>(arg);
    errno = 0;  // a new process starts with errno 0
    Cpu& c = this_cpu();
    finish_task_switch(c);
    c.preempt_count -= PREEMPT_DISABLE_OFFSET;  // the switch happened inside schedule()
    if (c.core.intr) preempt_point_slow();
    if (t->kind == TaskKind::User) user_main(t);
    else kthread(t);
}

Task* spawn_user(Kernel& k, Task* parent, UserProgram program, std::vector<std::string> argv) {
    if (in_guest()) charge(k.cfg.costs.fork);
    std::string comm = argv.empty() ? "?" : basename_of(argv[0]);
    Task* t = create_task(k, TaskKind::User, comm, parent);
    t->program = std::move(program);
    t->argv = std::move(argv);
    t->home = in_guest() ? &this_cpu() : &k.cpu(0);
    if (parent) t->cwd = parent->cwd;
    t->fiber.start(k.engine.stacks(), &task_entry, t);
    wake_up_new_task(t);
    return t;
}

Task* create_kthread(Kernel& k, int (*fn)(void*), void* data, const std::string& name) {
    if (in_guest()) charge(k.cfg.costs.fork);
    Task* t = create_task(k, TaskKind::Kthread, name, k.kthreadd);
    t->threadfn = fn;
    t->threadfn_data = data;
    t->__state = TASK_UNINTERRUPTIBLE;  // created stopped: ps shows D until woken
    t->home = in_guest() ? &this_cpu() : &k.cpu(0);
    t->fiber.start(k.engine.stacks(), &task_entry, t);
    return t;
}

void kthread_exit_current(long result) {
    Task* t = this_cpu().curr;
    t->kthread_result = static_cast<int>(result);
    complete_all(&t->kthread_exited);
    do_exit_task(static_cast<int>(result), 0);
}

void do_exit_task(int code, int signal) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* t = c.curr;
    if (t->is_idle()) kernel_panic(k, "Attempted to kill the idle task!");
    t->user_mode = false;
    // exit_mm() and the rest of the teardown (init powers the machine off instead).
    if (t->kind == TaskKind::User && t != k.init_task) charge_long(k.cfg.costs.exit);
    t->flags |= PF_EXITING;
    close_all_files(t);
    t->exit_code = signal ? signal : (code & 0xff) << 8;
    t->exit_status = t->exit_code;
    // Orphans go to init.
    list_head *pos, *n;
    list_for_each_safe(pos, n, &t->children) {
        Task* child = list_entry(pos, Task, sibling);
        list_move_tail(&child->sibling, &k.init_task->children);
        child->real_parent = child->parent = k.init_task;
    }
    if (t == k.init_task) {
        printk_emit(k, LOGLEVEL_INFO, "reboot: Power down\n");
        k.stop_machine(code);
    }
    local_irq_disable_internal();
    t->exited = true;
    if (t->is_kthread()) {
        t->exit_state = EXIT_DEAD;
        t->reaped = true;  // kthreadd ignores SIGCHLD: reaped at once
    } else {
        t->exit_state = EXIT_ZOMBIE;
    }
    t->__state = TASK_DEAD;
    t->on_rq = false;
    __schedule(false);
    EMU_ASSERT(false, "a dead task was scheduled again");
    __builtin_unreachable();
}

// make_task_dead(): after an Oops in process context the task dies; locks it
// held stay held, as on Linux.
void kill_current_task(int sig) {
    Cpu& c = this_cpu();
    Kernel& k = c.k;
    Task* t = c.curr;
    // 6.1 kernel/exit.c make_task_dead(): the interrupt flag first, then the preempt count.
    if (!c.core.irqs_on) {
        printk_emit(k, LOGLEVEL_INFO, "note: %s[%d] exited with irqs disabled\n", t->comm, t->pid);
        local_irq_enable_internal();
    }
    if (c.preempt_count) {
        printk_emit(k, LOGLEVEL_INFO, "note: %s[%d] exited with preempt_count %d\n", t->comm, t->pid,
                    static_cast<int>(c.preempt_count));
        c.preempt_count = 0;
    }
    add_taint(k, TAINT_DIE);
    if (t->worker) workqueue_worker_died(k, t);
    if (t->is_kthread()) kthread_exit_current(sig);
    do_exit_task(0, sig);
}

void do_signal_exit(Task* t) {
    std::uint64_t sigs = t->pending_signals & ~(1ull << (SIGCHLD_NR - 1));
    if (!sigs) return;
    int sig = __builtin_ctzll(sigs) + 1;
    do_exit_task(0, sig);
}

int send_signal(Task* t, int sig) {
    if (sig <= 0 || sig > 64) return -EINVAL;
    if (t->exited) return 0;
    // Kernel threads ignore the signals they did not allow (allow_signal()).
    if (t->is_kthread() && !(t->kthread_signals & (1ull << (sig - 1)))) return 0;
    t->pending_signals |= 1ull << (sig - 1);
    if (sig == SIGCHLD_NR) return 0;
    unsigned wake = TASK_INTERRUPTIBLE | (sig == SIGKILL_NR ? TASK_WAKEKILL | TASK_UNINTERRUPTIBLE : 0);
    if (t->__state & TASK_WAKEKILL) wake |= TASK_KILLABLE;
    try_to_wake_up(t, wake);
    // A task running on another CPU notices at its next return to user mode.
    if (t->on_cpu && t->home != &this_cpu()) resched_curr(*t->home);
    return 0;
}

int sys_wait(pid_t pid, int* status, bool nohang) {
    for (;;) {
        Task* self = this_cpu().curr;
        bool have_children = false;
        list_head* pos;
        list_for_each(pos, &self->children) {
            Task* child = list_entry(pos, Task, sibling);
            if (pid > 0 && child->pid != pid) continue;
            if (child->reaped) continue;
            have_children = true;
            if (child->exit_state == EXIT_ZOMBIE && !child->fiber.has_stack() && child->exited) {
                pid_t cpid = child->pid;
                if (status) *status = child->exit_status;
                child->exit_state = EXIT_DEAD;
                child->reaped = true;
                release_task_ref(child);
                return cpid;
            }
        }
        if (!have_children) return -ECHILD;
        if (nohang) return 0;
        if (signal_pending(self) && (self->pending_signals & ~(1ull << (SIGCHLD_NR - 1)))) return -EINTR;
        wait_queue_entry w;
        init_wait_entry(&w, 0);
        prepare_to_wait_event(&self->child_exit, &w, TASK_INTERRUPTIBLE);
        schedule();
        finish_wait(&self->child_exit, &w);
    }
}

}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

struct task_struct* kthread_create_on_node(int (*threadfn)(void* data), void* data, int, const char namefmt[], ...) {
    Kernel& k = this_kernel();
    __might_sleep("kernel/kthread.c", 420);
    char name[64];
    va_list ap;
    va_start(ap, namefmt);
    emu::kern::kernel_vsnprintf(name, sizeof name, namefmt, ap);
    va_end(ap);
    return create_kthread(k, threadfn, data, name);
}

struct task_struct* kthread_create_on_cpu(int (*threadfn)(void* data), void* data, unsigned int cpu,
                                          const char* namefmt) {
    Kernel& k = this_kernel();
    char name[64];
    emu::kern::kernel_snprintf(name, sizeof name, namefmt, cpu);
    if (cpu >= static_cast<unsigned>(k.nr_cpus())) return static_cast<task_struct*>(ERR_PTR(-EINVAL));
    Task* t = create_kthread(k, threadfn, data, name);
    kthread_bind(t, cpu);
    return t;
}

void kthread_bind(struct task_struct* p, unsigned int cpu) {
    Kernel& k = this_kernel();
    Task* t = Task::of(p);
    if (t->kthread_started || t->on_rq || cpu >= static_cast<unsigned>(k.nr_cpus())) {
        WARN_ON(1);
        return;
    }
    t->home = &k.cpu(static_cast<int>(cpu));
    t->cpu = cpu;
    t->allowed = 1ull << cpu;
    t->bound = true;
    t->flags |= PF_NO_SETAFFINITY;
}

bool kthread_should_stop(void) {
    Task* t = this_cpu().curr;
    if (!(t->flags & PF_KTHREAD)) WARN_ON_ONCE(1);
    return t->kthread_should_stop;
}

bool kthread_should_park(void) { return this_cpu().curr->kthread_should_park; }

void kthread_parkme(void) {
    for (;;) {
        Task* t = this_cpu().curr;
        if (!t->kthread_should_park) break;
        t->__state = TASK_PARKED;
        complete(&t->kthread_parked);
        schedule();
    }
    this_cpu().curr->__state = TASK_RUNNING;
}

int kthread_park(struct task_struct* p) {
    Task* t = Task::of(p);
    if (t->exited) return -ENOSYS;
    t->kthread_should_park = true;
    reinit_completion(&t->kthread_parked);
    if (t != this_cpu().curr) {
        wake_up_process(t);
        wait_for_completion(&t->kthread_parked);
    }
    return 0;
}

void kthread_unpark(struct task_struct* p) {
    Task* t = Task::of(p);
    t->kthread_should_park = false;
    wake_up_state(t, TASK_PARKED);
}

int kthread_stop(struct task_struct* p) {
    Task* t = Task::of(p);
    __might_sleep("kernel/kthread.c", 705);
    if (t->exited && refcount_read(&t->usage) == 0) {
        // Linux: a use-after-free (the thread exited and was freed); emu warns instead.
        WARN(1, "kthread_stop() on %s (pid %d), which already exited and was freed\n", t->comm, t->pid);
        return t->kthread_result;
    }
    refcount_inc(&t->usage);
    t->kthread_should_stop = true;
    kthread_unpark(t);
    wake_up_process(t);
    wait_for_completion(&t->kthread_exited);
    int ret = t->kthread_result;
    release_task_ref(t);
    return ret;
}

void* kthread_data(struct task_struct* p) { return Task::of(p)->threadfn_data; }

void kthread_complete_and_exit(struct completion* comp, long code) {
    if (comp) complete(comp);
    kthread_exit_current(code);
}

void do_exit(long code) {
    Task* t = this_cpu().curr;
    if (t->is_kthread()) kthread_exit_current(code);
    do_exit_task(static_cast<int>(code), 0);
}

}  // extern "C"
