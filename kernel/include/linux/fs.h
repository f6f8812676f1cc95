#ifndef _LINUX_FS_H
#define _LINUX_FS_H
/* Character devices and the file operations a driver provides. */
#include "types.h"
#include "kdev_t.h"
#include "list.h"
#include "wait.h"
#include "module.h"

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
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
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
};

struct file {
	const struct file_operations *f_op;
	void *private_data;
	unsigned int f_flags;
	fmode_t f_mode;
	emu_loff_t f_pos;
	struct inode *f_inode;
};

#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_NONBLOCK 04000
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

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
int nonseekable_open(struct inode *inode, struct file *filp);
EMU_END_DECLS
static inline int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{ return __register_chrdev(major, 0, 256, name, fops); }
static inline void unregister_chrdev(unsigned int major, const char *name) { __unregister_chrdev(major, 0, 256, name); }
static inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
static inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
#endif
