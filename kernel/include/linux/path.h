#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H
/* A place in the file tree: a mount and a dentry (6.1 include/linux/path.h).
 * emu has one tree and no mounts as objects: mnt is NULL. */
struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

static inline int path_equal(const struct path *path1, const struct path *path2)
{
	return path1->mnt == path2->mnt && path1->dentry == path2->dentry;
}
#endif
