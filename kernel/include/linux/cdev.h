#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H
#include "fs.h"
struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	emu_dev_t dev;
	unsigned int count;
	int added;
};
EMU_BEGIN_DECLS
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, emu_dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
EMU_END_DECLS
#endif
