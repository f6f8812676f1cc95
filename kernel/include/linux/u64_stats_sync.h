#ifndef _LINUX_U64_STATS_SYNC_H
#define _LINUX_U64_STATS_SYNC_H
/* 64-bit statistics read consistently (6.1 include/linux/u64_stats_sync.h).
 * On a 64-bit kernel a u64 is read and written in one access, so the
 * syncp is empty, writers need nothing and readers never retry, as on 6.1
 * x86-64; u64_stats_t is a local64_t (a plain long here, each operation one
 * access). */
#include "types.h"
#include "compiler.h"

struct u64_stats_sync { };
typedef struct { long long v; } u64_stats_t;

static inline u64 u64_stats_read(const u64_stats_t *p) { return (u64)READ_ONCE(p->v); }
static inline void u64_stats_set(u64_stats_t *p, u64 val) { WRITE_ONCE(p->v, (long long)val); }
static inline void u64_stats_add(u64_stats_t *p, unsigned long val) { p->v += (long long)val; }
static inline void u64_stats_sub(u64_stats_t *p, s64 val) { p->v -= val; }
static inline void u64_stats_inc(u64_stats_t *p) { p->v++; }
static inline void u64_stats_init(struct u64_stats_sync *syncp) { (void)syncp; }
static inline void u64_stats_update_begin(struct u64_stats_sync *syncp) { (void)syncp; }
static inline void u64_stats_update_end(struct u64_stats_sync *syncp) { (void)syncp; }
static inline unsigned long u64_stats_update_begin_irqsave(struct u64_stats_sync *syncp) { (void)syncp; return 0; }
static inline void u64_stats_update_end_irqrestore(struct u64_stats_sync *syncp, unsigned long flags)
{ (void)syncp; (void)flags; }
static inline unsigned int __u64_stats_fetch_begin(const struct u64_stats_sync *syncp) { (void)syncp; return 0; }
static inline bool __u64_stats_fetch_retry(const struct u64_stats_sync *syncp, unsigned int start)
{ (void)syncp; (void)start; return false; }
static inline unsigned int u64_stats_fetch_begin(const struct u64_stats_sync *syncp) { return __u64_stats_fetch_begin(syncp); }
static inline bool u64_stats_fetch_retry(const struct u64_stats_sync *syncp, unsigned int start)
{ return __u64_stats_fetch_retry(syncp, start); }
/* Removed after 6.1; 6.1 still has them. */
static inline unsigned int u64_stats_fetch_begin_irq(const struct u64_stats_sync *syncp)
{ return __u64_stats_fetch_begin(syncp); }
static inline bool u64_stats_fetch_retry_irq(const struct u64_stats_sync *syncp, unsigned int start)
{ return __u64_stats_fetch_retry(syncp, start); }
#endif
