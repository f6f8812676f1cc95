/* <linux/atomic.h>: the atomic_t, atomic64_t and atomic_long_t families, and
 * counters shared by two kernel threads on two CPUs. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/atomic.h>
#include <linux/kthread.h>
#include <linux/completion.h>

static atomic_t hits = ATOMIC_INIT(0);
static atomic64_t bytes = ATOMIC64_INIT(0);
static atomic_long_t seen = ATOMIC_LONG_INIT(0);
static DECLARE_COMPLETION(done_a);
static DECLARE_COMPLETION(done_b);

static int worker(void *data)
{
	int i;

	for (i = 0; i < 20000; i++) {
		atomic_inc(&hits);
		atomic64_add(3, &bytes);
		atomic_long_inc(&seen);
		if (i % 1000 == 0)
			cond_resched();
	}
	complete(data);
	return 0;
}

static int __init atomic_demo_init(void)
{
	atomic_t v = ATOMIC_INIT(5);
	atomic64_t w = ATOMIC64_INIT(1LL << 40);
	atomic_long_t l = ATOMIC_LONG_INIT(-1);
	int old, r1, r2;
	s64 o64;
	bool t;

	r1 = atomic_add_return(3, &v);
	r2 = atomic_fetch_add(2, &v);
	pr_info("add_return=%d fetch_add=%d read=%d\n", r1, r2, atomic_read(&v));
	r1 = atomic_sub_return(4, &v);
	r2 = atomic_fetch_sub(1, &v);
	pr_info("sub_return=%d fetch_sub=%d read=%d\n", r1, r2, atomic_read(&v));
	r1 = atomic_inc_return(&v);
	r2 = atomic_dec_return(&v);
	pr_info("inc_return=%d dec_return=%d\n", r1, r2);
	atomic_set(&v, 1);
	t = atomic_dec_and_test(&v);
	pr_info("dec_and_test from 1: %d, then inc_and_test from 0: %d\n", t, atomic_inc_and_test(&v));
	atomic_set(&v, 2);
	t = atomic_sub_and_test(2, &v);
	r1 = atomic_add_negative(-1, &v);
	pr_info("sub_and_test(2): %d add_negative(-1): %d\n", t, r1);
	atomic_set(&v, 10);
	old = atomic_cmpxchg(&v, 10, 20);
	r1 = atomic_cmpxchg(&v, 10, 30);
	pr_info("cmpxchg: %d then %d, read=%d\n", old, r1, atomic_read(&v));
	old = 99;
	t = atomic_try_cmpxchg(&v, &old, 21);
	pr_info("try_cmpxchg(99): %d, old became %d\n", t, old);
	t = atomic_try_cmpxchg(&v, &old, 21);
	r1 = atomic_read(&v);
	r2 = atomic_xchg(&v, 0);
	pr_info("try_cmpxchg(20): %d, read=%d xchg=%d read=%d\n", t, r1, r2, atomic_read(&v));
	t = atomic_add_unless(&v, 1, 0);
	r1 = atomic_inc_not_zero(&v);
	pr_info("add_unless(1, 0) on 0: %d, inc_not_zero on 0: %d, read=%d\n", t, r1, atomic_read(&v));
	r1 = atomic_dec_if_positive(&v);
	pr_info("dec_if_positive on 0: %d, read=%d\n", r1, atomic_read(&v));
	atomic_set(&v, 0xf0);
	atomic_or(0x0f, &v);
	atomic_and(0x3c, &v);
	atomic_xor(0x01, &v);
	r1 = atomic_fetch_andnot(0x0c, &v);
	pr_info("or/and/xor: fetch_andnot saw 0x%x, now 0x%x\n", r1, atomic_read(&v));
	atomic_set(&v, 0x7fffffff);
	atomic_inc(&v);
	pr_info("wraps: %d\n", atomic_read(&v));

	o64 = atomic64_fetch_add(1LL << 40, &w);
	pr_info("atomic64: fetch_add saw %lld, now %lld\n", o64, atomic64_read(&w));
	o64 = atomic64_cmpxchg(&w, 2LL << 40, 5);
	pr_info("atomic64: cmpxchg saw %lld, now %lld\n", o64, atomic64_read(&w));
	o64 = atomic64_inc_return(&w);
	pr_info("atomic64: inc_return=%lld dec_and_test=%d\n", o64, atomic64_dec_and_test(&w));
	atomic_long_add(11, &l);
	pr_info("atomic_long: read=%ld sizeof=%zu\n", atomic_long_read(&l), sizeof(atomic_long_t));

	kthread_run(worker, &done_a, "atomic_a");
	kthread_run(worker, &done_b, "atomic_b");
	wait_for_completion(&done_a);
	wait_for_completion(&done_b);
	pr_info("two threads: hits=%d bytes=%lld seen=%ld\n", atomic_read(&hits), atomic64_read(&bytes),
		atomic_long_read(&seen));
	return 0;
}

static void __exit atomic_demo_exit(void)
{
}

module_init(atomic_demo_init);
module_exit(atomic_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("atomic.h");
