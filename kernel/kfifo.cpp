// lib/kfifo.c: the out-of-line half of linux/kfifo.h for plain (record size
// 0) fifos. Copies split at the end of the buffer; user copies report
// -EFAULT and leave the counters alone when any byte faults, *copied saying
// how much did arrive.
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/kfifo.h"

#include <algorithm>
#include <cstring>

namespace {

unsigned int unused(const __kfifo* f) { return (f->mask + 1) - (f->in - f->out); }

// Byte offset and length of a copy of `len` elements starting at counter `pos`.
struct Span {
    std::size_t off, size, len, first;
};
Span span(const __kfifo* f, unsigned int len, unsigned int pos) {
    std::size_t esize = f->esize;
    Span s{(pos & f->mask) * esize, (f->mask + 1) * esize, len * esize, 0};
    s.first = std::min(s.len, s.size - s.off);
    return s;
}

void copy_in(__kfifo* f, const void* src, unsigned int len, unsigned int pos) {
    Span s = span(f, len, pos);
    auto* data = static_cast<char*>(f->data);
    std::memcpy(data + s.off, src, s.first);
    std::memcpy(data, static_cast<const char*>(src) + s.first, s.len - s.first);
    smp_wmb();
}

void copy_out(__kfifo* f, void* dst, unsigned int len, unsigned int pos) {
    Span s = span(f, len, pos);
    auto* data = static_cast<char*>(f->data);
    std::memcpy(dst, data + s.off, s.first);
    std::memcpy(static_cast<char*>(dst) + s.first, data, s.len - s.first);
    smp_wmb();
}

// Elements left uncopied (rounded up) when a user copy faults.
unsigned long not_copied(std::size_t bytes_left, std::size_t esize) { return (bytes_left + esize - 1) / esize; }

}  // namespace

extern "C" {

int __kfifo_alloc(struct __kfifo* fifo, unsigned int size, size_t esize, gfp_t gfp_mask) {
    // Free-running counters need a power-of-two size.
    size = size ? static_cast<unsigned int>(roundup_pow_of_two(size)) : 0;
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = static_cast<unsigned int>(esize);
    if (size < 2) {
        fifo->data = nullptr;
        fifo->mask = 0;
        return -EINVAL;
    }
    fifo->data = kmalloc_array(esize, size, gfp_mask);
    if (!fifo->data) {
        fifo->mask = 0;
        return -ENOMEM;
    }
    fifo->mask = size - 1;
    return 0;
}

void __kfifo_free(struct __kfifo* fifo) {
    kfree(fifo->data);
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = 0;
    fifo->data = nullptr;
    fifo->mask = 0;
}

// A caller's buffer of `size` bytes: the largest power-of-two element count fitting it.
int __kfifo_init(struct __kfifo* fifo, void* buffer, unsigned int size, size_t esize) {
    size /= static_cast<unsigned int>(esize);
    if (size && !is_power_of_2(size)) size = static_cast<unsigned int>(rounddown_pow_of_two(size));
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = static_cast<unsigned int>(esize);
    fifo->data = buffer;
    if (size < 2) {
        fifo->mask = 0;
        return -EINVAL;
    }
    fifo->mask = size - 1;
    return 0;
}

unsigned int __kfifo_in(struct __kfifo* fifo, const void* buf, unsigned int len) {
    len = std::min(len, unused(fifo));
    copy_in(fifo, buf, len, fifo->in);
    fifo->in += len;
    return len;
}

unsigned int __kfifo_out_peek(struct __kfifo* fifo, void* buf, unsigned int len) {
    len = std::min(len, fifo->in - fifo->out);
    copy_out(fifo, buf, len, fifo->out);
    return len;
}

unsigned int __kfifo_out(struct __kfifo* fifo, void* buf, unsigned int len) {
    len = __kfifo_out_peek(fifo, buf, len);
    fifo->out += len;
    return len;
}

int __kfifo_from_user(struct __kfifo* fifo, const void __user* from, unsigned long len, unsigned int* copied) {
    if (fifo->esize != 1) len /= fifo->esize;
    unsigned int n = static_cast<unsigned int>(std::min<unsigned long>(len, unused(fifo)));
    Span s = span(fifo, n, fifo->in);
    auto* data = static_cast<char*>(fifo->data);
    auto* src = static_cast<const char*>(from);
    unsigned long missed = copy_from_user(data + s.off, src, s.first);
    if (missed) {
        missed = not_copied(missed + s.len - s.first, fifo->esize);
    } else {
        missed = copy_from_user(data, src + s.first, s.len - s.first);
        if (missed) missed = not_copied(missed, fifo->esize);
    }
    smp_wmb();
    *copied = static_cast<unsigned int>(s.len - missed * fifo->esize);
    if (missed) return -EFAULT;
    fifo->in += n;
    return 0;
}

int __kfifo_to_user(struct __kfifo* fifo, void __user* to, unsigned long len, unsigned int* copied) {
    if (fifo->esize != 1) len /= fifo->esize;
    unsigned int n = static_cast<unsigned int>(std::min<unsigned long>(len, fifo->in - fifo->out));
    Span s = span(fifo, n, fifo->out);
    auto* data = static_cast<char*>(fifo->data);
    auto* dst = static_cast<char*>(to);
    unsigned long missed = copy_to_user(dst, data + s.off, s.first);
    if (missed) {
        missed = not_copied(missed + s.len - s.first, fifo->esize);
    } else {
        missed = copy_to_user(dst + s.first, data, s.len - s.first);
        if (missed) missed = not_copied(missed, fifo->esize);
    }
    smp_wmb();
    *copied = static_cast<unsigned int>(s.len - missed * fifo->esize);
    if (missed) return -EFAULT;
    fifo->out += n;
    return 0;
}

}  // extern "C"
