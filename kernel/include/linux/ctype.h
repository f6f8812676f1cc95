#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H
/* Character classes over ISO 8859-1 (6.1 include/linux/ctype.h, lib/ctype.c):
 * one table of class bits, indexed by the character as unsigned char, so
 * isalpha(0xe9) is true ('é') and no locale is involved. */
#include "compiler.h"

#define _U  0x01 /* upper case */
#define _L  0x02 /* lower case */
#define _D  0x04 /* decimal digit */
#define _C  0x08 /* control */
#define _P  0x10 /* punctuation */
#define _S  0x20 /* white space: space, \t \n \v \f \r, and 0xa0 */
#define _X  0x40 /* hex digit letter a-f, A-F */
#define _SP 0x80 /* the space characters 0x20 and 0xa0 */

EMU_BEGIN_DECLS
extern const unsigned char _ctype[];
EMU_END_DECLS

#ifndef __cplusplus /* the C++ side has <cctype>'s functions of these names */
#define __ismask(x) (_ctype[(int)(unsigned char)(x)])

#define isalnum(c)  ((__ismask(c) & (_U | _L | _D)) != 0)
#define isalpha(c)  ((__ismask(c) & (_U | _L)) != 0)
#define iscntrl(c)  ((__ismask(c) & (_C)) != 0)
#define isgraph(c)  ((__ismask(c) & (_P | _U | _L | _D)) != 0)
#define islower(c)  ((__ismask(c) & (_L)) != 0)
#define isprint(c)  ((__ismask(c) & (_P | _U | _L | _D | _SP)) != 0)
#define ispunct(c)  ((__ismask(c) & (_P)) != 0)
#define isspace(c)  ((__ismask(c) & (_S)) != 0) /* false for '\0' */
#define isupper(c)  ((__ismask(c) & (_U)) != 0)
#define isxdigit(c) ((__ismask(c) & (_D | _X)) != 0)
#define isascii(c) (((unsigned char)(c)) <= 0x7f)
#define toascii(c) (((unsigned char)(c)) & 0x7f)

/* ASCII digits only, as the compiler's builtin. */
#define isdigit(c) __builtin_isdigit(c)

static inline unsigned char __tolower(unsigned char c) { return isupper(c) ? c - ('A' - 'a') : c; }
static inline unsigned char __toupper(unsigned char c) { return islower(c) ? c - ('a' - 'A') : c; }
#define tolower(c) __tolower(c)
#define toupper(c) __toupper(c)

/* Lower case for letters only, by setting bit 5: faster than tolower() where
 * the caller knows c is a letter (or only compares the result to letters). */
static inline char _tolower(const char c) { return c | 0x20; }
/* An octal digit: '0' to '7'. */
static inline int isodigit(const char c) { return c >= '0' && c <= '7'; }
#endif

#endif
