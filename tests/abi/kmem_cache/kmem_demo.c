// SPDX-License-Identifier: GPL-2.0
/*
 * A slab cache of request objects, as a driver keeps one: created with a
 * constructor at load time, objects allocated and freed, destroyed at unload.
 * With leak=1 one object is left behind, which kmem_cache_destroy() reports.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/list.h>

struct demo_req {
	struct list_head node;
	int id;
	int ctor_mark;
	char payload[40];
};

static bool leak;
module_param(leak, bool, 0444);
MODULE_PARM_DESC(leak, "leave one object allocated at unload");

static struct kmem_cache *req_cache;
static struct kmem_cache *plain_cache;
static LIST_HEAD(reqs);
static int ctor_runs;

static void demo_req_ctor(void *obj)
{
	struct demo_req *r = obj;

	r->ctor_mark = 0xc0de;
	ctor_runs++;
}

static int __init kmem_demo_init(void)
{
	struct demo_req *r;
	int i, marked = 0;

	req_cache = kmem_cache_create("kmem_demo_req", sizeof(struct demo_req), 0, SLAB_HWCACHE_ALIGN,
				      demo_req_ctor);
	if (!req_cache)
		return -ENOMEM;
	plain_cache = KMEM_CACHE(demo_req, 0);
	if (!plain_cache) {
		kmem_cache_destroy(req_cache);
		return -ENOMEM;
	}

	for (i = 0; i < 5; i++) {
		r = kmem_cache_alloc(req_cache, GFP_KERNEL);
		if (!r)
			return -ENOMEM;
		marked += r->ctor_mark == 0xc0de;
		r->id = i;
		list_add_tail(&r->node, &reqs);
	}
	r = kmem_cache_zalloc(plain_cache, GFP_KERNEL);
	pr_info("kmem_demo: 5 objects, %d constructed, ctor ran %d times, object size %u, aligned=%d, zeroed=%d\n",
		marked, ctor_runs, kmem_cache_size(req_cache),
		(int)((unsigned long)list_first_entry(&reqs, struct demo_req, node) % 64 == 0),
		r && r->id == 0 && r->ctor_mark == 0);
	kmem_cache_free(plain_cache, r);
	return 0;
}

static void __exit kmem_demo_exit(void)
{
	struct demo_req *r, *tmp;
	int freed = 0;

	list_for_each_entry_safe(r, tmp, &reqs, node) {
		if (leak && r->id == 3)
			continue;
		list_del(&r->node);
		kmem_cache_free(req_cache, r);
		freed++;
	}
	pr_info("kmem_demo: freed %d objects\n", freed);
	kmem_cache_destroy(plain_cache);
	kmem_cache_destroy(req_cache);
	pr_info("kmem_demo: caches destroyed\n");
}

module_init(kmem_demo_init);
module_exit(kmem_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kmem_cache demo");
