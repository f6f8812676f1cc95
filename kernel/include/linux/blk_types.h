#ifndef __LINUX_BLK_TYPES_H
#define __LINUX_BLK_TYPES_H
/* Block layer types (6.1 include/linux/blk_types.h, bvec.h). */
#include "types.h"

typedef u64 sector_t;
typedef u64 blkcnt_t;
#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1 << SECTOR_SHIFT)

typedef u8 blk_status_t;
typedef u16 blk_short_t;
#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP ((blk_status_t)1)
#define BLK_STS_TIMEOUT ((blk_status_t)2)
#define BLK_STS_NOSPC ((blk_status_t)3)
#define BLK_STS_TRANSPORT ((blk_status_t)4)
#define BLK_STS_TARGET ((blk_status_t)5)
#define BLK_STS_NEXUS ((blk_status_t)6)
#define BLK_STS_MEDIUM ((blk_status_t)7)
#define BLK_STS_PROTECTION ((blk_status_t)8)
#define BLK_STS_RESOURCE ((blk_status_t)9)
#define BLK_STS_IOERR ((blk_status_t)10)
#define BLK_STS_DM_REQUEUE ((blk_status_t)11)
#define BLK_STS_AGAIN ((blk_status_t)12)
#define BLK_STS_DEV_RESOURCE ((blk_status_t)13)

struct page;
struct block_device;
struct gendisk;
struct request_queue;

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
struct bvec_iter {
	sector_t bi_sector;
	unsigned int bi_size;
	unsigned int bi_idx;
	unsigned int bi_bvec_done;
};
typedef unsigned int blk_opf_t;
struct bio {
	struct bio *bi_next;
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;
	unsigned short bi_flags;
	unsigned short bi_ioprio;
	blk_status_t bi_status;
	struct bvec_iter bi_iter;
	void (*bi_end_io)(struct bio *);
	void *bi_private;
	unsigned short bi_vcnt;
	unsigned short bi_max_vecs;
	struct bio_vec *bi_io_vec;
};

enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,
	REQ_OP_DISCARD = 3,
	REQ_OP_SECURE_ERASE = 5,
	REQ_OP_WRITE_ZEROES = 9,
	REQ_OP_ZONE_OPEN = 10,
	REQ_OP_ZONE_CLOSE = 11,
	REQ_OP_ZONE_FINISH = 12,
	REQ_OP_ZONE_APPEND = 13,
	REQ_OP_ZONE_RESET = 15,
	REQ_OP_ZONE_RESET_ALL = 17,
	REQ_OP_DRV_IN = 34,
	REQ_OP_DRV_OUT = 35,
	REQ_OP_LAST,
};
#define REQ_OP_BITS 8
#define REQ_OP_MASK ((1 << REQ_OP_BITS) - 1)
static inline bool op_is_write(blk_opf_t op) { return !!(op & (blk_opf_t)1); }
#define bio_op(bio) ((enum req_op)((bio)->bi_opf & REQ_OP_MASK))
#define bio_data_dir(bio) (op_is_write(bio_op(bio)) ? WRITE : READ)
#ifndef READ
#define READ 0
#define WRITE 1
#endif
/* The segments of a bio, one bio_vec at a time. */
#define bio_for_each_segment(bvl, bio, iter) \
	for (iter = (bio)->bi_iter; (iter).bi_size && ((bvl) = (bio)->bi_io_vec[(iter).bi_idx], 1); \
	     (iter).bi_size -= (bvl).bv_len, (iter).bi_idx++)
#endif
