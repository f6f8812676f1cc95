/* <linux/notifier.h>: a module's own event chain with listeners of different
 * priorities, one of which vetoes an event. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/notifier.h>

#define EVT_START 1
#define EVT_STOP 2
#define EVT_UNDO 3

static BLOCKING_NOTIFIER_HEAD(events);
static ATOMIC_NOTIFIER_HEAD(fast_events);
static RAW_NOTIFIER_HEAD(raw_events);

static int logger(struct notifier_block *nb, unsigned long action, void *data)
{
	pr_info("logger: event %lu\n", action);
	return NOTIFY_OK;
}

static int veto(struct notifier_block *nb, unsigned long action, void *data)
{
	pr_info("veto: event %lu\n", action);
	if (action == EVT_STOP)
		return notifier_from_errno(-EPERM);
	return NOTIFY_DONE;
}

static int late(struct notifier_block *nb, unsigned long action, void *data)
{
	pr_info("late: event %lu\n", action);
	return NOTIFY_OK;
}

static struct notifier_block logger_nb = { .notifier_call = logger, .priority = 0 };
static struct notifier_block veto_nb = { .notifier_call = veto, .priority = 10 };
static struct notifier_block late_nb = { .notifier_call = late, .priority = -10 };
static struct notifier_block fast_nb = { .notifier_call = logger };
static struct notifier_block raw_nb = { .notifier_call = late };

static int __init notifier_demo_init(void)
{
	int ret;

	blocking_notifier_chain_register(&events, &late_nb);
	blocking_notifier_chain_register(&events, &logger_nb);
	blocking_notifier_chain_register(&events, &veto_nb);
	ret = blocking_notifier_call_chain(&events, EVT_START, NULL);
	pr_info("start: %#x\n", ret);
	ret = blocking_notifier_call_chain(&events, EVT_STOP, NULL);
	pr_info("stop: %#x errno %d\n", ret, notifier_to_errno(ret));
	ret = blocking_notifier_call_chain_robust(&events, EVT_STOP, EVT_UNDO, NULL);
	pr_info("robust: errno %d\n", notifier_to_errno(ret));
	ret = blocking_notifier_chain_unregister(&events, &veto_nb);
	pr_info("unregister twice: %d %d\n", ret, blocking_notifier_chain_unregister(&events, &veto_nb));
	atomic_notifier_chain_register(&fast_events, &fast_nb);
	pr_info("fast: %#x\n", atomic_notifier_call_chain(&fast_events, 9, NULL));
	atomic_notifier_chain_unregister(&fast_events, &fast_nb);
	raw_notifier_chain_register(&raw_events, &raw_nb);
	pr_info("raw: %#x\n", raw_notifier_call_chain(&raw_events, 8, NULL));
	raw_notifier_chain_unregister(&raw_events, &raw_nb);
	return 0;
}

static void __exit notifier_demo_exit(void)
{
	blocking_notifier_chain_unregister(&events, &logger_nb);
	blocking_notifier_chain_unregister(&events, &late_nb);
}

module_init(notifier_demo_init);
module_exit(notifier_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("notifier.h");
