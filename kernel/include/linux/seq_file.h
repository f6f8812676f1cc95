#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H
/* Sequential files (fs/seq_file.c): a read() is served from a buffer that
 * show() fills record by record through start/next/stop. */
#include <stdarg.h>
#ifdef __cplusplus
#include <string.h>
#endif
#include "types.h"
#include "string.h"
#include "bug.h"
#include "mutex.h"
#include "cpumask.h"
#include "fs.h"

struct seq_operations;
struct path;
struct dentry;
struct kiocb;
struct iov_iter;
struct user_namespace;

struct seq_file {
	char *buf;
	size_t size;
	size_t from;
	size_t count;
	size_t pad_until;
	emu_loff_t index;
	emu_loff_t read_pos;
	struct mutex lock;
	const struct seq_operations *op;
	int poll_event;
	const struct file *file;
#ifdef __cplusplus
	void *private_; /* `private` to C code (a keyword in C++) */
#else
	void *private;
#endif
};

struct seq_operations {
	void *(*start)(struct seq_file *m, emu_loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, emu_loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP 1
#define SEQ_START_TOKEN ((void *)1)

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

static inline size_t seq_get_buf(struct seq_file *m, char **bufp)
{
	BUG_ON(m->count > m->size);
	*bufp = m->count < m->size ? m->buf + m->count : NULL;
	return m->size - m->count;
}

static inline void seq_commit(struct seq_file *m, int num)
{
	if (num < 0) {
		m->count = m->size;
	} else {
		BUG_ON(m->count + num > m->size);
		m->count += num;
	}
}

static inline void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}

#ifndef ESCAPE_OCTAL
#define ESCAPE_OCTAL 0x08
#endif

EMU_BEGIN_DECLS
void seq_pad(struct seq_file *m, char c);
char *mangle_path(char *s, const char *p, const char *esc);
int seq_open(struct file *, const struct seq_operations *);
emu_ssize_t seq_read(struct file *, char __user *, size_t, emu_loff_t *);
emu_ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
emu_loff_t seq_lseek(struct file *, emu_loff_t, int);
int seq_release(struct inode *, struct file *);
int seq_write(struct seq_file *seq, const void *data, size_t len);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args) __printf(2, 0);
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_putc(struct seq_file *m, char c);
void seq_puts(struct seq_file *m, const char *s);
void seq_put_decimal_ull_width(struct seq_file *m, const char *delimiter, unsigned long long num, unsigned int width);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);
void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v, unsigned int width);
/* Not modelled (string escaping, hex dumps, paths): declared so code builds; insmod names them. */
void seq_escape_mem(struct seq_file *m, const char *src, size_t len, unsigned int flags, const char *esc);
void seq_hex_dump(struct seq_file *m, const char *prefix_str, int prefix_type, int rowsize, int groupsize,
		  const void *buf, size_t len, bool ascii);
int seq_path(struct seq_file *, const struct path *, const char *);
int seq_file_path(struct seq_file *, struct file *, const char *);
int seq_dentry(struct seq_file *, struct dentry *, const char *);
int seq_path_root(struct seq_file *m, const struct path *path, const struct path *root, const char *esc);
void seq_bprintf(struct seq_file *m, const char *f, const u32 *binary);

void *single_start(struct seq_file *, emu_loff_t *);
int single_open(struct file *, int (*)(struct seq_file *, void *), void *);
int single_open_size(struct file *, int (*)(struct seq_file *, void *), void *, size_t);
int single_release(struct inode *, struct file *);
void *__seq_open_private(struct file *, const struct seq_operations *, int);
int seq_open_private(struct file *, const struct seq_operations *, int);
int seq_release_private(struct inode *, struct file *);

struct list_head *seq_list_start(struct list_head *head, emu_loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, emu_loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head, emu_loff_t *ppos);
struct list_head *seq_list_start_rcu(struct list_head *head, emu_loff_t pos);
struct list_head *seq_list_start_head_rcu(struct list_head *head, emu_loff_t pos);
struct list_head *seq_list_next_rcu(void *v, struct list_head *head, emu_loff_t *ppos);
struct hlist_node *seq_hlist_start(struct hlist_head *head, emu_loff_t pos);
struct hlist_node *seq_hlist_start_head(struct hlist_head *head, emu_loff_t pos);
struct hlist_node *seq_hlist_next(void *v, struct hlist_head *head, emu_loff_t *ppos);
struct hlist_node *seq_hlist_start_rcu(struct hlist_head *head, emu_loff_t pos);
struct hlist_node *seq_hlist_start_head_rcu(struct hlist_head *head, emu_loff_t pos);
struct hlist_node *seq_hlist_next_rcu(void *v, struct hlist_head *head, emu_loff_t *ppos);
struct hlist_node *seq_hlist_start_percpu(struct hlist_head *head, int *cpu, emu_loff_t pos);
struct hlist_node *seq_hlist_next_percpu(void *v, struct hlist_head *head, int *cpu, emu_loff_t *pos);
EMU_END_DECLS

static inline void seq_escape_str(struct seq_file *m, const char *src, unsigned int flags, const char *esc)
{
	seq_escape_mem(m, src, strlen(src), flags, esc);
}

static inline void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	seq_escape_str(m, s, ESCAPE_OCTAL, esc);
}

static inline void seq_show_option(struct seq_file *m, const char *name, const char *value)
{
	seq_putc(m, ',');
	seq_escape(m, name, ",= \t\n\\");
	if (value) {
		seq_putc(m, '=');
		seq_escape(m, value, ", \t\n\\");
	}
}

/* The three generators below define NAME_open() and NAME_fops (NAME_proc_ops),
 * names modules refer to; the data given at file creation (inode->i_private,
 * or the proc entry's data) becomes the seq_file's private. */
#define __emu_seq_file_fops(nm, releaser) \
	static const struct file_operations nm##_fops = { \
		.owner = THIS_MODULE, .open = nm##_open, .read = seq_read, \
		.llseek = seq_lseek, .release = releaser, \
	}

#define DEFINE_SEQ_ATTRIBUTE(nm) \
	static int nm##_open(struct inode *ino, struct file *filp) \
	{ \
		int err = seq_open(filp, &nm##_sops); \
		if (err == 0 && ino->i_private) \
			((struct seq_file *)filp->private_data)->private = ino->i_private; \
		return err; \
	} \
	__emu_seq_file_fops(nm, seq_release)

#define DEFINE_SHOW_ATTRIBUTE(nm) \
	static int nm##_open(struct inode *ino, struct file *filp) \
	{ return single_open(filp, nm##_show, ino->i_private); } \
	__emu_seq_file_fops(nm, single_release)

#define DEFINE_PROC_SHOW_ATTRIBUTE(nm) \
	static int nm##_open(struct inode *ino, struct file *filp) \
	{ return single_open(filp, nm##_show, pde_data(ino)); } \
	static const struct proc_ops nm##_proc_ops = { \
		.proc_open = nm##_open, .proc_read = seq_read, \
		.proc_lseek = seq_lseek, .proc_release = single_release, \
	}

#endif
