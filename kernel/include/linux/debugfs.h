#ifndef _DEBUGFS_H_
#define _DEBUGFS_H_
/* debugfs (6.1 fs/debugfs), mounted at /sys/kernel/debug: files whose
 * operations are a driver's, and one-value files (u8 ... x64, bool, blob). */
#include "fs.h"
#include "seq_file.h"
#include "types.h"
#include "compiler.h"

struct device;
struct file_operations;
struct dentry;
struct vfsmount;

struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

struct debugfs_reg32 {
	char *name;
	unsigned long offset;
};

struct debugfs_regset32 {
	const struct debugfs_reg32 *regs;
	int nregs;
	void __iomem *base;
	struct device *dev;
};

struct debugfs_u32_array {
	u32 *array;
	u32 n_elements;
};

/* Like DEFINE_SIMPLE_ATTRIBUTE (fs.h), through debugfs's own read/write,
 * which hold the file against removal; no seeking. */
#define DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(name, getter, setter, format, is_signed)	\
	__EMU_ATTR_FOPS(name, getter, setter, format, debugfs_attr_read,		\
			(is_signed) ? debugfs_attr_write_signed : debugfs_attr_write,	\
			no_llseek)
#define DEFINE_DEBUGFS_ATTRIBUTE(name, getter, setter, format) \
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(name, getter, setter, format, 0)
#define DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(name, getter, setter, format) \
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(name, getter, setter, format, 1)

typedef struct vfsmount *(*debugfs_automount_t)(struct dentry *, void *);

EMU_BEGIN_DECLS
extern struct dentry *arch_debugfs_dir; /* x86's own directory: not made here */
struct dentry *debugfs_lookup(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode, struct dentry *parent, void *data,
					  const struct file_operations *fops);
void debugfs_create_file_size(const char *name, umode_t mode, struct dentry *parent, void *data,
			      const struct file_operations *fops, emu_loff_t file_size);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
void debugfs_remove(struct dentry *dentry);
void debugfs_lookup_and_remove(const char *name, struct dentry *parent);
const struct file_operations *debugfs_real_fops(const struct file *filp);
int debugfs_file_get(struct dentry *dentry);
void debugfs_file_put(struct dentry *dentry);
emu_ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len, emu_loff_t *ppos);
emu_ssize_t debugfs_attr_write(struct file *file, const char __user *buf, size_t len, emu_loff_t *ppos);
emu_ssize_t debugfs_attr_write_signed(struct file *file, const char __user *buf, size_t len, emu_loff_t *ppos);
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_ulong(const char *name, umode_t mode, struct dentry *parent, unsigned long *value);
void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_x64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_size_t(const char *name, umode_t mode, struct dentry *parent, size_t *value);
void debugfs_create_atomic_t(const char *name, umode_t mode, struct dentry *parent, atomic_t *value);
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value);
void debugfs_create_str(const char *name, umode_t mode, struct dentry *parent, char **value);
struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent,
				   struct debugfs_blob_wrapper *blob);
bool debugfs_initialized(void);
emu_ssize_t debugfs_read_file_bool(struct file *file, char __user *user_buf, size_t count, emu_loff_t *ppos);
emu_ssize_t debugfs_write_file_bool(struct file *file, const char __user *user_buf, size_t count,
				    emu_loff_t *ppos);
emu_ssize_t debugfs_read_file_str(struct file *file, char __user *user_buf, size_t count, emu_loff_t *ppos);
/* Drop a reference from debugfs_lookup() (linux/dcache.h). */
void dput(struct dentry *dentry);
/* Not modelled (symlinks, automounts, renames, register dumps): declared only. */
struct dentry *debugfs_create_symlink(const char *name, struct dentry *parent, const char *dest);
struct dentry *debugfs_create_automount(const char *name, struct dentry *parent, debugfs_automount_t f, void *data);
struct dentry *debugfs_rename(struct dentry *old_dir, struct dentry *old_dentry, struct dentry *new_dir,
			      const char *new_name);
void debugfs_create_regset32(const char *name, umode_t mode, struct dentry *parent,
			     struct debugfs_regset32 *regset);
void debugfs_print_regs32(struct seq_file *s, const struct debugfs_reg32 *regs, int nregs, void __iomem *base,
			  char *prefix);
void debugfs_create_u32_array(const char *name, umode_t mode, struct dentry *parent,
			      struct debugfs_u32_array *array);
void debugfs_create_devm_seqfile(struct device *dev, const char *name, struct dentry *parent,
				 int (*read_fn)(struct seq_file *s, void *data));
EMU_END_DECLS

#define debugfs_remove_recursive debugfs_remove
#endif
