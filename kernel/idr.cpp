// lib/idr.c: IDR and IDA on a red-black tree of allocated IDs (6.1 uses a
// radix tree; only the results are kept: lowest free ID first, -ENOSPC,
// -ENOMEM from the caller's gfp, NULL entries reserved but not walked).
#include "kernel/include/linux/errno.h"
#include "kernel/include/linux/idr.h"
#include "kernel/include/linux/rbtree.h"
#include "kernel/include/linux/slab.h"

namespace {

struct IdEntry {
    rb_node node;
    unsigned long id;
    void* ptr;
};

IdEntry* entry_of(rb_node* n) { return n ? rb_entry(n, IdEntry, node) : nullptr; }

// The entry with the smallest id >= id, or NULL.
IdEntry* lower_bound(const rb_root* root, unsigned long id) {
    rb_node* n = root->rb_node;
    IdEntry* best = nullptr;
    while (n) {
        IdEntry* e = entry_of(n);
        if (e->id >= id) {
            best = e;
            n = n->rb_left;
        } else {
            n = n->rb_right;
        }
    }
    return best;
}

IdEntry* lookup(const rb_root* root, unsigned long id) {
    IdEntry* e = lower_bound(root, id);
    return e && e->id == id ? e : nullptr;
}

// The lowest id in [lo, hi] not in the tree; false if there is none.
bool lowest_free(const rb_root* root, unsigned long lo, unsigned long hi, unsigned long* out) {
    unsigned long cand = lo;
    for (IdEntry* e = lower_bound(root, lo); e && e->id == cand; e = entry_of(rb_next(&e->node))) ++cand;
    if (cand > hi) return false;
    *out = cand;
    return true;
}

void insert(rb_root* root, IdEntry* entry) {
    rb_node** link = &root->rb_node;
    rb_node* parent = nullptr;
    while (*link) {
        parent = *link;
        link = entry->id < entry_of(parent)->id ? &parent->rb_left : &parent->rb_right;
    }
    rb_link_node(&entry->node, parent, link);
    rb_insert_color(&entry->node, root);
}

// Allocates in [lo, hi]; the entry is allocated first so gfp may sleep.
int alloc_id(rb_root* root, void* ptr, unsigned long lo, unsigned long hi, gfp_t gfp, unsigned long* out) {
    unsigned long id;
    if (lo > hi || !lowest_free(root, lo, hi, &id)) return -ENOSPC;
    auto* e = static_cast<IdEntry*>(kmalloc(sizeof(IdEntry), gfp));
    if (!e) return -ENOMEM;
    e->id = id;
    e->ptr = ptr;
    insert(root, e);
    *out = id;
    return 0;
}

void free_all(rb_root* root) {
    rb_node* n = rb_first_postorder(root);
    while (n) {
        rb_node* next = rb_next_postorder(n);
        kfree(entry_of(n));
        n = next;
    }
    root->rb_node = nullptr;
}

// The first entry at or after id with a non-NULL pointer.
IdEntry* next_present(const rb_root* root, unsigned long id) {
    IdEntry* e = lower_bound(root, id);
    while (e && !e->ptr) e = entry_of(rb_next(&e->node));
    return e;
}

}  // namespace

