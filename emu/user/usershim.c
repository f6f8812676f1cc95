/* The guest C library shim linked into every user program built by
 * `emu build --user`: the calls that enter the kernel (open, ioctl, read,
 * write, lseek, close, sleep, getpid, exit, and stdio output) go to the guest's
 * system calls. Linked with -Bsymbolic, so the program's own calls bind
 * here, while the emulator keeps the host's C library. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int __emu_user_open(const char *path, int flags, unsigned mode);
long __emu_user_ioctl(int fd, unsigned long cmd, unsigned long arg);
long __emu_user_read(int fd, void *buf, unsigned long n);
long __emu_user_write(int fd, const void *buf, unsigned long n);
int __emu_user_close(int fd);
long long __emu_user_lseek(int fd, long long offset, int whence);
int __emu_user_getpid(void);
unsigned int __emu_user_sleep_us(unsigned long long us);
void __emu_user_exit(int code) __attribute__((noreturn));
void __emu_user_abort(void) __attribute__((noreturn));
const char *__emu_user_comm(void);

static int ret_errno(long r) {
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return (int)r;
}

int open(const char *path, int flags, ...) {
	unsigned mode = 0;
	if (flags & 0100) { /* O_CREAT: the mode argument follows */
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, unsigned);
		va_end(ap);
	}
	return ret_errno(__emu_user_open(path, flags, mode));
}
long lseek(int fd, long offset, int whence) {
	long long r = __emu_user_lseek(fd, offset, whence);
	return r < 0 ? (errno = (int)-r, -1) : (long)r;
}
int close(int fd) { return ret_errno(__emu_user_close(fd)); }
int ioctl(int fd, unsigned long request, ...) {
	va_list ap;
	va_start(ap, request);
	unsigned long arg = va_arg(ap, unsigned long);
	va_end(ap);
	return ret_errno(__emu_user_ioctl(fd, request, arg));
}
long read(int fd, void *buf, unsigned long n) { long r = __emu_user_read(fd, buf, n); return r < 0 ? (errno = (int)-r, -1) : r; }
long write(int fd, const void *buf, unsigned long n) { long r = __emu_user_write(fd, buf, n); return r < 0 ? (errno = (int)-r, -1) : r; }
int getpid(void) { return __emu_user_getpid(); }
unsigned int sleep(unsigned int s) { return __emu_user_sleep_us((unsigned long long)s * 1000000ull); }
int usleep(unsigned int us) { __emu_user_sleep_us(us); return 0; }
void exit(int code) { __emu_user_exit(code); }
/* abort() and a failed assert() end this guest process with SIGABRT (the
 * shell says "Aborted", $? is 134), as the C library does, not the emulator. */
void abort(void) { __emu_user_abort(); }
void _exit(int code) { __emu_user_exit(code); }

static int out(int fd, const char *s, size_t n) { return (int)__emu_user_write(fd, s, n); }
int vfprintf(FILE *stream, const char *fmt, va_list ap) {
	char buf[4096];
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	if (n > (int)sizeof buf - 1) n = sizeof buf - 1;
	return out(stream == stderr ? 2 : 1, buf, (size_t)n);
}
int vprintf(const char *fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }
int printf(const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vfprintf(stdout, fmt, ap); va_end(ap); return n; }
int fprintf(FILE *stream, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vfprintf(stream, fmt, ap); va_end(ap); return n; }
int puts(const char *s) { out(1, s, strlen(s)); return out(1, "\n", 1); }
int fputs(const char *s, FILE *stream) { return out(stream == stderr ? 2 : 1, s, strlen(s)); }
int putchar(int c) { char ch = (char)c; out(1, &ch, 1); return c; }
int fputc(int c, FILE *stream) { char ch = (char)c; out(stream == stderr ? 2 : 1, &ch, 1); return c; }
int putc(int c, FILE *stream) { return fputc(c, stream); }
int fflush(FILE *stream) { (void)stream; return 0; }
void perror(const char *s) {
	const char *msg = strerror(errno);
	if (s && *s) fprintf(stderr, "%s: %s\n", s, msg);
	else fprintf(stderr, "%s\n", msg);
}

/* glibc's message for a failed assert(), then abort(). */
void __assert_fail(const char *assertion, const char *file, unsigned int line, const char *function)
{
	fprintf(stderr, "%s: %s:%u: %s%sAssertion `%s' failed.\n", __emu_user_comm(), file, line,
		function ? function : "", function ? ": " : "", assertion);
	abort();
}
