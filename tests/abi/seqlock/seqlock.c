/* <linux/seqlock.h>: a 64-bit timestamp pair published under a seqlock, read
 * locklessly with the retry loop, as timekeeping-style code does. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/seqlock.h>

static DEFINE_SEQLOCK(clock_lock);
static u64 clock_sec, clock_nsec;
static seqcount_t bare = SEQCNT_ZERO(bare);

static void read_clock(u64 *sec, u64 *nsec, int *tries)
{
	unsigned int seq;

	*tries = 0;
	do {
		(*tries)++;
		seq = read_seqbegin(&clock_lock);
		*sec = clock_sec;
		*nsec = clock_nsec;
	} while (read_seqretry(&clock_lock, seq));
}

static int __init seqlock_demo_init(void)
{
	unsigned long flags;
	unsigned int start;
	u64 s, ns;
	int tries, seq = 0;

	write_seqlock(&clock_lock);
	clock_sec = 10;
	clock_nsec = 500;
	write_sequnlock(&clock_lock);
	read_clock(&s, &ns, &tries);
	pr_info("clock %llu.%llu after %d try, count %u\n", s, ns, tries, clock_lock.seqcount.seqcount.sequence);

	start = read_seqbegin(&clock_lock);
	write_seqlock_irqsave(&clock_lock, flags);
	pr_info("inside irqsave write: count %u, irqs off %d\n", clock_lock.seqcount.seqcount.sequence,
		irqs_disabled());
	clock_sec = 11;
	write_sequnlock_irqrestore(&clock_lock, flags);
	pr_info("reader that started before: retry %u\n", read_seqretry(&clock_lock, start));

	write_seqlock_bh(&clock_lock);
	write_sequnlock_bh(&clock_lock);
	write_seqlock_irq(&clock_lock);
	write_sequnlock_irq(&clock_lock);
	pr_info("count %u\n", clock_lock.seqcount.seqcount.sequence);

	read_seqbegin_or_lock(&clock_lock, &seq);
	pr_info("or_lock: first pass seq %d, need retry %d\n", seq, need_seqretry(&clock_lock, seq));
	done_seqretry(&clock_lock, seq);
	seq = 1;
	read_seqbegin_or_lock(&clock_lock, &seq);
	pr_info("or_lock: locked pass, need retry %d\n", need_seqretry(&clock_lock, seq));
	done_seqretry(&clock_lock, seq);

	start = read_seqcount_begin(&bare);
	preempt_disable();
	write_seqcount_begin(&bare);
	write_seqcount_end(&bare);
	preempt_enable();
	pr_info("seqcount: %u, retry %d\n", raw_read_seqcount(&bare), read_seqcount_retry(&bare, start));
	return 0;
}

static void __exit seqlock_demo_exit(void)
{
}

module_init(seqlock_demo_init);
module_exit(seqlock_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("seqlock.h");
