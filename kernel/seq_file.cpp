// Mirrors fs/seq_file.c (6.1): a read() at position 0 restarts the
// iteration; records are rendered into a buffer of a page that doubles (and
// the record is redone) when one record does not fit; the records after the
// first are added while they fit and the reader wants more; a read at
// another position than the last one replays the records up to it
// (traverse()). The buffers and the seq_file come from kmalloc(), as on Linux.
#include "kernel/bug.hpp"
#include "kernel/kernfs.hpp"
#include "kernel/printk.hpp"
#include "kernel/vsprintf.hpp"

#include "kernel/include/linux/seq_file.h"
#include "kernel/include/linux/slab.h"
#include "kernel/include/linux/uaccess.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace emu::kern {
namespace {

constexpr std::size_t kMaxRwCount = 0x7ffff000;  // MAX_RW_COUNT: INT_MAX rounded down to a page

char* seq_buf_alloc(std::size_t size) {
    if (size > kMaxRwCount) return nullptr;
    return static_cast<char*>(__kmalloc(size, GFP_KERNEL));
}

void set_overflow(seq_file* m) { m->count = m->size; }

bool is_err(const void* p) { return reinterpret_cast<unsigned long>(p) >= static_cast<unsigned long>(-4095); }

__attribute__((noinline)) std::uintptr_t caller_pc() {
    return reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
}

// Renders records from the start until `offset` is reached; -EAGAIN after growing the buffer.
int traverse(seq_file* m, emu_loff_t offset) {
    emu_loff_t pos = 0;
    int error = 0;
    m->index = 0;
    m->count = m->from = 0;
    if (!offset) return 0;
    if (!m->buf) {
        m->buf = seq_buf_alloc(m->size = kPageSize);
        if (!m->buf) return -ENOMEM;
    }
    void* p = m->op->start(m, &m->index);
    while (p) {
        error = static_cast<int>(reinterpret_cast<long>(p));
        if (is_err(p)) break;
        error = m->op->show(m, p);
        if (error < 0) break;
        if (error) {
            error = 0;
            m->count = 0;
        }
        if (seq_has_overflowed(m)) {
            m->op->stop(m, p);
            kfree(m->buf);
            m->count = 0;
            m->buf = seq_buf_alloc(m->size <<= 1);
            return m->buf ? -EAGAIN : -ENOMEM;
        }
        p = m->op->next(m, p, &m->index);
        if (pos + static_cast<emu_loff_t>(m->count) > offset) {
            m->from = static_cast<std::size_t>(offset - pos);
            m->count -= m->from;
            break;
        }
        pos += static_cast<emu_loff_t>(m->count);
        m->count = 0;
        if (pos == offset) break;
    }
    m->op->stop(m, p);
    return error;
}

std::size_t copy_out(char* to, const char* from, std::size_t n) { return n - copy_to_user(to, from, n); }

void put_delimiter(seq_file* m, const char* delimiter) {
    if (delimiter && delimiter[0]) {
        if (delimiter[1] == 0) seq_putc(m, delimiter[0]);
        else seq_puts(m, delimiter);
    }
}

// lib/vsprintf.c's num_to_str(): right-aligned in `width`, 0 when it does not fit.
int num_to_str(char* buf, std::size_t size, unsigned long long num, unsigned width) {
    char tmp[24];  // the digits of any 64-bit number
    int digits = std::snprintf(tmp, sizeof tmp, "%llu", num);
    std::size_t len = std::max<std::size_t>(static_cast<std::size_t>(digits), width);
    if (digits < 0 || len > size) return 0;
    std::size_t pad = len - static_cast<std::size_t>(digits);
    std::memset(buf, ' ', pad);
    std::memcpy(buf + pad, tmp, static_cast<std::size_t>(digits));
    return static_cast<int>(len);
}

void* single_next(seq_file*, void*, emu_loff_t* pos) {
    ++*pos;
    return nullptr;
}
void single_stop(seq_file*, void*) {}

}  // namespace
}  // namespace emu::kern

using namespace emu;
using namespace emu::kern;

