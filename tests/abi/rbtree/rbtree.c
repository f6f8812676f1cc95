/* <linux/rbtree.h>: an interval-free timer wheel as many drivers keep one, a
 * tree of deadlines with the hand-written insert descent of
 * Documentation/core-api/rbtree.rst, plus rb_add()/rb_find(). */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/slab.h>

struct deadline {
	struct rb_node node;
	u64 when;
	int id;
};

static struct rb_root deadlines = RB_ROOT;

static void deadline_insert(struct rb_root *root, struct deadline *d)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct deadline *cur = rb_entry(*link, struct deadline, node);

		parent = *link;
		if (d->when < cur->when)
			link = &(*link)->rb_left;
		else
			link = &(*link)->rb_right;
	}
	rb_link_node(&d->node, parent, link);
	rb_insert_color(&d->node, root);
}

static int deadline_cmp(const void *key, const struct rb_node *n)
{
	u64 when = *(const u64 *)key;
	const struct deadline *d = rb_entry(n, struct deadline, node);

	return when < d->when ? -1 : when > d->when ? 1 : 0;
}

static bool deadline_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct deadline, node)->when < rb_entry(b, struct deadline, node)->when;
}

/* Black height of the subtree, or -1 when the red-black rules are broken. */
static int black_height(struct rb_node *n)
{
	int l, r;
	bool black;

	if (!n)
		return 1;
	black = n->__rb_parent_color & 1;
	if (!black && ((n->rb_left && !(n->rb_left->__rb_parent_color & 1)) ||
		       (n->rb_right && !(n->rb_right->__rb_parent_color & 1))))
		return -1;
	if ((n->rb_left && rb_parent(n->rb_left) != n) || (n->rb_right && rb_parent(n->rb_right) != n))
		return -1;
	l = black_height(n->rb_left);
	r = black_height(n->rb_right);
	if (l < 0 || l != r)
		return -1;
	return l + black;
}

static void print_order(const char *what)
{
	struct rb_node *n;
	char buf[128];
	int len = 0;

	for (n = rb_first(&deadlines); n; n = rb_next(n))
		len += snprintf(buf + len, sizeof(buf) - len, " %d@%llu",
				 rb_entry(n, struct deadline, node)->id,
				 rb_entry(n, struct deadline, node)->when);
	pr_info("%s:%s (black height %d)\n", what, buf, black_height(deadlines.rb_node));
}

static int __init rbtree_demo_init(void)
{
	static const u64 whens[] = { 50, 20, 80, 10, 30, 70, 90, 60, 40, 25 };
	struct deadline *d, *tmp;
	struct rb_node *n;
	u64 key = 70;
	int i;

	pr_info("empty %d first %d\n", RB_EMPTY_ROOT(&deadlines), rb_first(&deadlines) != NULL);
	for (i = 0; i < ARRAY_SIZE(whens); i++) {
		d = kzalloc(sizeof(*d), GFP_KERNEL);
		if (!d)
			return -ENOMEM;
		d->id = i;
		d->when = whens[i];
		if (i % 2)
			deadline_insert(&deadlines, d);
		else
			rb_add(&d->node, &deadlines, deadline_less);
	}
	print_order("inserted");
	n = rb_find(&key, &deadlines, deadline_cmp);
	pr_info("find 70: id %d, prev %llu, next %llu\n", rb_entry(n, struct deadline, node)->id,
		rb_entry(rb_prev(n), struct deadline, node)->when,
		rb_entry(rb_next(n), struct deadline, node)->when);
	rb_erase(n, &deadlines);
	kfree(rb_entry(n, struct deadline, node));
	d = rb_entry(deadlines.rb_node, struct deadline, node);
	rb_erase(&d->node, &deadlines);
	pr_info("erased 70 and the root (%llu)\n", d->when);
	kfree(d);
	print_order("now");
	pr_info("last %llu, find 70: %d\n", rb_entry(rb_last(&deadlines), struct deadline, node)->when,
		rb_find(&key, &deadlines, deadline_cmp) != NULL);
	i = 0;
	rbtree_postorder_for_each_entry_safe(d, tmp, &deadlines, node) {
		kfree(d);
		i++;
	}
	deadlines = RB_ROOT;
	pr_info("freed %d in post-order, empty %d\n", i, RB_EMPTY_ROOT(&deadlines));
	return 0;
}

static void __exit rbtree_demo_exit(void)
{
}

module_init(rbtree_demo_init);
module_exit(rbtree_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rbtree.h");
