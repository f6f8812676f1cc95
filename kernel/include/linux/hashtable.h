#ifndef _LINUX_HASHTABLE_H
#define _LINUX_HASHTABLE_H
/* Fixed-size hash tables: an array of 2^bits hlist buckets, the bucket chosen
 * by hash_min() (6.1 include/linux/hashtable.h). The table must be an array
 * (not a pointer) wherever its size is taken. */
#include "list.h"
#include "types.h"
#include "kernel.h"
#include "hash.h"
#include "log2.h"
#include "rculist.h"

#define DEFINE_HASHTABLE(name, bits) \
	struct hlist_head name[1 << (bits)] = { [0 ... ((1 << (bits)) - 1)] = HLIST_HEAD_INIT }
#define DEFINE_READ_MOSTLY_HASHTABLE(name, bits) \
	struct hlist_head name[1 << (bits)] __read_mostly = { [0 ... ((1 << (bits)) - 1)] = HLIST_HEAD_INIT }
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))

/* Keys of 4 bytes or fewer use the cheaper 32-bit hash. */
#define hash_min(val, bits) (sizeof(val) <= 4 ? hash_32(val, bits) : hash_long(val, bits))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int b = 0; b < sz; b++)
		INIT_HLIST_HEAD(&ht[b]);
}
#define hash_init(hashtable) __hash_init(hashtable, HASH_SIZE(hashtable))

#define hash_add(hashtable, node, key) hlist_add_head(node, &(hashtable)[hash_min(key, HASH_BITS(hashtable))])
#define hash_add_rcu(hashtable, node, key) hlist_add_head_rcu(node, &(hashtable)[hash_min(key, HASH_BITS(hashtable))])

static inline bool hash_hashed(struct hlist_node *node) { return !hlist_unhashed(node); }

static inline bool __hash_empty(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int b = 0; b < sz; b++)
		if (!hlist_empty(&ht[b]))
			return false;
	return true;
}
#define hash_empty(hashtable) __hash_empty(hashtable, HASH_SIZE(hashtable))

/* Deleted nodes are re-initialised, so hash_hashed() is false afterwards. */
static inline void hash_del(struct hlist_node *node) { hlist_del_init(node); }
static inline void hash_del_rcu(struct hlist_node *node) { hlist_del_init_rcu(node); }

/* The outer loop stops once the inner one breaks with obj set, so `break`
 * inside the body leaves both. */
#define hash_for_each(name, bkt, obj, member) \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry(obj, &(name)[bkt], member)
#define hash_for_each_rcu(name, bkt, obj, member) \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry_rcu(obj, &(name)[bkt], member)
#define hash_for_each_safe(name, bkt, tmp, obj, member) \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry_safe(obj, tmp, &(name)[bkt], member)

#define hash_for_each_possible(name, obj, member, key) \
	hlist_for_each_entry(obj, &(name)[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_rcu(name, obj, member, key, cond...) \
	hlist_for_each_entry_rcu(obj, &(name)[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_rcu_notrace(name, obj, member, key) \
	hlist_for_each_entry_rcu_notrace(obj, &(name)[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_safe(name, obj, tmp, member, key) \
	hlist_for_each_entry_safe(obj, tmp, &(name)[hash_min(key, HASH_BITS(name))], member)
#endif
