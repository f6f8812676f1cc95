// sort()/sort_r() (kernel/sort.cpp), bsearch (linux/bsearch.h) and list_sort()
// (kernel/list_sort.cpp): 6.1's heapsort is not stable and the order it leaves
// equal elements in follows its exact sift-down (6.1 lib/sort.c: ties pick the
// left child, the climb back stops below an element that compares less);
// list_sort() is stable (6.1 lib/list_sort.c).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/bsearch.h"
#include "kernel/include/linux/list.h"
#include "kernel/include/linux/list_sort.h"
#include "kernel/include/linux/sort.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

struct Rec {
    int key;
    char tag;
};

int by_key(const void* a, const void* b) {
    return static_cast<const Rec*>(a)->key - static_cast<const Rec*>(b)->key;
}

int swaps = 0;
void count_swap(void* a, void* b, int size) {
    ++swaps;
    REQUIRE(size == static_cast<int>(sizeof(Rec)));
    std::swap(*static_cast<Rec*>(a), *static_cast<Rec*>(b));
}

int by_int_desc(const void* a, const void* b, const void* priv) {
    int x = *static_cast<const int*>(a), y = *static_cast<const int*>(b);
    ++*static_cast<int*>(const_cast<void*>(priv));
    return y - x;
}

std::string tags(const std::vector<Rec>& v) {
    std::string s;
    for (auto& r : v) s += std::to_string(r.key) + r.tag + " ";
    return s;
}

struct Node {
    int key;
    char tag;
    list_head link;
};

int node_cmp(void* priv, const list_head* a, const list_head* b) {
    ++*static_cast<int*>(priv);
    return list_entry(a, Node, link)->key - list_entry(b, Node, link)->key;
}

}  // namespace

TEST_CASE("sort: 6.1's heapsort order of equal elements", "[kernel][sort]") {
    std::vector<Rec> v = {{3, 'a'}, {1, 'b'}, {3, 'c'}, {2, 'd'}, {1, 'e'}, {3, 'f'}, {2, 'g'}, {1, 'h'}};
    sort(v.data(), v.size(), sizeof(Rec), by_key, nullptr);
    CHECK(tags(v) == "1h 1e 1b 2g 2d 3f 3c 3a ");
    std::vector<Rec> w = {{3, 'a'}, {1, 'b'}, {3, 'c'}, {2, 'd'}, {1, 'e'}, {3, 'f'}, {2, 'g'}, {1, 'h'}};
    swaps = 0;
    sort(w.data(), w.size(), sizeof(Rec), by_key, count_swap);  // a swap_func sees every exchange
    CHECK(tags(w) == tags(v));
    CHECK(swaps > 0);
}

TEST_CASE("sort: sort_r passes priv, sorts random arrays, leaves 0/1 elements alone", "[kernel][sort]") {
    std::mt19937 rng(6);
    std::vector<int> v(1000);
    for (auto& x : v) x = static_cast<int>(rng() % 100);
    int calls = 0;
    sort_r(v.data(), v.size(), sizeof(int), by_int_desc, nullptr, &calls);
    CHECK(std::is_sorted(v.rbegin(), v.rend()));
    CHECK(calls > 0);
    calls = 0;
    sort_r(v.data(), 1, sizeof(int), by_int_desc, nullptr, &calls);
    sort_r(v.data(), 0, sizeof(int), by_int_desc, nullptr, &calls);
    CHECK(calls == 0);
}

TEST_CASE("bsearch: 6.1's halving, which equal element it finds", "[kernel][sort]") {
    std::vector<Rec> v = {{1, 'a'}, {2, 'b'}, {2, 'c'}, {2, 'd'}, {5, 'e'}, {7, 'f'}};
    Rec key{2, 0};
    auto* hit = static_cast<Rec*>(__inline_bsearch(&key, v.data(), v.size(), sizeof(Rec), by_key));
    REQUIRE(hit);
    CHECK(hit->tag == 'd');  // the first probe, v[3]
    auto* libc = static_cast<Rec*>(bsearch(&key, v.data(), v.size(), sizeof(Rec), by_key));
    CHECK(libc == hit);  // modules get the C library's bsearch: same halving
    for (int k = 0; k < 9; ++k) {
        Rec q{k, 0};
        CHECK(__inline_bsearch(&q, v.data(), v.size(), sizeof(Rec), by_key) ==
              bsearch(&q, v.data(), v.size(), sizeof(Rec), by_key));
    }
    Rec missing{4, 0};
    CHECK(__inline_bsearch(&missing, v.data(), v.size(), sizeof(Rec), by_key) == nullptr);
    CHECK(__inline_bsearch(&missing, v.data(), 0, sizeof(Rec), by_key) == nullptr);
}

TEST_CASE("list_sort: stable, links consistent", "[kernel][sort]") {
    std::mt19937 rng(61);
    std::vector<Node> nodes(300);
    LIST_HEAD(head);
    for (int i = 0; i < 300; ++i) {
        nodes[i].key = static_cast<int>(rng() % 10);
        nodes[i].tag = static_cast<char>(i);
        list_add_tail(&nodes[i].link, &head);
    }
    int calls = 0;
    list_sort(&calls, &head, node_cmp);
    CHECK(calls > 0);
    std::vector<std::pair<int, int>> got, want;
    for (int i = 0; i < 300; ++i) want.emplace_back(nodes[i].key, i);
    std::stable_sort(want.begin(), want.end(), [](auto& a, auto& b) { return a.first < b.first; });
    Node* n;
    list_for_each_entry(n, &head, link) got.emplace_back(n->key, static_cast<int>(n - nodes.data()));
    CHECK(got == want);
    // back links
    std::vector<int> back;
    list_for_each_entry_reverse(n, &head, link) back.push_back(static_cast<int>(n - nodes.data()));
    std::reverse(back.begin(), back.end());
    std::vector<int> fwd;
    for (auto& p : got) fwd.push_back(p.second);
    CHECK(back == fwd);
    LIST_HEAD(empty);
    list_sort(&calls, &empty, node_cmp);
    CHECK(list_empty(&empty));
}
