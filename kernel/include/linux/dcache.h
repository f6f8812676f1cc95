#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H
/* Directory entries (6.1 include/linux/dcache.h): a name in its parent
 * directory and the inode it names. Every node of emu's file tree (/proc,
 * /sys, /sys/kernel/debug, /dev) has one, with its name and inode set; the
 * name's hash is not computed (0). */
#include "types.h"

struct inode;

/* A name with its length (and, on 6.1, hash): not NUL-terminated in general,
 * though emu's names are. */
struct qstr {
	union {
		struct {
			u32 hash;
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};

#define QSTR_INIT(n, l) { { { .len = l } }, .name = n }

struct dentry {
	unsigned int d_flags;
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
	void *d_fsdata;
};

static inline struct inode *d_inode(const struct dentry *dentry) { return dentry->d_inode; }
static inline struct inode *d_inode_rcu(const struct dentry *dentry) { return dentry->d_inode; }
static inline struct inode *d_backing_inode(const struct dentry *dentry) { return dentry->d_inode; }
static inline bool d_really_is_negative(const struct dentry *dentry) { return dentry->d_inode == NULL; }
static inline bool d_really_is_positive(const struct dentry *dentry) { return dentry->d_inode != NULL; }
static inline int simple_positive(const struct dentry *dentry) { return dentry->d_inode != NULL; }
static inline bool IS_ROOT(const struct dentry *dentry) { return dentry == dentry->d_parent; }

/* References: emu's tree keeps its nodes, so taking one changes nothing. */
static inline struct dentry *dget(struct dentry *dentry) { return dentry; }
EMU_BEGIN_DECLS
void dput(struct dentry *dentry);
EMU_END_DECLS
#endif
