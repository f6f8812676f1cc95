// lib/rbtree.c: red-black tree rebalancing, erase, in-order and post-order
// walks behind linux/rbtree.h. Invariants: the root is black, a red node has
// black children, every root-to-leaf path has as many black nodes. The colour
// is bit 0 of __rb_parent_color (1 = black); a freshly linked node is red.
#include "kernel/include/linux/rbtree.h"

namespace {

constexpr unsigned long kBlack = 1;

rb_node* parent_of(const rb_node* n) { return reinterpret_cast<rb_node*>(n->__rb_parent_color & ~3UL); }
bool is_black(const rb_node* n) { return !n || (n->__rb_parent_color & kBlack); }
bool is_red(const rb_node* n) { return !is_black(n); }
void set_parent_color(rb_node* n, rb_node* p, unsigned long color) {
    n->__rb_parent_color = reinterpret_cast<unsigned long>(p) | color;
}
void set_parent(rb_node* n, rb_node* p) { set_parent_color(n, p, n->__rb_parent_color & kBlack); }
void set_color(rb_node* n, unsigned long color) { set_parent_color(n, parent_of(n), color); }

// Points whatever referred to `old` (its parent's child link, or the root) at `repl`.
void relink(rb_node* old, rb_node* repl, rb_node* parent, rb_root* root) {
    if (!parent)
        root->rb_node = repl;
    else if (parent->rb_left == old)
        parent->rb_left = repl;
    else
        parent->rb_right = repl;
}

// Rotations around x; `left` lifts x's right child into x's place.
void rotate(rb_node* x, bool left, rb_root* root) {
    rb_node* xp = parent_of(x);
    rb_node* y = left ? x->rb_right : x->rb_left;
    rb_node* inner = left ? y->rb_left : y->rb_right;
    if (left) {
        x->rb_right = inner;
        y->rb_left = x;
    } else {
        x->rb_left = inner;
        y->rb_right = x;
    }
    if (inner) set_parent(inner, x);
    set_parent(y, xp);
    relink(x, y, xp, root);
    set_parent(x, y);
}

// Restores the black-height after a black node left the path through x
// (x may be NULL, so its parent is passed along).
void erase_fixup(rb_node* x, rb_node* xp, rb_root* root) {
    while (x != root->rb_node && is_black(x)) {
        bool x_left = xp->rb_left == x;
        rb_node* w = x_left ? xp->rb_right : xp->rb_left;
        if (is_red(w)) {
            set_color(w, kBlack);
            set_color(xp, 0);
            rotate(xp, x_left, root);
            w = x_left ? xp->rb_right : xp->rb_left;
        }
        rb_node* near = x_left ? w->rb_left : w->rb_right;
        rb_node* far = x_left ? w->rb_right : w->rb_left;
        if (is_black(near) && is_black(far)) {
            set_color(w, 0);
            x = xp;
            xp = parent_of(x);
            continue;
        }
        if (is_black(far)) {
            set_color(near, kBlack);
            set_color(w, 0);
            rotate(w, !x_left, root);
            w = x_left ? xp->rb_right : xp->rb_left;
            far = x_left ? w->rb_right : w->rb_left;
        }
        set_color(w, xp->__rb_parent_color & kBlack);
        set_color(xp, kBlack);
        set_color(far, kBlack);
        rotate(xp, x_left, root);
        x = root->rb_node;
        break;
    }
    if (x) set_color(x, kBlack);
}

rb_node* leftmost(rb_node* n) {
    while (n->rb_left) n = n->rb_left;
    return n;
}
rb_node* rightmost(rb_node* n) {
    while (n->rb_right) n = n->rb_right;
    return n;
}
// The first node in post-order under n: keep descending, left first.
rb_node* deepest(rb_node* n) {
    for (;;) {
        if (n->rb_left)
            n = n->rb_left;
        else if (n->rb_right)
            n = n->rb_right;
        else
            return n;
    }
}

}  // namespace

