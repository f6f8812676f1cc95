#ifndef __LINUX_FILE_H
#define __LINUX_FILE_H
/* References to open files by descriptor (6.1 include/linux/file.h).
 * fget()/fput() and fdget()/fdput() work on the calling task's descriptors;
 * a file whose descriptor is closed stays open (release not yet called)
 * until the last fput(). Making new descriptors or files from a module
 * (get_unused_fd_flags(), fd_install(), alloc_file_pseudo(), ...) is not
 * modelled: declared only (insmod: Unknown symbol). */
#include "compiler.h"
#include "types.h"
#include "errno.h"
#include "err.h"

struct file;
struct file_operations;
struct task_struct;
struct vfsmount;
struct dentry;
struct inode;
struct path;

EMU_BEGIN_DECLS
void fput(struct file *);
struct file *alloc_file_pseudo(struct inode *, struct vfsmount *, const char *, int flags,
			       const struct file_operations *);
struct file *alloc_file_clone(struct file *, int flags, const struct file_operations *);
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
struct file *fget_task(struct task_struct *task, unsigned int fd);
unsigned long __fdget(unsigned int fd);
unsigned long __fdget_raw(unsigned int fd);
unsigned long __fdget_pos(unsigned int fd);
void __f_unlock_pos(struct file *);
int f_dupfd(unsigned int from, struct file *file, unsigned flags);
int replace_fd(unsigned fd, struct file *file, unsigned flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);
int get_unused_fd_flags(unsigned flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int receive_fd(struct file *file, unsigned int o_flags);
int close_fd(unsigned int fd);
EMU_END_DECLS

static inline void fput_light(struct file *file, int fput_needed)
{
	if (fput_needed)
		fput(file);
}

/* A file and whether fdput() must drop a reference (the low bits of __fdget()). */
struct fd {
	struct file *file;
	unsigned int flags;
};
#define FDPUT_FPUT 1
#define FDPUT_POS_UNLOCK 2

static inline void fdput(struct fd fd)
{
	if (fd.flags & FDPUT_FPUT)
		fput(fd.file);
}

static inline struct fd __to_fd(unsigned long v)
{
	struct fd f = { (struct file *)(v & ~3UL), (unsigned int)(v & 3) };
	return f;
}
static inline struct fd fdget(unsigned int fd) { return __to_fd(__fdget(fd)); }
static inline struct fd fdget_raw(unsigned int fd) { return __to_fd(__fdget_raw(fd)); }
static inline struct fd fdget_pos(int fd) { return __to_fd(__fdget_pos((unsigned int)fd)); }
static inline void fdput_pos(struct fd f)
{
	if (f.flags & FDPUT_POS_UNLOCK)
		__f_unlock_pos(f.file);
	fdput(f);
}
#endif
