// Red-black trees (linux/rbtree.h, kernel/rbtree.cpp): after every insert and
// erase the tree is a valid red-black tree, in order, with consistent parent
// links (6.1 include/linux/rbtree.h, lib/rbtree.c).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/rbtree.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace {

struct Item {
    int key;
    rb_node node;
};

Item* item_of(rb_node* n) { return rb_entry(n, Item, node); }

void insert(rb_root* root, Item* it) {
    rb_node** link = &root->rb_node;
    rb_node* parent = nullptr;
    while (*link) {
        parent = *link;
        link = it->key < item_of(parent)->key ? &parent->rb_left : &parent->rb_right;
    }
    rb_link_node(&it->node, parent, link);
    rb_insert_color(&it->node, root);
}

bool black(const rb_node* n) { return !n || (n->__rb_parent_color & 1); }

// Returns the black height, or -1 if an invariant is broken below n.
int check(const rb_node* n, const rb_node* parent) {
    if (!n) return 1;
    if (rb_parent(n) != parent) return -1;
    if (!black(n) && (!black(n->rb_left) || !black(n->rb_right))) return -1;
    int l = check(n->rb_left, n), r = check(n->rb_right, n);
    if (l < 0 || r < 0 || l != r) return -1;
    return l + (black(n) ? 1 : 0);
}

bool valid(const rb_root* root) { return black(root->rb_node) && check(root->rb_node, nullptr) > 0; }

std::vector<int> in_order(const rb_root* root) {
    std::vector<int> keys;
    for (rb_node* n = rb_first(root); n; n = rb_next(n)) keys.push_back(item_of(n)->key);
    return keys;
}

}  // namespace

