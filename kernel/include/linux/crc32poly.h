#ifndef _LINUX_CRC32_POLY_H
#define _LINUX_CRC32_POLY_H
/* CRC polynomials (6.1 include/linux/crc32poly.h): the Ethernet CRC-32 in
 * bit-reflected (LE) and normal (BE) form, and Castagnoli's CRC-32C. */
#define CRC32_POLY_LE 0xedb88320
#define CRC32_POLY_BE 0x04c11db7
#define CRC32C_POLY_LE 0x82F63B78
#endif
