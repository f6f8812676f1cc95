// seq_file (kernel/seq_file.cpp, 6.1 fs/seq_file.c): record-by-record reads
// into a page that doubles for a record that does not fit, reads from 0
// restart, seek replays, SEQ_SKIP, and the put helpers' formats.
#include "tests/support/guest.hpp"

#include "kernel/kernfs.hpp"
#include "kernel/include/linux/proc_fs.h"
#include "kernel/include/linux/seq_file.h"

#include <catch2/catch.hpp>

using namespace emu;
using namespace emu::kern;
using namespace emu::test;

namespace {

int g_starts;  // host-side test counter (one machine at a time in these tests)

void* nums_start(seq_file*, emu_loff_t* pos) {
    ++g_starts;
    return *pos < 5 ? reinterpret_cast<void*>(*pos + 1) : nullptr;
}
void* nums_next(seq_file*, void*, emu_loff_t* pos) {
    ++*pos;
    return *pos < 5 ? reinterpret_cast<void*>(*pos + 1) : nullptr;
}
void nums_stop(seq_file*, void*) {}
int nums_show(seq_file* m, void* v) {
    long n = reinterpret_cast<long>(v);
    if (n == 3) return SEQ_SKIP;
    seq_printf(m, "n=%ld", n);
    seq_put_decimal_ull_width(m, " w", 7, 4);
    seq_put_decimal_ll(m, " ", -n);
    seq_put_hex_ll(m, " 0x", 255, 4);
    seq_putc(m, '\n');
    return 0;
}
const seq_operations kNums = {nums_start, nums_stop, nums_next, nums_show};

int big_show(seq_file* m, void*) {
    for (int i = 0; i < 1000; ++i) seq_puts(m, "0123456789");  // one record of 10000 bytes
    return 0;
}

std::string read_with(int fd, std::size_t chunk, int* calls = nullptr) {
    std::string out;
    std::vector<char> buf(chunk);
    long n;
    while ((n = sys_read(fd, buf.data(), chunk)) > 0) {
        out.append(buf.data(), static_cast<std::size_t>(n));
        if (calls) ++*calls;
    }
    return out;
}

}  // namespace

TEST_CASE("seq_file: records, SEQ_SKIP, put helpers; small reads continue; lseek replays", "[kernel][seq_file]") {
    std::string all, small, after_seek, again;
    long long pos = 0;
    g_starts = 0;
    int starts_small = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        proc_create_seq("nums", 0444, nullptr, &kNums);
        int fd = sys_open("/proc/nums", 0);
        all = read_with(fd, 4096);
        sys_close(fd);
        g_starts = 0;
        fd = sys_open("/proc/nums", 0);
        small = read_with(fd, 5);
        starts_small = g_starts;
        pos = sys_lseek(fd, 7, 0);
        after_seek = read_with(fd, 4096);
        sys_lseek(fd, 0, 0);
        again = read_with(fd, 4096);
        sys_close(fd);
        return 0;
    });
    INFO(r.console);
    const char* want = "n=1 w   7 -1 0x00ff\nn=2 w   7 -2 0x00ff\nn=4 w   7 -4 0x00ff\nn=5 w   7 -5 0x00ff\n";
    CHECK(all == want);
    CHECK(small == want);
    CHECK(starts_small > 4);  // every read past the buffered record starts again at the index
    CHECK(pos == 7);
    CHECK(after_seek == std::string(want).substr(7));
    CHECK(again == want);
}

TEST_CASE("seq_file: a record bigger than a page grows the buffer; reads hand it out in 4 KiB pieces", "[kernel][seq_file]") {
    std::string out;
    int reads = 0;
    auto r = run_guest(default_config(1), [&](Machine&) {
        proc_create_single("big", 0, nullptr, big_show);
        int fd = sys_open("/proc/big", 0);
        out = read_with(fd, 4096, &reads);
        sys_close(fd);
        return 0;
    });
    INFO(r.console);
    CHECK(out.size() == 10000);
    CHECK(reads == 3);
    CHECK(out.substr(9990) == "0123456789");
}
