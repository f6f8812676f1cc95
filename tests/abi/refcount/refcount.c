/* <linux/refcount.h>: a refcount_t never wraps. Taking a reference on a
 * count of 0 or dropping one below 0 saturates it and WARNs once (6.1
 * lib/refcount.c), so the bug shows instead of a use-after-free. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/refcount.h>

static refcount_t users = REFCOUNT_INIT(1);

static noinline void buggy_put_twice(refcount_t *r)
{
	if (refcount_dec_and_test(r))
		pr_info("last user gone\n");
	if (refcount_dec_and_test(r))
		pr_info("never printed\n");
}

static int __init refcount_demo_init(void)
{
	refcount_t r;
	bool a, b;

	refcount_inc(&users);
	refcount_add(3, &users);
	pr_info("users=%u\n", refcount_read(&users));
	a = refcount_sub_and_test(4, &users);
	b = refcount_dec_and_test(&users);
	pr_info("sub_and_test(4)=%d dec_and_test=%d users=%u\n", a, b, refcount_read(&users));
	a = refcount_inc_not_zero(&users);
	pr_info("inc_not_zero on 0: %d, users=%u\n", a, refcount_read(&users));

	refcount_set(&r, 2);
	a = refcount_dec_if_one(&r);
	b = refcount_dec_not_one(&r);
	pr_info("dec_if_one on 2: %d, dec_not_one on 2: %d, now %u\n", a, b, refcount_read(&r));
	a = refcount_dec_not_one(&r);
	b = refcount_dec_if_one(&r);
	pr_info("dec_not_one on 1: %d, dec_if_one on 1: %d, now %u\n", a, b, refcount_read(&r));

	refcount_set(&r, 1);
	buggy_put_twice(&r);
	pr_info("after the double put: 0x%x\n", refcount_read(&r));
	refcount_inc(&r);
	pr_info("saturated stays: 0x%x\n", refcount_read(&r));

	refcount_set(&r, 0);
	refcount_inc(&r);
	pr_info("after inc on 0: 0x%x\n", refcount_read(&r));
	return 0;
}

static void __exit refcount_demo_exit(void)
{
}

module_init(refcount_demo_init);
module_exit(refcount_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("refcount.h");