extern "C" {

void rb_insert_color(struct rb_node* node, struct rb_root* root) {
    rb_node* p;
    while ((p = parent_of(node)) && is_red(p)) {
        rb_node* g = parent_of(p);  // a red node is never the root
        bool p_left = g->rb_left == p;
        rb_node* uncle = p_left ? g->rb_right : g->rb_left;
        if (is_red(uncle)) {
            set_color(p, kBlack);
            set_color(uncle, kBlack);
            set_color(g, 0);
            node = g;
            continue;
        }
        if (node == (p_left ? p->rb_right : p->rb_left)) {
            rotate(p, p_left, root);
            node = p;
            p = parent_of(node);
        }
        set_color(p, kBlack);
        set_color(g, 0);
        rotate(g, !p_left, root);
        break;
    }
    set_color(root->rb_node, kBlack);
}

void rb_erase(struct rb_node* node, struct rb_root* root) {
    rb_node* np = parent_of(node);
    rb_node* x;
    rb_node* xp;
    bool removed_black;
    if (!node->rb_left || !node->rb_right) {
        x = node->rb_left ? node->rb_left : node->rb_right;
        xp = np;
        removed_black = is_black(node);
        relink(node, x, np, root);
        if (x) set_parent(x, np);
    } else {
        // Two children: the successor y takes node's place and colour.
        rb_node* y = leftmost(node->rb_right);
        removed_black = is_black(y);
        x = y->rb_right;
        if (parent_of(y) == node) {
            xp = y;
        } else {
            xp = parent_of(y);
            xp->rb_left = x;
            if (x) set_parent(x, xp);
            y->rb_right = node->rb_right;
            set_parent(y->rb_right, y);
        }
        y->rb_left = node->rb_left;
        set_parent(y->rb_left, y);
        set_parent_color(y, np, node->__rb_parent_color & kBlack);
        relink(node, y, np, root);
    }
    if (removed_black) erase_fixup(x, xp, root);
}

struct rb_node* rb_first(const struct rb_root* root) { return root->rb_node ? leftmost(root->rb_node) : nullptr; }
struct rb_node* rb_last(const struct rb_root* root) { return root->rb_node ? rightmost(root->rb_node) : nullptr; }

struct rb_node* rb_next(const struct rb_node* node) {
    if (RB_EMPTY_NODE(node)) return nullptr;
    if (node->rb_right) return leftmost(node->rb_right);
    rb_node* p;
    while ((p = parent_of(node)) && node == p->rb_right) node = p;
    return p;
}

struct rb_node* rb_prev(const struct rb_node* node) {
    if (RB_EMPTY_NODE(node)) return nullptr;
    if (node->rb_left) return rightmost(node->rb_left);
    rb_node* p;
    while ((p = parent_of(node)) && node == p->rb_left) node = p;
    return p;
}

struct rb_node* rb_first_postorder(const struct rb_root* root) {
    return root->rb_node ? deepest(root->rb_node) : nullptr;
}

struct rb_node* rb_next_postorder(const struct rb_node* node) {
    if (!node) return nullptr;
    rb_node* p = parent_of(node);
    if (p && node == p->rb_left && p->rb_right) return deepest(p->rb_right);
    return p;
}

// `repl` takes over victim's links and colour; victim itself is left as it was.
void rb_replace_node(struct rb_node* victim, struct rb_node* repl, struct rb_root* root) {
    rb_node* p = parent_of(victim);
    *repl = *victim;
    if (victim->rb_left) set_parent(victim->rb_left, repl);
    if (victim->rb_right) set_parent(victim->rb_right, repl);
    relink(victim, repl, p, root);
}

// As rb_replace_node(), publishing repl to readers only once it is complete.
void rb_replace_node_rcu(struct rb_node* victim, struct rb_node* repl, struct rb_root* root) {
    rb_node* p = parent_of(victim);
    *repl = *victim;
    if (victim->rb_left) set_parent(victim->rb_left, repl);
    if (victim->rb_right) set_parent(victim->rb_right, repl);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    relink(victim, repl, p, root);
}

}  // extern "C"
