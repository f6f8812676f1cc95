// A driver's poll() (6.1 include/linux/poll.h): poll_wait() hands each wait
// queue to the poll table's queueing function; the events are EPOLL*, with
// the values of 6.1 uapi/linux/eventpoll.h and uapi/asm-generic/poll.h.
#include "tests/support/guest.hpp"

#include "kernel/include/linux/poll.h"
#include "kernel/include/linux/wait.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
struct Recorder {
    poll_table pt;
    std::vector<wait_queue_head_t*> queues;
};
void record(file*, wait_queue_head_t* q, poll_table_struct* p) {
    reinterpret_cast<Recorder*>(p)->queues.push_back(q);
}
wait_queue_head_t g_readq;
bool g_ready;
__poll_t drv_poll(file* f, poll_table* wait) {
    poll_wait(f, &g_readq, wait);
    return g_ready ? EPOLLIN | EPOLLRDNORM : 0;
}
const file_operations kFops = {.owner = nullptr, .llseek = nullptr, .read = nullptr, .write = nullptr,
                               .poll = drv_poll, .unlocked_ioctl = nullptr, .compat_ioctl = nullptr,
                               .open = nullptr, .flush = nullptr, .release = nullptr};
const file_operations kNoPoll = {};
}  // namespace

TEST_CASE("poll: event values are 6.1's", "[kernel][poll]") {
    STATIC_REQUIRE(EPOLLIN == 0x1);
    STATIC_REQUIRE(EPOLLPRI == 0x2);
    STATIC_REQUIRE(EPOLLOUT == 0x4);
    STATIC_REQUIRE(EPOLLERR == 0x8);
    STATIC_REQUIRE(EPOLLHUP == 0x10);
    STATIC_REQUIRE(EPOLLRDNORM == 0x40);
    STATIC_REQUIRE(EPOLLWRNORM == 0x100);
    STATIC_REQUIRE(EPOLLRDHUP == 0x2000);
    STATIC_REQUIRE(POLLIN == 0x1);
    STATIC_REQUIRE(POLLWRNORM == 0x100);
    STATIC_REQUIRE(EPOLLET == 0x80000000u);
    STATIC_REQUIRE(DEFAULT_POLLMASK == 0x145);
    CHECK(mangle_poll(EPOLLIN | EPOLLOUT | EPOLLET) == (POLLIN | POLLOUT));
    CHECK(demangle_poll(POLLHUP) == EPOLLHUP);
}

TEST_CASE("poll: poll_wait registers the driver's queue; vfs_poll without .poll is DEFAULT_POLLMASK",
          "[kernel][poll]") {
    Recorder rec;
    init_poll_funcptr(&rec.pt, record);
    run_guest(default_config(1), [](Machine&) {
        init_waitqueue_head(&g_readq);
        return 0;
    });
    file f{};
    f.f_op = &kFops;
    g_ready = false;
    CHECK(vfs_poll(&f, &rec.pt) == 0);
    REQUIRE(rec.queues.size() == 1);
    CHECK(rec.queues[0] == &g_readq);
    g_ready = true;
    CHECK(vfs_poll(&f, nullptr) == (EPOLLIN | EPOLLRDNORM));  // no table: nothing registered
    CHECK(rec.queues.size() == 1);
    CHECK(poll_does_not_wait(nullptr));
    CHECK(!poll_does_not_wait(&rec.pt));
    CHECK(poll_requested_events(&rec.pt) == ~0u);
    CHECK(file_can_poll(&f));
    file g{};
    g.f_op = &kNoPoll;
    CHECK(!file_can_poll(&g));
    CHECK(vfs_poll(&g, &rec.pt) == DEFAULT_POLLMASK);
}