extern "C" {

int seq_open(struct file* file, const struct seq_operations* op) {
    if (file->private_data)
        warn_report(this_kernel(), "fs/seq_file.c", 60, caller_pc(), "");
    auto* p = static_cast<seq_file*>(__kmalloc(sizeof(seq_file), GFP_KERNEL | __GFP_ZERO));
    if (!p) return -ENOMEM;
    file->private_data = p;
    __mutex_init(&p->lock, "&p->lock", nullptr);
    p->op = op;
    p->file = file;
    // seq_files never write; pwrite() is refused as Linux refuses it.
    file->f_mode &= ~FMODE_PWRITE;
    return 0;
}

emu_ssize_t seq_read(struct file* file, char* ubuf, size_t size, emu_loff_t* ppos) {
    auto* m = static_cast<seq_file*>(file->private_data);
    if (!size) return 0;
    emu_loff_t ki_pos = *ppos;
    std::size_t copied = 0;
    long err = 0;
    void* p = nullptr;
    mutex_lock(&m->lock);
    // A read from 0 starts over: the iterator may have moved on in an earlier read.
    if (ki_pos == 0) {
        m->index = 0;
        m->count = 0;
    }
    if (ki_pos != m->read_pos) {
        while ((err = traverse(m, ki_pos)) == -EAGAIN) {
        }
        if (err) {
            m->read_pos = 0;
            m->index = 0;
            m->count = 0;
            goto done;
        }
        m->read_pos = ki_pos;
    }
    if (!m->buf) {
        m->buf = seq_buf_alloc(m->size = kPageSize);
        if (!m->buf) {
            err = -ENOMEM;
            goto done;
        }
    }
    // What an earlier read left in the buffer goes first.
    if (m->count) {
        std::size_t n = copy_out(ubuf, m->buf + m->from, std::min(m->count, size));
        m->count -= n;
        m->from += n;
        copied += n;
        if (m->count) goto done;
    }
    // One non-empty record into the buffer, growing it until the record fits.
    m->from = 0;
    p = m->op->start(m, &m->index);
    for (;;) {
        err = reinterpret_cast<long>(p);
        if (!p || is_err(p)) break;
        err = m->op->show(m, p);
        if (err < 0) break;
        if (err) m->count = 0;  // SEQ_SKIP
        if (!m->count) {
            p = m->op->next(m, p, &m->index);
            continue;
        }
        if (!seq_has_overflowed(m)) goto fill;
        m->op->stop(m, p);
        kfree(m->buf);
        m->count = 0;
        m->buf = seq_buf_alloc(m->size <<= 1);
        if (!m->buf) {
            err = -ENOMEM;
            goto done;
        }
        p = m->op->start(m, &m->index);
    }
    m->op->stop(m, p);
    m->count = 0;
    goto done;
fill:
    // More records while they fit and the reader wants more.
    for (;;) {
        std::size_t offs = m->count;
        emu_loff_t pos = m->index;
        p = m->op->next(m, p, &m->index);
        if (pos == m->index) {
            Kernel& k = this_kernel();
            printk_emit(k, LOGLEVEL_INFO, "buggy .next function %s did not update position index\n",
                        format_symbol_name(k, reinterpret_cast<std::uintptr_t>(m->op->next)).c_str());
            m->index++;
        }
        if (!p || is_err(p)) break;
        if (m->count >= size - copied) break;
        int r = m->op->show(m, p);
        if (r > 0) {
            m->count = offs;
        } else if (r || seq_has_overflowed(m)) {
            m->count = offs;
            break;
        }
    }
    m->op->stop(m, p);
    {
        std::size_t n = copy_out(ubuf + copied, m->buf, std::min(m->count, size - copied));
        copied += n;
        m->count -= n;
        m->from = n;
    }
done:
    emu_ssize_t ret;
    if (!copied) {
        ret = m->count ? -EFAULT : err;
    } else {
        ki_pos += static_cast<emu_loff_t>(copied);
        m->read_pos += static_cast<emu_loff_t>(copied);
        ret = static_cast<emu_ssize_t>(copied);
    }
    mutex_unlock(&m->lock);
    *ppos = ki_pos;
    return ret;
}

emu_loff_t seq_lseek(struct file* file, emu_loff_t offset, int whence) {
    auto* m = static_cast<seq_file*>(file->private_data);
    emu_loff_t retval = -EINVAL;
    mutex_lock(&m->lock);
    switch (whence) {
    case SEEK_CUR:
        offset += file->f_pos;
        [[fallthrough]];
    case SEEK_SET:
        if (offset < 0) break;
        retval = offset;
        if (offset != m->read_pos) {
            while ((retval = traverse(m, offset)) == -EAGAIN) {
            }
            if (retval) {
                file->f_pos = 0;
                m->read_pos = 0;
                m->index = 0;
                m->count = 0;
            } else {
                m->read_pos = offset;
                retval = file->f_pos = offset;
            }
        } else {
            file->f_pos = offset;
        }
    }
    mutex_unlock(&m->lock);
    return retval;
}

int seq_release(struct inode*, struct file* file) {
    auto* m = static_cast<seq_file*>(file->private_data);
    kfree(m->buf);
    kfree(m);
    return 0;
}

void seq_vprintf(struct seq_file* m, const char* f, va_list args) {
    if (m->count < m->size) {
        int len = emu::kern::kernel_vsnprintf(m->buf + m->count, m->size - m->count, f, args);
        if (len >= 0 && m->count + static_cast<std::size_t>(len) < m->size) {
            m->count += static_cast<std::size_t>(len);
            return;
        }
    }
    set_overflow(m);
}

void seq_printf(struct seq_file* m, const char* f, ...) {
    va_list args;
    va_start(args, f);
    seq_vprintf(m, f, args);
    va_end(args);
}

void seq_puts(struct seq_file* m, const char* s) {
    std::size_t len = std::strlen(s);
    if (m->count + len >= m->size) {
        set_overflow(m);
        return;
    }
    std::memcpy(m->buf + m->count, s, len);
    m->count += len;
}

void seq_putc(struct seq_file* m, char c) {
    if (m->count >= m->size) return;
    m->buf[m->count++] = c;
}

int seq_write(struct seq_file* m, const void* data, size_t len) {
    if (m->count + len < m->size) {
        std::memcpy(m->buf + m->count, data, len);
        m->count += len;
        return 0;
    }
    set_overflow(m);
    return -1;
}

void seq_pad(struct seq_file* m, char c) {
    long size = static_cast<long>(m->pad_until) - static_cast<long>(m->count);
    if (size > 0) {
        if (static_cast<std::size_t>(size) + m->count > m->size) {
            set_overflow(m);
            return;
        }
        std::memset(m->buf + m->count, ' ', static_cast<std::size_t>(size));
        m->count += static_cast<std::size_t>(size);
    }
    if (c) seq_putc(m, c);
}

void seq_put_decimal_ull_width(struct seq_file* m, const char* delimiter, unsigned long long num, unsigned width) {
    if (m->count + 2 >= m->size) return set_overflow(m);
    put_delimiter(m, delimiter);
    if (!width) width = 1;
    if (m->count + width >= m->size) return set_overflow(m);
    int len = num_to_str(m->buf + m->count, m->size - m->count, num, width);
    if (!len) return set_overflow(m);
    m->count += static_cast<std::size_t>(len);
}

void seq_put_decimal_ull(struct seq_file* m, const char* delimiter, unsigned long long num) {
    seq_put_decimal_ull_width(m, delimiter, num, 0);
}

void seq_put_decimal_ll(struct seq_file* m, const char* delimiter, long long num) {
    if (m->count + 3 >= m->size) return set_overflow(m);
    put_delimiter(m, delimiter);
    if (m->count + 2 >= m->size) return set_overflow(m);
    unsigned long long u = static_cast<unsigned long long>(num);
    if (num < 0) {
        m->buf[m->count++] = '-';
        u = 0 - u;
    }
    if (u < 10) {
        m->buf[m->count++] = static_cast<char>('0' + u);
        return;
    }
    int len = num_to_str(m->buf + m->count, m->size - m->count, u, 0);
    if (!len) return set_overflow(m);
    m->count += static_cast<std::size_t>(len);
}

void seq_put_hex_ll(struct seq_file* m, const char* delimiter, unsigned long long v, unsigned width) {
    put_delimiter(m, delimiter);
    unsigned len = v == 0 ? 1 : static_cast<unsigned>((64 - __builtin_clzll(v) + 3) / 4);
    if (len < width) len = width;
    if (m->count + len > m->size) return set_overflow(m);
    for (int i = static_cast<int>(len) - 1; i >= 0; --i) {
        m->buf[m->count + static_cast<std::size_t>(i)] = "0123456789abcdef"[v & 0xf];
        v >>= 4;
    }
    m->count += len;
}

void* single_start(struct seq_file*, emu_loff_t* pos) { return *pos ? nullptr : SEQ_START_TOKEN; }

int single_open(struct file* file, int (*show)(struct seq_file*, void*), void* data) {
    auto* op = static_cast<seq_operations*>(__kmalloc(sizeof(seq_operations), GFP_KERNEL));
    if (!op) return -ENOMEM;
    op->start = single_start;
    op->next = single_next;
    op->stop = single_stop;
    op->show = show;
    int res = seq_open(file, op);
    if (res) {
        kfree(op);
        return res;
    }
    static_cast<seq_file*>(file->private_data)->private_ = data;
    return 0;
}

int single_open_size(struct file* file, int (*show)(struct seq_file*, void*), void* data, size_t size) {
    char* buf = seq_buf_alloc(size);
    if (!buf) return -ENOMEM;
    int ret = single_open(file, show, data);
    if (ret) {
        kfree(buf);
        return ret;
    }
    auto* m = static_cast<seq_file*>(file->private_data);
    m->buf = buf;
    m->size = size;
    return 0;
}

int single_release(struct inode* inode, struct file* file) {
    const seq_operations* op = static_cast<seq_file*>(file->private_data)->op;
    int res = seq_release(inode, file);
    kfree(op);
    return res;
}

void* __seq_open_private(struct file* f, const struct seq_operations* ops, int psize) {
    void* priv = __kmalloc(static_cast<std::size_t>(psize), GFP_KERNEL | __GFP_ZERO);
    if (!priv) return nullptr;
    if (seq_open(f, ops) < 0) {
        kfree(priv);
        return nullptr;
    }
    static_cast<seq_file*>(f->private_data)->private_ = priv;
    return priv;
}

int seq_open_private(struct file* f, const struct seq_operations* ops, int psize) {
    return __seq_open_private(f, ops, psize) ? 0 : -ENOMEM;
}

int seq_release_private(struct inode* inode, struct file* file) {
    auto* m = static_cast<seq_file*>(file->private_data);
    kfree(m->private_);
    m->private_ = nullptr;
    return seq_release(inode, file);
}

struct list_head* seq_list_start(struct list_head* head, emu_loff_t pos) {
    for (list_head* lh = head->next; lh != head; lh = lh->next)
        if (pos-- == 0) return lh;
    return nullptr;
}

struct list_head* seq_list_start_head(struct list_head* head, emu_loff_t pos) {
    if (!pos) return head;
    return seq_list_start(head, pos - 1);
}

struct list_head* seq_list_next(void* v, struct list_head* head, emu_loff_t* ppos) {
    list_head* lh = static_cast<list_head*>(v)->next;
    ++*ppos;
    return lh == head ? nullptr : lh;
}

// RCU readers see the same list here: nothing is freed under them.
struct list_head* seq_list_start_rcu(struct list_head* head, emu_loff_t pos) { return seq_list_start(head, pos); }
struct list_head* seq_list_start_head_rcu(struct list_head* head, emu_loff_t pos) {
    return seq_list_start_head(head, pos);
}
struct list_head* seq_list_next_rcu(void* v, struct list_head* head, emu_loff_t* ppos) {
    return seq_list_next(v, head, ppos);
}

struct hlist_node* seq_hlist_start(struct hlist_head* head, emu_loff_t pos) {
    for (hlist_node* node = head->first; node; node = node->next)
        if (pos-- == 0) return node;
    return nullptr;
}

struct hlist_node* seq_hlist_start_head(struct hlist_head* head, emu_loff_t pos) {
    if (!pos) return static_cast<hlist_node*>(SEQ_START_TOKEN);
    return seq_hlist_start(head, pos - 1);
}

struct hlist_node* seq_hlist_next(void* v, struct hlist_head* head, emu_loff_t* ppos) {
    ++*ppos;
    if (v == SEQ_START_TOKEN) return head->first;
    return static_cast<hlist_node*>(v)->next;
}

struct hlist_node* seq_hlist_start_rcu(struct hlist_head* head, emu_loff_t pos) { return seq_hlist_start(head, pos); }
struct hlist_node* seq_hlist_start_head_rcu(struct hlist_head* head, emu_loff_t pos) {
    return seq_hlist_start_head(head, pos);
}
struct hlist_node* seq_hlist_next_rcu(void* v, struct hlist_head* head, emu_loff_t* ppos) {
    return seq_hlist_next(v, head, ppos);
}

}  // extern "C"