TEST_CASE("rbtree: empty tree, first/last/next/prev", "[kernel][rbtree]") {
    rb_root root = {nullptr};
    CHECK(RB_EMPTY_ROOT(&root));
    CHECK(rb_first(&root) == nullptr);
    CHECK(rb_last(&root) == nullptr);
    CHECK(rb_first_postorder(&root) == nullptr);
    std::vector<Item> items(10);
    for (int i = 0; i < 10; i++) {
        items[i].key = (i * 7) % 10;
        insert(&root, &items[i]);
        REQUIRE(valid(&root));
    }
    CHECK(in_order(&root) == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    CHECK(item_of(rb_first(&root))->key == 0);
    CHECK(item_of(rb_last(&root))->key == 9);
    CHECK(rb_next(rb_last(&root)) == nullptr);
    CHECK(rb_prev(rb_first(&root)) == nullptr);
    std::vector<int> back;
    for (rb_node* n = rb_last(&root); n; n = rb_prev(n)) back.push_back(item_of(n)->key);
    CHECK(back == std::vector<int>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
    Item lone{};
    RB_CLEAR_NODE(&lone.node);
    CHECK(RB_EMPTY_NODE(&lone.node));
    CHECK(rb_next(&lone.node) == nullptr);  // a node on no tree has no neighbours
    CHECK(rb_prev(&lone.node) == nullptr);
}

TEST_CASE("rbtree: random inserts and erases keep the invariants", "[kernel][rbtree]") {
    std::mt19937 rng(61);
    std::vector<Item> items(600);
    rb_root root = {nullptr};
    std::multiset<int> model;
    for (auto& it : items) {
        it.key = static_cast<int>(rng() % 200);
        insert(&root, &it);
        model.insert(it.key);
    }
    REQUIRE(valid(&root));
    CHECK(in_order(&root) == std::vector<int>(model.begin(), model.end()));
    std::vector<Item*> order;
    for (auto& it : items) order.push_back(&it);
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 0; i < order.size(); i++) {
        rb_erase(&order[i]->node, &root);
        model.erase(model.find(order[i]->key));
        if (i % 37 == 0) {
            REQUIRE(valid(&root));
            REQUIRE(in_order(&root) == std::vector<int>(model.begin(), model.end()));
        }
    }
    CHECK(RB_EMPTY_ROOT(&root));
}

TEST_CASE("rbtree: post-order visits children first and allows freeing", "[kernel][rbtree]") {
    std::vector<Item> items(31);
    rb_root root = {nullptr};
    for (int i = 0; i < 31; i++) {
        items[i].key = i;
        insert(&root, &items[i]);
    }
    std::set<const rb_node*> seen;
    int visited = 0;
    Item *pos, *n;
    rbtree_postorder_for_each_entry_safe(pos, n, &root, node) {
        if (pos->node.rb_left) CHECK(seen.count(pos->node.rb_left));
        if (pos->node.rb_right) CHECK(seen.count(pos->node.rb_right));
        seen.insert(&pos->node);
        pos->node.rb_left = pos->node.rb_right = nullptr;  // as if freed: the walk no longer reads it
        visited++;
    }
    CHECK(visited == 31);
}

TEST_CASE("rbtree: replace, cached roots, rb_add/rb_find/rb_for_each", "[kernel][rbtree]") {
    std::vector<Item> items(8);
    rb_root_cached root = {{nullptr}, nullptr};
    auto less = [](rb_node* a, const rb_node* b) {
        return item_of(a)->key < rb_entry(b, const Item, node)->key;
    };
    const int keys[] = {5, 3, 8, 3, 1, 9, 3, 7};
    for (int i = 0; i < 8; i++) {
        items[i].key = keys[i];
        rb_node* lm = rb_add_cached(&items[i].node, &root, less);
        CHECK((lm != nullptr) == (i == 0 || i == 1 || i == 4));  // 5, 3, 1 became leftmost
    }
    CHECK(item_of(rb_first_cached(&root))->key == 1);
    CHECK(valid(&root.rb_root));
    // rb_add puts equal keys after existing ones: the three 3s are items 1, 3, 6 in that order.
    auto cmp = [](const void* key, const rb_node* n) {
        int k = *static_cast<const int*>(key), v = rb_entry(n, const Item, node)->key;
        return k < v ? -1 : k > v ? 1 : 0;
    };
    int three = 3, four = 4;
    std::vector<Item*> threes;
    rb_node* it;
    rb_for_each(it, &three, &root.rb_root, cmp) threes.push_back(item_of(it));
    CHECK(threes == std::vector<Item*>{&items[1], &items[3], &items[6]});
    CHECK(rb_find(&four, &root.rb_root, cmp) == nullptr);
    CHECK(item_of(rb_find(&three, &root.rb_root, cmp))->key == 3);
    // The leftmost goes: rb_erase_cached returns the next one.
    rb_node* next = rb_erase_cached(&items[4].node, &root);
    CHECK(next == &items[1].node);
    CHECK(rb_first_cached(&root) == &items[1].node);
    CHECK(rb_erase_cached(&items[2].node, &root) == nullptr);  // not the leftmost
    CHECK(valid(&root.rb_root));
    Item repl{3, {}};
    rb_replace_node_cached(&items[1].node, &repl.node, &root);
    CHECK(rb_first_cached(&root) == &repl.node);
    CHECK(valid(&root.rb_root));
    CHECK(in_order(&root.rb_root) == std::vector<int>{3, 3, 3, 5, 7, 9});
    // rb_find_add refuses a duplicate and returns the existing node.
    rb_root plain = {nullptr};
    auto cmp_nodes = [](rb_node* a, const rb_node* b) {
        int x = item_of(a)->key, y = rb_entry(b, const Item, node)->key;
        return x < y ? -1 : x > y ? 1 : 0;
    };
    Item a{1, {}}, b{1, {}};
    CHECK(rb_find_add(&a.node, &plain, cmp_nodes) == nullptr);
    CHECK(rb_find_add(&b.node, &plain, cmp_nodes) == &a.node);
}