extern "C" {

void idr_preload(gfp_t) { preempt_disable(); }

int idr_alloc_u32(struct idr* idr, void* ptr, u32* nextid, unsigned long max, gfp_t gfp) {
    unsigned long lo = *nextid < idr->idr_base ? idr->idr_base : *nextid;
    unsigned long id;
    int err = alloc_id(&idr->__emu_ids, ptr, lo, max, gfp, &id);
    if (err) return err;
    *nextid = static_cast<u32>(id);
    return 0;
}

int idr_alloc(struct idr* idr, void* ptr, int start, int end, gfp_t gfp) {
    if (WARN_ON(start < 0)) return -EINVAL;
    u32 id = static_cast<u32>(start);
    int err = idr_alloc_u32(idr, ptr, &id, end > 0 ? static_cast<unsigned long>(end) - 1 : INT_MAX, gfp);
    return err ? err : static_cast<int>(id);
}

// From the cursor up, then wrapping to start once.
int idr_alloc_cyclic(struct idr* idr, void* ptr, int start, int end, gfp_t gfp) {
    if (WARN_ON(start < 0)) return -EINVAL;
    u32 id = idr->idr_next;
    if (static_cast<int>(id) < start) id = static_cast<u32>(start);
    unsigned long max = end > 0 ? static_cast<unsigned long>(end) - 1 : INT_MAX;
    int err = idr_alloc_u32(idr, ptr, &id, max, gfp);
    if (err == -ENOSPC && id > static_cast<u32>(start)) {
        id = static_cast<u32>(start);
        err = idr_alloc_u32(idr, ptr, &id, max, gfp);
    }
    if (err) return err;
    idr->idr_next = id + 1;
    return static_cast<int>(id);
}

void* idr_remove(struct idr* idr, unsigned long id) {
    IdEntry* e = lookup(&idr->__emu_ids, id);
    if (!e) return nullptr;
    void* ptr = e->ptr;
    rb_erase(&e->node, &idr->__emu_ids);
    kfree(e);
    return ptr;
}

void* idr_find(const struct idr* idr, unsigned long id) {
    IdEntry* e = lookup(&idr->__emu_ids, id);
    return e ? e->ptr : nullptr;
}

// fn may remove the entry it is given: the walk resumes from the next id.
int idr_for_each(const struct idr* idr, int (*fn)(int id, void* p, void* data), void* data) {
    for (IdEntry* e = next_present(&idr->__emu_ids, 0); e;) {
        unsigned long id = e->id;
        int ret = fn(static_cast<int>(id), e->ptr, data);
        if (ret) return ret;
        e = next_present(&idr->__emu_ids, id + 1);
    }
    return 0;
}

void* idr_get_next_ul(struct idr* idr, unsigned long* nextid) {
    IdEntry* e = next_present(&idr->__emu_ids, *nextid);
    if (!e) return nullptr;
    *nextid = e->id;
    return e->ptr;
}

void* idr_get_next(struct idr* idr, int* nextid) {
    unsigned long id = static_cast<unsigned long>(*nextid);
    void* entry = idr_get_next_ul(idr, &id);
    if (WARN_ON(id > INT_MAX)) return nullptr;
    *nextid = static_cast<int>(id);
    return entry;
}

// Returns the old pointer, or ERR_PTR(-ENOENT) if id is not allocated.
void* idr_replace(struct idr* idr, void* ptr, unsigned long id) {
    IdEntry* e = lookup(&idr->__emu_ids, id);
    if (!e) return ERR_PTR(-ENOENT);
    void* old = e->ptr;
    e->ptr = ptr;
    return old;
}

void idr_destroy(struct idr* idr) { free_all(&idr->__emu_ids); }

int ida_alloc_range(struct ida* ida, unsigned int min, unsigned int max, gfp_t gfp) {
    if (static_cast<int>(min) < 0) return -ENOSPC;
    if (static_cast<int>(max) < 0) max = INT_MAX;
    unsigned long id;
    // The entry is allocated before the lock is taken, as gfp may sleep.
    unsigned long lo = min;
    if (lo > max || !lowest_free(&ida->__emu_ids, lo, max, &id)) return -ENOSPC;
    auto* e = static_cast<IdEntry*>(kmalloc(sizeof(IdEntry), gfp));
    if (!e) return -ENOMEM;
    unsigned long flags = _raw_spin_lock_irqsave(&ida->__emu_lock);
    if (!lowest_free(&ida->__emu_ids, lo, max, &id)) {
        spin_unlock_irqrestore(&ida->__emu_lock, flags);
        kfree(e);
        return -ENOSPC;
    }
    e->id = id;
    e->ptr = nullptr;
    insert(&ida->__emu_ids, e);
    spin_unlock_irqrestore(&ida->__emu_lock, flags);
    return static_cast<int>(id);
}

void ida_free(struct ida* ida, unsigned int id) {
    BUG_ON(static_cast<int>(id) < 0);
    unsigned long flags = _raw_spin_lock_irqsave(&ida->__emu_lock);
    IdEntry* e = lookup(&ida->__emu_ids, id);
    if (e) rb_erase(&e->node, &ida->__emu_ids);
    spin_unlock_irqrestore(&ida->__emu_lock, flags);
    if (e)
        kfree(e);
    else
        WARN(1, "ida_free called for id=%d which is not allocated.\n", static_cast<int>(id));
}

void ida_destroy(struct ida* ida) {
    unsigned long flags = _raw_spin_lock_irqsave(&ida->__emu_lock);
    rb_root all = ida->__emu_ids;
    ida->__emu_ids.rb_node = nullptr;
    spin_unlock_irqrestore(&ida->__emu_lock, flags);
    free_all(&all);
}

}  // extern "C"
