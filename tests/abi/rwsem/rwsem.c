/* <linux/rwsem.h>: a configuration guarded by a reader-writer semaphore, read
 * by a kthread while init updates it. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/rwsem.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>

static DECLARE_RWSEM(config_sem);
static struct rw_semaphore dynamic_sem;
static int config_value = 1;
static DECLARE_COMPLETION(reader_done);

static int reader_fn(void *unused)
{
	pr_info("reader: waiting\n");
	down_read(&config_sem);
	pr_info("reader: sees %d\n", config_value);
	up_read(&config_sem);
	complete(&reader_done);
	return 0;
}

static int __init rwsem_demo_init(void)
{
	struct task_struct *t;
	int ret;

	init_rwsem(&dynamic_sem);
	pr_info("locked %d\n", rwsem_is_locked(&dynamic_sem));
	down_read(&dynamic_sem);
	pr_info("read trylock while read-held: %d\n", down_read_trylock(&dynamic_sem));
	pr_info("write trylock while read-held: %d\n", down_write_trylock(&dynamic_sem));
	up_read(&dynamic_sem);
	up_read(&dynamic_sem);
	ret = down_write_killable(&dynamic_sem);
	pr_info("down_write_killable: %d, read trylock now %d\n", ret, down_read_trylock(&dynamic_sem));
	downgrade_write(&dynamic_sem);
	pr_info("after downgrade: read trylock %d\n", down_read_trylock(&dynamic_sem));
	up_read(&dynamic_sem);
	up_read(&dynamic_sem);
	pr_info("locked %d\n", rwsem_is_locked(&dynamic_sem));

	down_write(&config_sem);
	t = kthread_run(reader_fn, NULL, "rwsem_reader");
	if (IS_ERR(t)) {
		up_write(&config_sem);
		return PTR_ERR(t);
	}
	msleep(20);
	pr_info("writer: contended %d\n", rwsem_is_contended(&config_sem));
	config_value = 2;
	pr_info("writer: set %d\n", config_value);
	up_write(&config_sem);
	wait_for_completion(&reader_done);
	return 0;
}

static void __exit rwsem_demo_exit(void)
{
}

module_init(rwsem_demo_init);
module_exit(rwsem_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rwsem.h");
