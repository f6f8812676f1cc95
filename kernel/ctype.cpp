// lib/ctype.c: the class table behind linux/ctype.h's is*() macros, for
// ISO 8859-1. Built at compile time from the ranges, not written out.
#include "kernel/include/linux/ctype.h"

#include <array>

namespace {

constexpr unsigned char classify(unsigned c) {
    if (c == ' ' || c == 0xa0) return _S | _SP;
    if (c >= '\t' && c <= '\r') return _C | _S;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return _C;
    if (c >= '0' && c <= '9') return _D;
    if (c >= 'A' && c <= 'Z') return c <= 'F' ? _U | _X : _U;
    if (c >= 'a' && c <= 'z') return c <= 'f' ? _L | _X : _L;
    // Latin-1 letters: upper 0xc0-0xde, lower 0xdf-0xff, except the
    // multiplication (0xd7) and division (0xf7) signs.
    if (c == 0xd7 || c == 0xf7) return _P;
    if (c >= 0xc0 && c <= 0xde) return _U;
    if (c >= 0xdf) return _L;
    return _P;  // ASCII and Latin-1 punctuation and symbols
}

constexpr std::array<unsigned char, 256> make_table() {
    std::array<unsigned char, 256> t{};
    for (unsigned c = 0; c < 256; ++c) t[c] = classify(c);
    return t;
}

constexpr std::array<unsigned char, 256> kTable = make_table();

}  // namespace

// A plain C array, as modules index it; read-only, so shared by every machine.
extern "C" const unsigned char _ctype[256] = {
#define EMU_ROW(i) kTable[i], kTable[i + 1], kTable[i + 2], kTable[i + 3], kTable[i + 4], kTable[i + 5], kTable[i + 6], kTable[i + 7]
#define EMU_ROWS(i) EMU_ROW(i), EMU_ROW(i + 8), EMU_ROW(i + 16), EMU_ROW(i + 24)
    EMU_ROWS(0),   EMU_ROWS(32),  EMU_ROWS(64),  EMU_ROWS(96),
    EMU_ROWS(128), EMU_ROWS(160), EMU_ROWS(192), EMU_ROWS(224),
#undef EMU_ROWS
#undef EMU_ROW
};
