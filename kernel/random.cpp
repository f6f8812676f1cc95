// drivers/char/random.c's interface and lib/random32.c. Linux's numbers come
// from ChaCha20 over hardware entropy; emu's come from xoshiro256** seeded
// with the machine's --seed (through splitmix64), one generator per machine,
// so a run is reproducible and two machines in one process do not interfere.
#include "kernel/kernel.hpp"

#include "kernel/include/linux/random.h"

#include <cstring>

using namespace emu::kern;

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

std::array<std::uint64_t, 4>& state_of(Kernel& k) {
    if (!k.random_seeded) {
        std::uint64_t x = k.engine.seed();
        for (auto& s : k.random_state) s = splitmix64(x);
        k.random_seeded = true;
    }
    return k.random_state;
}

std::uint64_t next(Kernel& k) {
    auto& s = state_of(k);
    std::uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

// A draw, after the entry's preemption point.
std::uint64_t draw() {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    return next(k);
}

// Input changes the state the same way every time it is the same input.
void mix(const void* buf, std::size_t len) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call);
    auto& s = state_of(k);
    auto* p = static_cast<const unsigned char*>(buf);
    for (std::size_t i = 0; i < len; ++i) s[i % 4] = rotl(s[i % 4] ^ p[i], 11) * 0x9e3779b97f4a7c15ull;
    if (!(s[0] | s[1] | s[2] | s[3])) s[0] = 1;  // xoshiro's one forbidden state
    next(k);
}

constexpr std::uint32_t tausworthe(std::uint32_t s, unsigned a, unsigned b, std::uint32_t c, unsigned d) {
    return ((s & c) << d) ^ (((s << a) ^ s) >> b);
}

}  // namespace

extern "C" {

void add_device_randomness(const void* buf, size_t len) { mix(buf, len); }
void add_bootloader_randomness(const void* buf, size_t len) { mix(buf, len); }
void add_hwgenerator_randomness(const void* buf, size_t len, size_t) { mix(buf, len); }
void add_input_randomness(unsigned int type, unsigned int code, unsigned int value) {
    unsigned int v[3] = {type, code, value};
    mix(v, sizeof v);
}
void add_interrupt_randomness(int irq) { mix(&irq, sizeof irq); }

void get_random_bytes(void* buf, size_t len) {
    Kernel& k = this_kernel();
    charge(k.cfg.costs.api_call + len / 8);
    auto* p = static_cast<unsigned char*>(buf);
    while (len) {
        std::uint64_t v = next(k);
        std::size_t n = len < sizeof v ? len : sizeof v;
        std::memcpy(p, &v, n);
        p += n;
        len -= n;
    }
}

u8 get_random_u8(void) { return static_cast<u8>(draw()); }
u16 get_random_u16(void) { return static_cast<u16>(draw()); }
u32 get_random_u32(void) { return static_cast<u32>(draw()); }
u64 get_random_u64(void) { return draw(); }

// Lemire's multiply-and-reject, as 6.1 does it: the high half of
// ceil * random is uniform once the low half's biased range is rejected.
u32 __get_random_u32_below(u32 ceil) {
    if (!ceil) return get_random_u32();
    u64 mult = static_cast<u64>(ceil) * get_random_u32();
    if (static_cast<u32>(mult) < ceil) {
        u32 bound = (0u - ceil) % ceil;
        while (static_cast<u32>(mult) < bound) mult = static_cast<u64>(ceil) * get_random_u32();
    }
    return static_cast<u32>(mult >> 32);
}

// Seeded from --seed at boot: always ready, never blocks.
bool rng_is_initialized(void) { return true; }
int wait_for_random_bytes(void) { return 0; }

u32 prandom_u32_state(struct rnd_state* state) {
    state->s1 = tausworthe(state->s1, 6U, 13U, 4294967294U, 18U);
    state->s2 = tausworthe(state->s2, 2U, 27U, 4294967288U, 2U);
    state->s3 = tausworthe(state->s3, 13U, 21U, 4294967280U, 7U);
    state->s4 = tausworthe(state->s4, 3U, 12U, 4294967168U, 13U);
    return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}

// Whole words little-endian first, then the low bytes of one more word.
void prandom_bytes_state(struct rnd_state* state, void* buf, size_t bytes) {
    auto* ptr = static_cast<u8*>(buf);
    while (bytes >= sizeof(u32)) {
        u32 v = prandom_u32_state(state);
        std::memcpy(ptr, &v, sizeof v);
        ptr += sizeof v;
        bytes -= sizeof v;
    }
    if (bytes > 0) {
        u32 rem = prandom_u32_state(state);
        do {
            *ptr++ = static_cast<u8>(rem);
            rem >>= 8;
        } while (--bytes > 0);
    }
}

}  // extern "C"
