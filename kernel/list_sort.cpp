// lib/list_sort.c: a stable merge sort of a list_head list, without
// allocation: sorted runs of 2^i nodes wait in bins, as in a binary counter,
// and are merged oldest-first so equal nodes keep their order.
#include "kernel/include/linux/list.h"
#include "kernel/include/linux/list_sort.h"

namespace {

// Merges two NULL-terminated runs linked through ->next; a's nodes win ties.
list_head* merge(void* priv, list_cmp_func_t cmp, list_head* a, list_head* b) {
    list_head head{};
    list_head* tail = &head;
    while (a && b) {
        if (cmp(priv, a, b) <= 0) {
            tail->next = a;
            a = a->next;
        } else {
            tail->next = b;
            b = b->next;
        }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return head.next;
}

constexpr int kBins = 64;

}  // namespace

extern "C" void list_sort(void* priv, struct list_head* head, list_cmp_func_t cmp) {
    if (list_empty(head) || head->next == head->prev) return;
    list_head* bins[kBins] = {};
    list_head* node = head->next;
    head->prev->next = nullptr;
    while (node) {
        list_head* carry = node;
        node = node->next;
        carry->next = nullptr;
        int i = 0;
        for (; bins[i]; ++i) {
            carry = merge(priv, cmp, bins[i], carry);  // the bin holds older nodes
            bins[i] = nullptr;
        }
        bins[i] = carry;
    }
    list_head* sorted = nullptr;
    for (int i = 0; i < kBins; ++i)
        if (bins[i]) sorted = merge(priv, cmp, bins[i], sorted);
    // Restore the ring and the back links.
    list_head* prev = head;
    for (list_head* n = sorted; n; n = n->next) {
        n->prev = prev;
        prev->next = n;
        prev = n;
    }
    prev->next = head;
    head->prev = prev;
}
