#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H
/* System call entry points (6.1 include/linux/syscalls.h). 6.1 exports none
 * of them to modules (nor the system call table), and neither does emu: a
 * module calling sys_*() or ksys_*() fails to load with "Unknown symbol". */
#include "types.h"
#include "linkage.h"
#include "unistd.h"
#include "../asm/ptrace.h"

struct stat;
struct pollfd;
struct timespec64;

asmlinkage long sys_read(unsigned int fd, char __user *buf, size_t count);
asmlinkage long sys_write(unsigned int fd, const char __user *buf, size_t count);
asmlinkage long sys_open(const char __user *filename, int flags, umode_t mode);
asmlinkage long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);
asmlinkage long sys_close(unsigned int fd);
asmlinkage long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
asmlinkage long sys_getpid(void);
asmlinkage long sys_kill(pid_t pid, int sig);
asmlinkage long sys_exit(int error_code);
asmlinkage long sys_mkdir(const char __user *pathname, umode_t mode);
asmlinkage long sys_unlink(const char __user *pathname);
asmlinkage long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
asmlinkage long sys_ni_syscall(void);
EMU_BEGIN_DECLS
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
void ksys_sync(void);
EMU_END_DECLS
#endif
