/* <linux/sort.h>, <linux/bsearch.h>, <linux/list_sort.h>: a table sorted and
 * searched, a list of requests sorted stably by priority. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/list_sort.h>
#include <linux/list.h>

struct entry {
	int key;
	char tag;
};

struct request {
	int prio;
	char tag;
	struct list_head node;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->key - y->key;
}

static int swaps;
static void swap_entry(void *a, void *b, int size)
{
	struct entry t = *(struct entry *)a;

	*(struct entry *)a = *(struct entry *)b;
	*(struct entry *)b = t;
	swaps++;
}

static int cmp_prio(void *priv, const struct list_head *a, const struct list_head *b)
{
	return list_entry(a, struct request, node)->prio - list_entry(b, struct request, node)->prio;
}

static void print_entries(const char *what, struct entry *e, int n)
{
	char buf[64];
	int i, len = 0;

	for (i = 0; i < n; i++)
		len += snprintf(buf + len, sizeof(buf) - len, " %d%c", e[i].key, e[i].tag);
	pr_info("%s:%s\n", what, buf);
}

static int __init sort_demo_init(void)
{
	struct entry table[] = { {3, 'a'}, {1, 'b'}, {3, 'c'}, {2, 'd'}, {1, 'e'}, {3, 'f'}, {2, 'g'}, {1, 'h'} };
	struct entry copy[ARRAY_SIZE(table)];
	struct request reqs[] = { {2, 'a'}, {1, 'b'}, {2, 'c'}, {0, 'd'}, {1, 'e'}, {2, 'f'} };
	struct entry key = { 2, 0 }, *hit;
	struct request *r;
	LIST_HEAD(queue);
	char buf[64];
	int i, len = 0;

	memcpy(copy, table, sizeof(table));
	sort(table, ARRAY_SIZE(table), sizeof(table[0]), cmp_entry, NULL);
	print_entries("sorted", table, ARRAY_SIZE(table));
	sort(copy, ARRAY_SIZE(copy), sizeof(copy[0]), cmp_entry, swap_entry);
	print_entries("with swap_func", copy, ARRAY_SIZE(copy));
	pr_info("swap_func called: %d\n", swaps > 0);
	hit = bsearch(&key, table, ARRAY_SIZE(table), sizeof(table[0]), cmp_entry);
	pr_info("bsearch 2: %d%c at %d\n", hit->key, hit->tag, (int)(hit - table));
	key.key = 4;
	pr_info("bsearch 4: %s\n", bsearch(&key, table, ARRAY_SIZE(table), sizeof(table[0]), cmp_entry) ? "found" : "NULL");

	for (i = 0; i < ARRAY_SIZE(reqs); i++)
		list_add_tail(&reqs[i].node, &queue);
	list_sort(NULL, &queue, cmp_prio);
	list_for_each_entry(r, &queue, node)
		len += snprintf(buf + len, sizeof(buf) - len, " %d%c", r->prio, r->tag);
	pr_info("list_sort:%s\n", buf);
	return 0;
}

static void __exit sort_demo_exit(void)
{
}

module_init(sort_demo_init);
module_exit(sort_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("sort.h");
