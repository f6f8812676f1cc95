#ifndef BLK_MQ_H
#define BLK_MQ_H
/* The multi-queue block layer's driver interface (6.1 include/linux/blk-mq.h).
 * Declared only on emu, which has no block layer ("Unknown symbol NAME" at
 * insmod: blk_mq_alloc_tag_set, __blk_mq_alloc_disk, ...); the request
 * accessors are 6.1's inline code. */
#include "blkdev.h"
#include "blk_types.h"

struct blk_mq_tags;
struct io_comp_batch;
struct seq_file;
struct blk_mq_hw_ctx;

struct request {
	struct request_queue *q;
	struct blk_mq_hw_ctx *mq_hctx;
	blk_opf_t cmd_flags;
	unsigned int rq_flags;
	int tag;
	int internal_tag;
	unsigned int timeout;
	unsigned int __data_len;
	sector_t __sector;
	struct bio *bio;
	struct bio *biotail;
	struct list_head queuelist;
	struct gendisk *rq_disk;
	void *end_io_data;
};
struct blk_mq_hw_ctx {
	void *driver_data;
	unsigned long flags;
	struct request_queue *queue;
	unsigned int queue_num;
	unsigned int numa_node;
};
struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};
enum blk_eh_timer_return {
	BLK_EH_DONE,
	BLK_EH_RESET_TIMER,
};
struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *, const struct blk_mq_queue_data *);
	void (*commit_rqs)(struct blk_mq_hw_ctx *);
	void (*queue_rqs)(struct request **rqlist);
	int (*get_budget)(struct request_queue *);
	void (*put_budget)(struct request_queue *, int);
	enum blk_eh_timer_return (*timeout)(struct request *);
	int (*poll)(struct blk_mq_hw_ctx *, struct io_comp_batch *);
	void (*complete)(struct request *);
	int (*init_hctx)(struct blk_mq_hw_ctx *, void *, unsigned int);
	void (*exit_hctx)(struct blk_mq_hw_ctx *, unsigned int);
	int (*init_request)(struct blk_mq_tag_set *set, struct request *, unsigned int, unsigned int);
	void (*exit_request)(struct blk_mq_tag_set *set, struct request *, unsigned int);
	void (*cleanup_rq)(struct request *);
	bool (*busy)(struct request_queue *);
	void (*map_queues)(struct blk_mq_tag_set *set);
	void (*show_rq)(struct seq_file *m, struct request *rq);
};
#define HCTX_MAX_TYPES 3
struct blk_mq_queue_map {
	unsigned int *mq_map;
	unsigned int nr_queues;
	unsigned int queue_offset;
};
struct blk_mq_tag_set {
	struct blk_mq_queue_map map[HCTX_MAX_TYPES];
	unsigned int nr_maps;
	const struct blk_mq_ops *ops;
	unsigned int nr_hw_queues;
	unsigned int queue_depth;
	unsigned int reserved_tags;
	unsigned int cmd_size;
	int numa_node;
	unsigned int timeout;
	unsigned int flags;
	void *driver_data;
	struct blk_mq_tags **tags;
	struct blk_mq_tags *shared_tags;
	struct mutex tag_list_lock;
	struct list_head tag_list;
};
enum {
	BLK_MQ_F_SHOULD_MERGE = 1 << 0,
	BLK_MQ_F_TAG_QUEUE_SHARED = 1 << 1,
	BLK_MQ_F_STACKING = 1 << 2,
	BLK_MQ_F_TAG_HCTX_SHARED = 1 << 3,
	BLK_MQ_F_BLOCKING = 1 << 5,
	BLK_MQ_F_NO_SCHED = 1 << 6,
	BLK_MQ_F_NO_SCHED_BY_DEFAULT = 1 << 7,
	BLK_MQ_F_ALLOC_POLICY_START_BIT = 8,
	BLK_MQ_F_ALLOC_POLICY_BITS = 1,
	BLK_MQ_S_STOPPED = 0,
	BLK_MQ_S_TAG_ACTIVE = 1,
	BLK_MQ_S_SCHED_RESTART = 2,
	BLK_MQ_S_INACTIVE = 3,
	BLK_MQ_MAX_DEPTH = 10240,
	BLK_MQ_CPU_WORK_BATCH = 8,
};

struct req_iterator {
	struct bvec_iter iter;
	struct bio *bio;
};

EMU_BEGIN_DECLS
struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, void *queuedata, struct lock_class_key *lkclass);
struct request_queue *blk_mq_init_queue(struct blk_mq_tag_set *);
void blk_mq_destroy_queue(struct request_queue *);
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops, unsigned int queue_depth,
                            unsigned int set_flags);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
void blk_mq_start_request(struct request *rq);
void blk_mq_end_request(struct request *rq, blk_status_t error);
void __blk_mq_end_request(struct request *rq, blk_status_t error);
void blk_mq_complete_request(struct request *rq);
bool blk_update_request(struct request *rq, blk_status_t error, unsigned int nr_bytes);
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list);
void blk_mq_stop_hw_queue(struct blk_mq_hw_ctx *hctx);
void blk_mq_start_hw_queue(struct blk_mq_hw_ctx *hctx);
void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async);
EMU_END_DECLS

#define blk_mq_alloc_disk(set, queuedata) \
({ \
	static struct lock_class_key __key; \
	__blk_mq_alloc_disk(set, queuedata, &__key); \
})
#define req_op(req) ((enum req_op)((req)->cmd_flags & REQ_OP_MASK))
#define rq_data_dir(rq) (op_is_write(req_op(rq)) ? WRITE : READ)
static inline bool blk_rq_is_passthrough(struct request *rq)
{ return req_op(rq) == REQ_OP_DRV_IN || req_op(rq) == REQ_OP_DRV_OUT; }
static inline sector_t blk_rq_pos(const struct request *rq) { return rq->__sector; }
static inline unsigned int blk_rq_bytes(const struct request *rq) { return rq->__data_len; }
static inline int blk_rq_cur_bytes(const struct request *rq)
{ return rq->bio ? (int)rq->bio->bi_io_vec[rq->bio->bi_iter.bi_idx].bv_len : 0; }
static inline unsigned int blk_rq_sectors(const struct request *rq) { return blk_rq_bytes(rq) >> SECTOR_SHIFT; }
static inline unsigned int blk_rq_cur_sectors(const struct request *rq) { return blk_rq_cur_bytes(rq) >> SECTOR_SHIFT; }
static inline void *blk_mq_rq_to_pdu(struct request *rq) { return rq + 1; }
static inline struct request *blk_mq_rq_from_pdu(void *pdu) { return (struct request *)pdu - 1; }
/* The bios of a request in order, then the segments of each; the bio
 * cursor is left untouched for a request without data. */
#define __rq_for_each_bio(_bio, rq) \
	if ((rq)->bio != NULL) \
		for ((_bio) = (rq)->bio; (_bio) != NULL; (_bio) = (_bio)->bi_next)
#define rq_for_each_segment(bvl, _rq, _iter) \
	__rq_for_each_bio((_iter).bio, _rq) bio_for_each_segment(bvl, (_iter).bio, (_iter).iter)
#endif
