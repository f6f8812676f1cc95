// Mirrors init/main.c, kernel/smpboot.c and kernel/sched/idle.c: the boot CPU
// runs start_kernel() as its idle task (swapper/0), creates init (pid 1) and
// kthreadd (pid 2), brings up the secondary CPUs, and every CPU ends in the
// idle loop, halting until an interrupt (with the tick stopped when tickless).
#include "kernel/bug.hpp"
#include "kernel/char_dev.hpp"
#include "kernel/cpu.hpp"
#include "kernel/module.hpp"
#include "kernel/irq.hpp"
#include "kernel/lockdep.hpp"
#include "kernel/percpu.hpp"
#include "kernel/printk.hpp"
#include "kernel/process.hpp"
#include "kernel/sched.hpp"
#include "kernel/slab.hpp"
#include "kernel/sysfs.hpp"
#include "kernel/time.hpp"
#include "kernel/timer.hpp"
#include "kernel/workqueue.hpp"

namespace emu::kern {

const char* preempt_model_name(PreemptModel m) {
    switch (m) {
    case PreemptModel::None: return "none";
    case PreemptModel::Voluntary: return "voluntary";
    case PreemptModel::Full: return "full";
    }
    return "?";
}

namespace {

[[noreturn]] void cpu_idle_loop() {
    for (;;) {
        Cpu& c = this_cpu();
        while (!c.need_resched) {
            local_irq_disable_internal();
            if (c.need_resched) {
                local_irq_enable_internal();
                break;
            }
            tick_nohz_idle_enter(c);
            // arch_cpu_idle(): sti; hlt -- sleep until an interrupt is pending.
            c.core.irqs_on = true;
            c.core.refresh_deadline();
            c.k.engine.halt(c.core);
            c.watchdog_touch = c.core.clock;
            preempt_point_slow();
        }
        tick_nohz_idle_exit(c);
        schedule_idle();
    }
}

int kthreadd_thread(void*) {
    // Requests are served directly by kthread_create() in emu; kthreadd stays
    // as the parent of every kernel thread, asleep as on Linux.
    for (;;) {
        set_current_state(TASK_INTERRUPTIBLE);
        schedule();
    }
}

// tty driver for the console: input lines wake readers (the interactive shell).
irqreturn_t console_rx_interrupt(int, void* dev) {
    auto* k = static_cast<Kernel*>(dev);
    __wake_up(&k->tty_wait, TASK_INTERRUPTIBLE, 0, nullptr);
    return IRQ_HANDLED;
}

// pid 1: finishes boot in process context, then becomes the first user process.
int init_user(std::vector<std::string>&) {
    Kernel& k = this_kernel();
    Task* self = this_cpu().curr;
    Task* sh = spawn_user(k, self, k.init_program, {"sh"});
    int status = 0;
    for (;;) {
        int pid = sys_wait(-1, &status, false);
        if (pid == sh->pid || pid == -ECHILD) break;
    }
    int code = (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
    printk_emit(k, LOGLEVEL_INFO, "reboot: Power down\n");
    k.stop_machine(code);
    return code;
}

int kernel_init(void*) {
    Kernel& k = this_kernel();
    for (int n = 0; n < k.nr_cpus(); ++n) {
        Cpu& c = k.cpu(n);
        char name[32];
        std::snprintf(name, sizeof name, "ksoftirqd/%d", n);
        Task* t = create_kthread(k, &ksoftirqd_thread, nullptr, name);
        kthread_bind(t, static_cast<unsigned>(n));
        c.ksoftirqd = t;
        wake_up_process(t);
    }
    workqueue_init(k);
    k.ptr_key_ready = true;  // the RNG is seeded from --seed: ready by the subsys initcalls
    request_irq(4, &console_rx_interrupt, 0, "ttyS0", &k);
    printk_emit(k, LOGLEVEL_INFO, "Run /sbin/init as init process\n");
    // exec: pid 1 becomes a user process.
    Task* self = this_cpu().curr;
    self->kind = TaskKind::User;
    self->flags &= ~static_cast<unsigned>(PF_KTHREAD);
    std::snprintf(self->comm, sizeof self->comm, "init");
    self->real_parent = self->parent = nullptr;
    list_del_init(&self->sibling);
    std::vector<std::string> argv{"init"};
    int code = init_user(argv);
    do_exit_task(code, 0);
}

void secondary_start(void* arg) {
    auto* c = static_cast<Cpu*>(arg);
    c->preempt_count = PREEMPT_DISABLED;  // the idle task runs with preemption off
    tick_init_cpu(*c);
    local_irq_enable_internal();
    cpu_idle_loop();
}

void start_kernel(void* arg) {
    auto* cpu0 = static_cast<Cpu*>(arg);
    Kernel& k = cpu0->k;
    cpu0->preempt_count = PREEMPT_DISABLED;
    // A PREEMPT_DYNAMIC kernel, as Debian's 6.1: the model is chosen at boot
    // with preempt=, so the Oops header always says "PREEMPT".
    printk_emit(k, LOGLEVEL_NOTICE, "Linux version 6.1.0-emu (emu@emu) #1 SMP PREEMPT_DYNAMIC\n");
    printk_emit(k, LOGLEVEL_INFO, "Command line: hz=%d preempt=%s nohz=%s\n", k.cfg.hz, preempt_model_name(k.cfg.preempt),
                k.cfg.nohz ? "on" : "off");
    printk_emit(k, LOGLEVEL_INFO, "Dynamic Preempt: %s\n", preempt_model_name(k.cfg.preempt));
    timers_init(k);
    softirq_init(k);
    for (auto& c : k.cpus) timer_base_init(*c);
    tick_init_cpu(*cpu0);
    local_irq_enable_internal();
    // rest_init(): pid 1 and pid 2.
    k.init_task = create_kthread(k, &kernel_init, nullptr, "swapper/0");
    k.kthreadd = create_kthread(k, &kthreadd_thread, nullptr, "kthreadd");
    k.init_task->real_parent = k.init_task->parent = nullptr;
    k.kthreadd->real_parent = k.kthreadd->parent = nullptr;
    list_del_init(&k.init_task->sibling);
    list_del_init(&k.kthreadd->sibling);
    wake_up_new_task(k.init_task);
    wake_up_new_task(k.kthreadd);
    // smp_init(): the secondaries start at the boot CPU's present time.
    printk_emit(k, LOGLEVEL_INFO, "smp: Bringing up secondary CPUs ...\n");
    for (int n = 1; n < k.nr_cpus(); ++n) {
        CpuCore& core = k.cpu(n).core;
        core.clock = cpu0->core.clock;
        core.halted = false;
    }
    printk_emit(k, LOGLEVEL_INFO, "smp: Brought up 1 node, %d CPU%s\n", k.nr_cpus(), k.nr_cpus() > 1 ? "s" : "");
    cpu_idle_loop();
}

}  // namespace

Kernel::Kernel(Engine& e, IrqController& p, TimerChip& tc, Console& con, KernelConfig c)
    : engine(e), pic(p), timer_chip(tc), console(con), cfg(c) {
    INIT_LIST_HEAD(&tasks);
    printk = std::make_unique<Printk>(*this);
    printk->console_loglevel = cfg.console_loglevel;
    lockdep = std::make_unique<Lockdep>(*this);
    slab = std::make_unique<SlabAllocator>();
    vfs = std::make_unique<Vfs>();
    modules = std::make_unique<ModuleRegistry>();
    kernfs_init(*this);  // /dev, /proc, /sys and what the kernel itself puts there
    sysfs_init(*this);   // /sys/class, /sys/devices, /sys/module, ...
    // "Modules linked in:" and " [module]" in call traces come from the loader.
    modules_linked_in = [this]() {
        std::string s;
        for (auto it = modules->loaded.rbegin(); it != modules->loaded.rend(); ++it)
            if (!(*it)->unformed) s += " " + (*it)->name + "(OE)";
        if (!modules->last_unloaded.empty()) s += " [last unloaded: " + modules->last_unloaded + "(OE)]";
        return s;
    };
    module_of_object = [this](std::uintptr_t base) -> std::string {
        for (auto* list : {&modules->loaded, &modules->gone})
            for (auto& m : *list)
                if (m->base == base) return m->name;
        return {};
    };
    __init_waitqueue_head(&var_wq, "var_wq", nullptr);
    __init_waitqueue_head(&tty_wait, "tty_wait", nullptr);
    initial_jiffies = static_cast<unsigned long>(static_cast<unsigned int>(-300 * cfg.hz));
    jiffies_now = initial_jiffies;
    tick_period = engine.timebase().from_ns(1'000'000'000ull / static_cast<unsigned>(cfg.hz));
    sched_slice = engine.timebase().from_ns(3'000'000);
    sched_wakeup_gran = engine.timebase().from_ns(1'000'000);
    sched_sleeper_credit = engine.timebase().from_ns(3'000'000);
    for (int n = 0; n < engine.cpus(); ++n) {
        auto cpu = std::make_unique<Cpu>(*this, engine.core(n), n);
        engine.core(n).kernel_cpu = cpu.get();
        cpu->guest_block_cost = cfg.costs.guest_block;
        for (TimerBase& b : cpu->timer_base) timer_bases.push_back(&b);
        cpus.push_back(std::move(cpu));
    }
    m_nr_cpus = static_cast<int>(cpus.size());
    percpu = std::make_unique<PerCpuAreas>(m_nr_cpus);
    cpuhp = std::make_unique<CpuHotplug>(m_nr_cpus);
}

Kernel::~Kernel() = default;

void Kernel::boot(UserProgram program) {
    init_program = std::move(program);
    install_fault_handlers();
    pic.write(IrqController::LOCAL_TIMER_VEC, kLocalTimerVector, 0);
    for (auto& c : cpus) {
        Task* idle = create_task(*this, TaskKind::Idle, "swapper/" + std::to_string(c->id), nullptr);
        idle->__state = TASK_RUNNING;
        idle->on_cpu = 1;
        idle->home = c.get();
        idle->cpu = static_cast<unsigned>(c->id);
        idle->bound = true;
        c->idle = idle;
        c->curr = idle;
        idle->fiber.start(engine.stacks(), c->id == 0 ? &start_kernel : &secondary_start, c.get());
        c->core.running = &idle->fiber;
        c->core.halted = c->id != 0;  // secondaries wait for smp_init()
    }
}

Task* Kernel::find_task(pid_t pid) {
    auto it = pid_map.find(pid);
    if (it == pid_map.end() || pid < 0) return nullptr;
    Task* t = it->second.get();
    return t->reaped ? nullptr : t;
}

void Kernel::stop_machine(int status) {
    if (!powered_off) {
        powered_off = true;
        poweroff_status = status;
    }
    engine.request_stop();
    if (in_guest()) tl_core->engine->yield_to_loop(*tl_core);
}

}  // namespace emu::kern
