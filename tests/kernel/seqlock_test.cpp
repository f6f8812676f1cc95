// Sequence locks (linux/seqlock.h) and RCU lists (linux/rculist.h): readers
// on one CPU retry while a writer on another updates, and never see a torn
// pair; the count is odd exactly while a write is in progress (6.1
// include/linux/seqlock.h, include/linux/rculist.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/delay.h"
#include "kernel/include/linux/kthread.h"
#include "kernel/include/linux/rculist.h"
#include "kernel/include/linux/seqlock.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
struct Pair {
    seqlock_t lock;
    volatile int a = 0, b = 0;
    volatile bool stop = false;
    int writes = 0;
};
int writer(void* p) {
    auto* s = static_cast<Pair*>(p);
    while (!s->stop) {
        unsigned long flags;
        write_seqlock_irqsave(&s->lock, flags);
        s->a = s->a + 1;
        udelay(20);  // readers overlap the write
        s->b = s->b + 1;
        write_sequnlock_irqrestore(&s->lock, flags);
        ++s->writes;
        udelay(5);
    }
    return 0;
}
}  // namespace

TEST_CASE("seqlock: readers retry across a writer on another CPU and never see a torn pair", "[kernel][seqlock]") {
    Pair s;
    int torn = 0, reads = 0, retries = 0;
    std::vector<unsigned> counts;
    auto r = run_guest(default_config(2), [&](Machine&) {
        seqlock_init(&s.lock);
        counts.push_back(raw_read_seqcount(&s.lock.seqcount));
        write_seqlock(&s.lock);
        counts.push_back(raw_read_seqcount(&s.lock.seqcount));  // odd inside a write
        write_sequnlock(&s.lock);
        counts.push_back(raw_read_seqcount(&s.lock.seqcount));
        task_struct* w = kthread_create(writer, &s, "seqwriter");
        kthread_bind(w, 1);
        wake_up_process(w);
        while (reads < 2000) {
            unsigned seq;
            int a, b;
            bool first = true;
            do {
                if (!first) ++retries;
                first = false;
                seq = read_seqbegin(&s.lock);
                a = s.a;
                udelay(3);
                b = s.b;
            } while (read_seqretry(&s.lock, seq));
            if (a != b) ++torn;
            ++reads;
        }
        s.stop = true;
        msleep(5);
        return 0;
    });
    INFO(r.console);
    CHECK(r.status == 0);
    CHECK(counts == std::vector<unsigned>{0, 1, 2});
    CHECK(torn == 0);
    CHECK(retries > 0);
    CHECK(s.writes > 0);
}

TEST_CASE("seqcount: write_seqcount_begin/end on a bare and a mutex-associated count", "[kernel][seqlock]") {
    seqcount_t sc = SEQCNT_ZERO(sc);
    unsigned start = read_seqcount_begin(&sc);
    write_seqcount_begin(&sc);
    CHECK(raw_read_seqcount(&sc) == 1);
    CHECK(raw_seqcount_begin(&sc) == 0);  // a reader that started during a write retries
    write_seqcount_end(&sc);
    CHECK(read_seqcount_retry(&sc, start));
    CHECK(!read_seqcount_retry(&sc, read_seqcount_begin(&sc)));
    write_seqcount_invalidate(&sc);
    CHECK(raw_read_seqcount(&sc) == 4);
    seqcount_spinlock_t ss = SEQCNT_SPINLOCK_ZERO(ss, nullptr);
    raw_write_seqcount_barrier(&ss);
    CHECK(raw_read_seqcount(&ss) == 2);
}

namespace {
struct Item {
    int v;
    list_head node;
    hlist_node hnode;
};
}  // namespace

TEST_CASE("rculist: add, delete keeps the forward link, hlist variants", "[kernel][rculist]") {
    LIST_HEAD(head);
    Item a{1, {}, {}}, b{2, {}, {}}, c{3, {}, {}}, d{4, {}, {}};
    list_add_rcu(&a.node, &head);
    list_add_tail_rcu(&b.node, &head);
    list_add_rcu(&c.node, &head);  // c a b
    std::vector<int> seen;
    Item* it;
    list_for_each_entry_rcu(it, &head, node) seen.push_back(it->v);
    CHECK(seen == std::vector<int>{3, 1, 2});
    list_del_rcu(&a.node);
    CHECK(a.node.next == &b.node);  // a reader standing on a can go on
    CHECK(a.node.prev == LIST_POISON2);
    list_replace_rcu(&b.node, &d.node);
    seen.clear();
    list_for_each_entry_rcu(it, &head, node) seen.push_back(it->v);
    CHECK(seen == std::vector<int>{3, 4});
    CHECK(list_first_or_null_rcu(&head, Item, node) == &c);

    HLIST_HEAD(hh);
    hlist_add_head_rcu(&a.hnode, &hh);
    hlist_add_tail_rcu(&b.hnode, &hh);
    hlist_add_before_rcu(&c.hnode, &b.hnode);
    hlist_add_behind_rcu(&d.hnode, &b.hnode);  // a c b d
    seen.clear();
    hlist_for_each_entry_rcu(it, &hh, hnode) seen.push_back(it->v);
    CHECK(seen == std::vector<int>{1, 3, 2, 4});
    hlist_del_rcu(&c.hnode);
    CHECK(c.hnode.next == &b.hnode);
    hlist_del_init_rcu(&a.hnode);
    CHECK(hlist_unhashed(&a.hnode));
    seen.clear();
    hlist_for_each_entry_rcu(it, &hh, hnode) seen.push_back(it->v);
    CHECK(seen == std::vector<int>{2, 4});
}
