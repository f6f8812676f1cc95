#ifndef _LINUX_FS_H
#define _LINUX_FS_H
/* Character devices and the file operations a driver provides. */
#include "types.h"
#include "kdev_t.h"
#include "list.h"
#include "wait.h"
#include "module.h"
#include "path.h"
#include "dcache.h"
/* As 6.1's fs.h reaches sched/signal.h and with it get_task_struct(). */
#include "sched/task.h"

struct inode;
struct file;
struct cdev;
#ifdef __cplusplus
typedef unsigned int emu_dev_t;
typedef long long emu_loff_t;
typedef long emu_ssize_t;
#else
typedef dev_t emu_dev_t;
typedef loff_t emu_loff_t;
typedef ssize_t emu_ssize_t;
#endif
typedef unsigned int fl_owner_t_unused;
struct poll_table_struct;

struct file_operations {
	struct module *owner;
	emu_loff_t (*llseek)(struct file *, emu_loff_t, int);
	emu_ssize_t (*read)(struct file *, char __user *, size_t, emu_loff_t *);
	emu_ssize_t (*write)(struct file *, const char __user *, size_t, emu_loff_t *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, void *);
	int (*release)(struct inode *, struct file *);
};

struct inode {
	emu_dev_t i_rdev;
	struct cdev *i_cdev;
	void *i_private;
	unsigned int i_mode;
	emu_loff_t i_size;
};

struct file {
	const struct file_operations *f_op;
	void *private_data;
	unsigned int f_flags;
	fmode_t f_mode;
	emu_loff_t f_pos;
	struct inode *f_inode;
	struct path f_path; /* the opened node's dentry (name, inode); mnt is NULL */
};

#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#ifndef O_CREAT /* the uapi values, as <fcntl.h> has them on x86-64 */
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#endif
#define O_NONBLOCK 04000
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_LSEEK 0x4
#define FMODE_PREAD 0x8
#define FMODE_PWRITE 0x10
#define FMODE_EXEC 0x20
#define FMODE_UNSIGNED_OFFSET 0x2000
#define FMODE_ATOMIC_POS 0x8000
#define FMODE_CAN_READ 0x20000
#define FMODE_CAN_WRITE 0x40000
#define FMODE_OPENED 0x80000
#define FMODE_CREATED 0x100000
#define FMODE_STREAM 0x200000
#define MAX_LFS_FILESIZE ((emu_loff_t)0x7fffffffffffffffLL)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX SEEK_HOLE

EMU_BEGIN_DECLS
int register_chrdev_region(emu_dev_t from, unsigned count, const char *name);
int alloc_chrdev_region(emu_dev_t *dev, unsigned baseminor, unsigned count, const char *name);
void unregister_chrdev_region(emu_dev_t from, unsigned count);
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name,
                      const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name);
emu_loff_t no_llseek(struct file *file, emu_loff_t offset, int whence);
emu_loff_t noop_llseek(struct file *file, emu_loff_t offset, int whence);
emu_loff_t default_llseek(struct file *file, emu_loff_t offset, int whence);
emu_loff_t generic_file_llseek(struct file *file, emu_loff_t offset, int whence);
emu_loff_t generic_file_llseek_size(struct file *file, emu_loff_t offset, int whence, emu_loff_t maxsize,
				    emu_loff_t eof);
emu_loff_t fixed_size_llseek(struct file *file, emu_loff_t offset, int whence, emu_loff_t size);
emu_loff_t no_seek_end_llseek_size(struct file *file, emu_loff_t offset, int whence, emu_loff_t size);
emu_loff_t no_seek_end_llseek(struct file *file, emu_loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
int simple_open(struct inode *inode, struct file *file);
emu_ssize_t simple_read_from_buffer(void __user *to, size_t count, emu_loff_t *ppos, const void *from,
				    size_t available);
emu_ssize_t simple_write_to_buffer(void *to, size_t available, emu_loff_t *ppos, const void __user *from,
				   size_t count);
EMU_END_DECLS
static inline int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{ return __register_chrdev(major, 0, 256, name, fops); }
static inline void unregister_chrdev(unsigned int major, const char *name) { __unregister_chrdev(major, 0, 256, name); }
/* Files showing one number (fs/libfs.c): read formats get() with fmt, write parses for set(). */
EMU_BEGIN_DECLS
int simple_attr_open(struct inode *inode, struct file *file, int (*get)(void *, u64 *), int (*set)(void *, u64),
		     const char *fmt);
int simple_attr_release(struct inode *inode, struct file *file);
emu_ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len, emu_loff_t *ppos);
emu_ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len, emu_loff_t *ppos);
emu_ssize_t simple_attr_write_signed(struct file *file, const char __user *buf, size_t len, emu_loff_t *ppos);
EMU_END_DECLS
/* The format is checked against a u64 argument at compile time only. */
static inline __printf(1, 2) void __simple_attr_check_format(const char *fmt, ...) { (void)fmt; }
/* One generator for the simple attribute files of fs.h and debugfs.h: an open
 * that binds get/set/format to the file, and the fops around it. */
#define __EMU_ATTR_FOPS(name, getter, setter, format, reader, writer, seeker)	\
	static int name##_open(struct inode *ino, struct file *filp)		\
	{									\
		__simple_attr_check_format(format, 0ull);			\
		return simple_attr_open(ino, filp, getter, setter, format);	\
	}									\
	static const struct file_operations name = {				\
		.owner = THIS_MODULE, .open = name##_open,			\
		.release = simple_attr_release, .read = reader,			\
		.write = writer, .llseek = seeker,				\
	}
#define DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(name, getter, setter, format, is_signed)	\
	__EMU_ATTR_FOPS(name, getter, setter, format, simple_attr_read,		\
			(is_signed) ? simple_attr_write_signed : simple_attr_write,	\
			generic_file_llseek)
#define DEFINE_SIMPLE_ATTRIBUTE(name, getter, setter, format) \
	DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(name, getter, setter, format, 0)
#define DEFINE_SIMPLE_ATTRIBUTE_SIGNED(name, getter, setter, format) \
	DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(name, getter, setter, format, 1)

static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
static inline struct dentry *file_dentry(const struct file *file) { return file->f_path.dentry; }
static inline emu_loff_t i_size_read(const struct inode *inode) { return inode->i_size; }
static inline void i_size_write(struct inode *inode, emu_loff_t i_size) { inode->i_size = i_size; }
static inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
static inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
#endif
