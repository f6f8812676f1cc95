#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H
/* emu's kernel is built for up to 64 CPUs; a machine has --cpus of them online. */
#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS 64
#endif
#define NR_CPUS CONFIG_NR_CPUS
#define MIN_THREADS_LEFT_FOR_ROOT 4
#define PID_MAX_DEFAULT 0x8000
#define PID_MAX_LIMIT (4 * 1024 * 1024)
#define PIDS_PER_CPU_DEFAULT 1024
#define PIDS_PER_CPU_MIN 8
#endif
