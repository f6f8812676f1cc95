#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H
/* Red-black trees (6.1 include/linux/rbtree.h, lib/rbtree.c). Users write their
 * own search and insert descent, link the new node with rb_link_node() and
 * let rb_insert_color() rebalance; rb_add()/rb_find() do the descent with a
 * comparison callback. */
#include "kernel.h"
#include "rbtree_types.h"
#include "rcupdate.h"

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)
/* A node that is on no tree points at itself. */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

EMU_BEGIN_DECLS
void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
/* Post-order: children before their parent, so the tree can be freed while walked. */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);
void rb_replace_node(struct rb_node *victim, struct rb_node *repl, struct rb_root *root);
void rb_replace_node_rcu(struct rb_node *victim, struct rb_node *repl, struct rb_root *root);
EMU_END_DECLS

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}
static inline void rb_link_node_rcu(struct rb_node *node, struct rb_node *parent, struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	rcu_assign_pointer(*rb_link, node);
}

#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) ptr__ = (ptr); ptr__ ? rb_entry(ptr__, type, member) : NULL; })

#define rbtree_postorder_for_each_entry_safe(pos, n, root, field) \
	for (pos = rb_entry_safe(rb_first_postorder(root), __typeof__(*pos), field); \
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field), __typeof__(*pos), field); 1; }); \
	     pos = n)

#define rb_first_cached(root) (root)->rb_leftmost

static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root, bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}
/* Returns the new leftmost node if `node` was the leftmost, else NULL. */
static inline struct rb_node *rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node) {
		root->rb_leftmost = rb_next(node);
		leftmost = root->rb_leftmost;
	}
	rb_erase(node, &root->rb_root);
	return leftmost;
}
static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *repl, struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = repl;
	rb_replace_node(victim, repl, &root->rb_root);
}

/* Inserts after any equal nodes (less() false goes right). rb_add_cached()
 * returns the node if it became the leftmost, else NULL. */
static inline __attribute__((__always_inline__)) struct rb_node *rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
						     bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}
static inline __attribute__((__always_inline__)) void rb_add(struct rb_node *node, struct rb_root *tree,
				   bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}
/* Inserts unless an equal node exists; returns that node, or NULL if inserted. */
static inline __attribute__((__always_inline__)) struct rb_node *rb_find_add(struct rb_node *node, struct rb_root *tree,
						   int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;

	while (*link) {
		int c;

		parent = *link;
		c = cmp(node, parent);
		if (c == 0)
			return parent;
		link = c < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
	return NULL;
}
static inline __attribute__((__always_inline__)) struct rb_node *rb_find(const void *key, const struct rb_root *tree,
					       int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c == 0)
			return node;
		node = c < 0 ? node->rb_left : node->rb_right;
	}
	return NULL;
}
/* The leftmost (first in order) of the nodes equal to key. */
static inline __attribute__((__always_inline__)) struct rb_node *rb_find_first(const void *key, const struct rb_root *tree,
						     int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node, *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c > 0) {
			node = node->rb_right;
		} else {
			if (c == 0)
				match = node;
			node = node->rb_left;
		}
	}
	return match;
}
static inline __attribute__((__always_inline__)) struct rb_node *rb_next_match(const void *key, struct rb_node *node,
						     int (*cmp)(const void *key, const struct rb_node *))
{
	node = rb_next(node);
	return node && cmp(key, node) == 0 ? node : NULL;
}
#define rb_for_each(node, key, tree, cmp) \
	for ((node) = rb_find_first((key), (tree), (cmp)); (node); (node) = rb_next_match((key), (node), (cmp)))
#endif
