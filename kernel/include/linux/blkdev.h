#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H
/* Block devices (6.1 include/linux/blkdev.h; genhd.h was folded into it in
 * 5.18 and no longer exists). emu has no block layer: a driver's
 * block_device_operations and gendisk can be written, but registering a
 * major or adding a disk is declared only, so a module that does fails to
 * load with "Unknown symbol NAME" (__register_blkdev, device_add_disk, ...). */
#include "types.h"
#include "blk_types.h"
#include "device.h"
#include "list.h"
#include "fs.h"
#include "mm.h"
#include "wait.h"
#include "workqueue.h"

#define DISK_MAX_PARTS 256
#define DISK_NAME_LEN 32
#define GENHD_FL_REMOVABLE (1 << 0)
#define GENHD_FL_HIDDEN (1 << 1)
#define GENHD_FL_NO_PART (1 << 2)

struct hd_geometry;
struct blk_mq_tag_set;

struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
	int (*open)(struct block_device *, fmode_t);
	void (*release)(struct gendisk *, fmode_t);
	int (*rw_page)(struct block_device *, sector_t, struct page *, enum req_op);
	int (*ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	int (*compat_ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	void (*unlock_native_capacity)(struct gendisk *);
	int (*getgeo)(struct block_device *, struct hd_geometry *);
	int (*set_read_only)(struct block_device *bdev, bool ro);
	void (*free_disk)(struct gendisk *disk);
	char *(*devnode)(struct gendisk *disk, umode_t *mode);
	struct module *owner;
};

struct queue_limits {
	unsigned long bounce;
	unsigned long seg_boundary_mask;
	unsigned long virt_boundary_mask;
	unsigned int max_hw_sectors;
	unsigned int max_dev_sectors;
	unsigned int chunk_sectors;
	unsigned int max_sectors;
	unsigned int max_segment_size;
	unsigned int physical_block_size;
	unsigned int logical_block_size;
	unsigned int alignment_offset;
	unsigned int io_min;
	unsigned int io_opt;
	unsigned short max_segments;
};
struct request_queue {
	void *queuedata;
	unsigned long queue_flags;
	struct queue_limits limits;
	struct gendisk *disk;
	struct blk_mq_tag_set *tag_set;
};
struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[DISK_NAME_LEN];
	unsigned short events;
	unsigned short event_flags;
	struct block_device *part0;
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
	int flags;
	unsigned long state;
};

EMU_BEGIN_DECLS
int __register_blkdev(unsigned int major, const char *name, void (*probe)(dev_t devt));
void unregister_blkdev(unsigned int major, const char *name);
int __must_check device_add_disk(struct device *parent, struct gendisk *disk, const struct attribute_group **groups);
void del_gendisk(struct gendisk *gp);
void put_disk(struct gendisk *disk);
struct gendisk *__blk_alloc_disk(int node, struct lock_class_key *lkclass);
void set_capacity(struct gendisk *disk, sector_t size);
bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
void set_disk_ro(struct gendisk *disk, bool read_only);
void blk_queue_logical_block_size(struct request_queue *, unsigned int);
void blk_queue_physical_block_size(struct request_queue *, unsigned int);
void blk_queue_max_hw_sectors(struct request_queue *, unsigned int);
void blk_queue_max_segments(struct request_queue *, unsigned short);
void blk_queue_flag_set(unsigned int flag, struct request_queue *q);
void blk_queue_flag_clear(unsigned int flag, struct request_queue *q);
void bio_endio(struct bio *bio);
void submit_bio(struct bio *bio);
EMU_END_DECLS

#define register_blkdev(major, name) __register_blkdev(major, name, NULL)
static inline int __must_check add_disk(struct gendisk *disk) { return device_add_disk(NULL, disk, NULL); }
static inline sector_t get_capacity(struct gendisk *disk) { (void)disk; return 0; }
#define blk_alloc_disk(node_id) \
({ \
	static struct lock_class_key __key; \
	__blk_alloc_disk(node_id, &__key); \
})
static inline void *bvec_kmap_local(struct bio_vec *bvec) { return (char *)page_address(bvec->bv_page) + bvec->bv_offset; }
#endif
