#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H
/* Files under /proc (fs/proc/generic.c, fs/proc/inode.c): entries made by
 * modules with proc_ops, seq_file iterators or a single show(). */
#include "compiler.h"
#include "types.h"
#include "fs.h"
#include "uidgid.h"

struct proc_dir_entry;
struct seq_file;
struct seq_operations;
struct kiocb;
struct iov_iter;
struct vm_area_struct;
struct pid;
struct net;
struct ns_common;

enum {
	/* A module's entries can always go away (MODULE is defined for modules). */
	PROC_ENTRY_PERMANENT = 0U,
	PROC_ENTRY_proc_read_iter = 1U << 1,
	PROC_ENTRY_proc_compat_ioctl = 1U << 2,
	PROC_ENTRY_proc_lseek = 1U << 3,
};

struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *, struct file *);
	emu_ssize_t (*proc_read)(struct file *, char __user *, size_t, emu_loff_t *);
	emu_ssize_t (*proc_read_iter)(struct kiocb *, struct iov_iter *);
	emu_ssize_t (*proc_write)(struct file *, const char __user *, size_t, emu_loff_t *);
	/* mandatory unless nonseekable_open() or equivalent is used */
	emu_loff_t (*proc_lseek)(struct file *, emu_loff_t, int);
	int (*proc_release)(struct inode *, struct file *);
	unsigned int (*proc_poll)(struct file *, struct poll_table_struct *);
	long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
	long (*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*proc_mmap)(struct file *, struct vm_area_struct *);
	unsigned long (*proc_get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
						unsigned long);
};

enum proc_hidepid {
	HIDEPID_OFF = 0,
	HIDEPID_NO_ACCESS = 1,
	HIDEPID_INVISIBLE = 2,
	HIDEPID_NOT_PTRACEABLE = 4,
};

enum proc_pidonly {
	PROC_PIDONLY_OFF = 0,
	PROC_PIDONLY_ON = 1,
};

typedef int (*proc_write_t)(struct file *, char *, size_t);

EMU_BEGIN_DECLS
struct proc_dir_entry *proc_symlink(const char *, struct proc_dir_entry *, const char *);
struct proc_dir_entry *_proc_mkdir(const char *, umode_t, struct proc_dir_entry *, void *, bool);
struct proc_dir_entry *proc_mkdir(const char *, struct proc_dir_entry *);
struct proc_dir_entry *proc_mkdir_data(const char *, umode_t, struct proc_dir_entry *, void *);
struct proc_dir_entry *proc_mkdir_mode(const char *, umode_t, struct proc_dir_entry *);
struct proc_dir_entry *proc_create_mount_point(const char *name);
struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       const struct seq_operations *ops, unsigned int state_size, void *data);
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
struct proc_dir_entry *proc_create_data(const char *, umode_t, struct proc_dir_entry *, const struct proc_ops *,
					void *);
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
void proc_set_size(struct proc_dir_entry *, emu_loff_t);
void proc_set_user(struct proc_dir_entry *, kuid_t, kgid_t);
void *proc_get_parent_data(const struct inode *);
void proc_remove(struct proc_dir_entry *);
void remove_proc_entry(const char *, struct proc_dir_entry *);
int remove_proc_subtree(const char *, struct proc_dir_entry *);
/* Network namespaces, pidfds and namespace files are not modelled: declared only. */
struct proc_dir_entry *proc_create_net_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					    const struct seq_operations *ops, unsigned int state_size, void *data);
struct proc_dir_entry *proc_create_net_single(const char *name, umode_t mode, struct proc_dir_entry *parent,
					      int (*show)(struct seq_file *, void *), void *data);
struct proc_dir_entry *proc_create_net_data_write(const char *name, umode_t mode, struct proc_dir_entry *parent,
						  const struct seq_operations *ops, proc_write_t write,
						  unsigned int state_size, void *data);
struct proc_dir_entry *proc_create_net_single_write(const char *name, umode_t mode,
						    struct proc_dir_entry *parent,
						    int (*show)(struct seq_file *, void *), proc_write_t write,
						    void *data);
struct pid *tgid_pidfd_to_pid(const struct file *file);
int open_related_ns(struct ns_common *ns, struct ns_common *(*get_ns)(struct ns_common *ns));
bool proc_ns_file(const struct file *file);
EMU_END_DECLS

#define proc_create_seq_data(name, mode, parent, ops, data) proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) proc_create_seq_private(name, mode, parent, ops, 0, NULL)
#define proc_create_single(name, mode, parent, show) proc_create_single_data(name, mode, parent, show, NULL)
#define proc_create_net(name, mode, parent, ops, state_size) \
	proc_create_net_data(name, mode, parent, ops, state_size, NULL)

/* The data given to proc_create_data() and friends, from the file's inode. */
static inline void *pde_data(const struct inode *inode)
{
	return inode->i_private;
}

static inline struct proc_dir_entry *proc_net_mkdir(struct net *net, const char *name,
						    struct proc_dir_entry *parent)
{
	return _proc_mkdir(name, 0, parent, net, true);
}
#endif
