// Notifier chains (linux/notifier.h, kernel/notifier.c): priority order with
// ties in registration order, NOTIFY_STOP_MASK ends the walk, -EEXIST/-ENOENT/
// -EBUSY, the robust call's rollback, errno round trips (6.1 include/linux/notifier.h).
#include "tests/support/guest.hpp"

#include "kernel/include/linux/notifier.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace emu;
using namespace emu::test;

namespace {
std::vector<std::string> calls;
int cb_a(notifier_block*, unsigned long val, void*) { calls.push_back("a" + std::to_string(val)); return NOTIFY_OK; }
int cb_b(notifier_block*, unsigned long val, void*) { calls.push_back("b" + std::to_string(val)); return NOTIFY_DONE; }
int cb_stop(notifier_block*, unsigned long val, void*) {
    calls.push_back("s" + std::to_string(val));
    return val == 1 ? notifier_from_errno(-EBUSY) : NOTIFY_OK;
}
}  // namespace

TEST_CASE("notifier: values and errno conversion", "[kernel][notifier]") {
    CHECK(NOTIFY_DONE == 0);
    CHECK(NOTIFY_OK == 1);
    CHECK(NOTIFY_STOP_MASK == 0x8000);
    CHECK(NOTIFY_BAD == 0x8002);
    CHECK(NOTIFY_STOP == 0x8001);
    CHECK(notifier_from_errno(0) == NOTIFY_OK);
    CHECK(notifier_from_errno(-EINVAL) == (0x8000 | (1 + EINVAL)));
    CHECK(notifier_to_errno(notifier_from_errno(-ENOMEM)) == -ENOMEM);
    CHECK(notifier_to_errno(NOTIFY_STOP) == 0);
    CHECK(notifier_to_errno(NOTIFY_BAD) == -1);
}

TEST_CASE("notifier: raw chain order, stop, unregister, robust rollback", "[kernel][notifier]") {
    RAW_NOTIFIER_HEAD(chain);
    notifier_block a{cb_a, nullptr, 0}, b{cb_b, nullptr, 0}, hi{cb_b, nullptr, 10}, s{cb_stop, nullptr, -5};
    CHECK(raw_notifier_call_chain(&chain, 0, nullptr) == NOTIFY_DONE);
    CHECK(raw_notifier_chain_register(&chain, &a) == 0);
    CHECK(raw_notifier_chain_register(&chain, &b) == 0);   // same priority: after a
    CHECK(raw_notifier_chain_register(&chain, &hi) == 0);  // higher: first
    CHECK(raw_notifier_chain_register(&chain, &s) == 0);   // lower: last
    calls.clear();
    CHECK(raw_notifier_call_chain(&chain, 7, nullptr) == NOTIFY_OK);  // the last callback's value
    CHECK(calls == std::vector<std::string>{"b7", "a7", "b7", "s7"});
    calls.clear();
    CHECK(raw_notifier_call_chain_robust(&chain, 1, 2, nullptr) == notifier_from_errno(-EBUSY));
    CHECK(calls == std::vector<std::string>{"b1", "a1", "b1", "s1", "b2", "a2", "b2"});
    CHECK(raw_notifier_chain_unregister(&chain, &a) == 0);
    CHECK(raw_notifier_chain_unregister(&chain, &a) == -ENOENT);
    calls.clear();
    raw_notifier_call_chain(&chain, 3, nullptr);
    CHECK(calls == std::vector<std::string>{"b3", "b3", "s3"});
}

TEST_CASE("notifier: atomic and blocking chains, duplicate and unique priorities", "[kernel][notifier]") {
    std::vector<int> got;
    auto r = run_guest(default_config(1), [&](Machine&) {
        static ATOMIC_NOTIFIER_HEAD(atomic_chain);
        static BLOCKING_NOTIFIER_HEAD(blocking_chain);
        static notifier_block a{cb_a, nullptr, 0}, b{cb_b, nullptr, 0}, c{cb_a, nullptr, 0};
        got.push_back(atomic_notifier_chain_register(&atomic_chain, &a));
        got.push_back(atomic_notifier_chain_register(&atomic_chain, &a));  // -EEXIST, WARNING
        got.push_back(atomic_notifier_chain_register_unique_prio(&atomic_chain, &b));  // -EBUSY
        got.push_back(atomic_notifier_call_chain(&atomic_chain, 4, nullptr));
        got.push_back(atomic_notifier_chain_unregister(&atomic_chain, &a));
        got.push_back(blocking_notifier_chain_register(&blocking_chain, &c));
        got.push_back(blocking_notifier_call_chain(&blocking_chain, 5, nullptr));
        got.push_back(blocking_notifier_call_chain_robust(&blocking_chain, 6, 7, nullptr));
        got.push_back(blocking_notifier_chain_unregister(&blocking_chain, &c));
        got.push_back(blocking_notifier_chain_unregister(&blocking_chain, &c));
        return 0;
    });
    CHECK(r.status == 0);
    CHECK(got == std::vector<int>{0, -EEXIST, -EBUSY, NOTIFY_OK, 0, 0, NOTIFY_OK, NOTIFY_OK, 0, -ENOENT});
    CHECK(r.plain.find(" already registered") != std::string::npos);
}
