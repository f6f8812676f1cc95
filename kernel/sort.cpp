// lib/sort.c: sort() and sort_r(), a bottom-up heapsort. Which of equal
// elements ends where depends on the exact compare-and-swap sequence, so this
// follows 6.1's: each sift-down first follows the larger child (the left one
// on a tie) to a leaf, then climbs back while the sifted element compares >=,
// then rotates it into place with swaps from the top of that path down.
#include "kernel/include/linux/sort.h"

#include <cstdint>
#include <cstring>

namespace {

struct Sorter {
    char* base;
    std::size_t size;
    cmp_r_func_t cmp;
    swap_r_func_t swap;
    const void* priv;

    char* at(std::size_t i) const { return base + i * size; }
    int compare(std::size_t i, std::size_t j) const { return cmp(at(i), at(j), priv); }
    void exchange(std::size_t i, std::size_t j) const {
        if (swap) {
            swap(at(i), at(j), static_cast<int>(size), priv);
            return;
        }
        char* a = at(i);
        char* b = at(j);
        for (std::size_t k = 0; k < size; ++k) {
            char t = a[k];
            a[k] = b[k];
            b[k] = t;
        }
    }

    // Moves element `top` down the max-heap occupying [0, end).
    void sift_down(std::size_t top, std::size_t end) const {
        std::size_t b = top, left, right;
        for (;;) {
            left = 2 * b + 1;
            right = left + 1;
            if (right >= end) break;
            b = compare(left, right) >= 0 ? left : right;
        }
        if (right == end) b = left;  // a last leaf without a sibling
        while (b != top && compare(top, b) >= 0) b = (b - 1) / 2;
        std::size_t dest = b;
        while (b != top) {
            b = (b - 1) / 2;
            exchange(b, dest);
        }
    }

    void run(std::size_t num) const {
        std::size_t next = num / 2, end = num;
        if (next == 0) return;  // fewer than two elements
        for (;;) {
            if (next > 0) {
                --next;  // building the heap
            } else if (--end > 0) {
                exchange(0, end);  // the largest goes behind the heap
            } else {
                break;
            }
            sift_down(next, end);
        }
    }
};

struct Plain {
    cmp_func_t cmp;
    swap_func_t swap;
};

int plain_cmp(const void* a, const void* b, const void* priv) { return static_cast<const Plain*>(priv)->cmp(a, b); }
void plain_swap(void* a, void* b, int size, const void* priv) { static_cast<const Plain*>(priv)->swap(a, b, size); }

}  // namespace

extern "C" {

void sort_r(void* base, size_t num, size_t size, cmp_r_func_t cmp_func, swap_r_func_t swap_func, const void* priv) {
    if (size == 0) return;
    Sorter{static_cast<char*>(base), size, cmp_func, swap_func, priv}.run(num);
}

void sort(void* base, size_t num, size_t size, cmp_func_t cmp_func, swap_func_t swap_func) {
    Plain p{cmp_func, swap_func};
    sort_r(base, num, size, plain_cmp, swap_func ? plain_swap : nullptr, &p);
}

}  // extern "C"
