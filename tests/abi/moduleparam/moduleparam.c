// SPDX-License-Identifier: GPL-2.0
/*
 * Every kind of module parameter 6.1 offers, as drivers and tutorials
 * declare them: module_param() of each standard type, a renamed one, arrays
 * with and without a count, a string buffer, and a parameter with its own
 * kernel_param_ops. init and exit print the values they see.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("emu");
MODULE_DESCRIPTION("module parameters of every type");
MODULE_VERSION("1.2");

static bool flag;
module_param(flag, bool, 0644);
MODULE_PARM_DESC(flag, "a switch (Y/N)");

static bool quiet;
module_param(quiet, invbool, 0444);
MODULE_PARM_DESC(quiet, "inverted: quiet=0 sets it");

static char *name = "world";
module_param(name, charp, S_IRUGO | S_IWUSR);
MODULE_PARM_DESC(name, "who to greet");

static int count = 1;
module_param(count, int, S_IRUGO | S_IWUSR);

static unsigned int ucount = 2;
module_param(ucount, uint, 0444);

static long lval = -3;
module_param(lval, long, 0444);

static unsigned long ulval = 4;
module_param(ulval, ulong, 0444);

static short sval = -5;
module_param(sval, short, 0444);

static unsigned short usval = 6;
module_param(usval, ushort, 0444);

static unsigned char bval = 7;
module_param(bval, byte, 0444);

static unsigned int mask = 0xff;
module_param(mask, hexint, 0644);

static unsigned long long big = 8;
module_param(big, ullong, 0444);

/* Mode 0: settable at insmod, no file under /sys/module. */
static int hidden = 9;
module_param(hidden, int, 0);

/* Dashes and underscores are the same in a parameter name: max-items=3 sets it. */
static int max_items = 10;
module_param(max_items, int, 0444);

static int internal_level = 3;
module_param_named(level, internal_level, int, 0644);
MODULE_PARM_DESC(level, "a parameter whose variable has another name");

static int arr[4] = { 10, 20 };
static int arr_count;
module_param_array(arr, int, &arr_count, 0644);
MODULE_PARM_DESC(arr, "up to four numbers");

static char *words[3];
module_param_array_named(words, words, charp, NULL, 0444);

static char label[8] = "abc";
module_param_string(label, label, sizeof(label), 0644);

/* A parameter with its own operations: a range check around param_set_int(). */
static int threshold = 50;
static int threshold_set(const char *val, const struct kernel_param *kp)
{
	int v, ret = kstrtoint(val, 0, &v);

	if (ret)
		return ret;
	if (v < 0 || v > 100)
		return -ERANGE;
	ret = param_set_int(val, kp);
	pr_info("threshold set to %d\n", *(int *)kp->arg);
	return ret;
}
static const struct kernel_param_ops threshold_ops = {
	.set = threshold_set,
	.get = param_get_int,
};
module_param_cb(threshold, &threshold_ops, &threshold, 0644);
MODULE_PARM_DESC(threshold, "0..100");

static int __init moduleparam_init(void)
{
	int i;

	pr_info("flag=%d quiet=%d name=%s count=%d ucount=%u lval=%ld ulval=%lu\n",
		flag, quiet, name, count, ucount, lval, ulval);
	pr_info("sval=%hd usval=%hu bval=%u mask=%#x big=%llu hidden=%d level=%d max_items=%d\n",
		sval, usval, bval, mask, big, hidden, internal_level, max_items);
	pr_info("arr_count=%d arr=%d,%d,%d,%d label=%s threshold=%d\n",
		arr_count, arr[0], arr[1], arr[2], arr[3], label, threshold);
	for (i = 0; i < ARRAY_SIZE(words) && words[i]; i++)
		pr_info("words[%d]=%s\n", i, words[i]);
	return 0;
}

static void __exit moduleparam_exit(void)
{
	pr_info("exit: flag=%d name=%s count=%d mask=%#x level=%d arr_count=%d label=%s threshold=%d\n",
		flag, name, count, mask, internal_level, arr_count, label, threshold);
}

module_init(moduleparam_init);
module_exit(moduleparam_exit);
