/* bits.h - bit sets of any size, nbits a multiple of 64 (not installed). */
#ifndef PXF_BITS_H
#define PXF_BITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set is an array of uint64_t words, bit i in word i / PXF_BITS_PER_WORD;
 * PXF_BITS_WORDS(nbits) words hold nbits. */
#define PXF_BITS_PER_WORD 64
#define PXF_BITS_WORDS(nbits) ((nbits) / PXF_BITS_PER_WORD)

static inline bool bit_test(const uint64_t *bits, int i)
{
    return (bits[i / PXF_BITS_PER_WORD] >> (i % PXF_BITS_PER_WORD)) & 1;
}
static inline void bit_set(uint64_t *bits, int i)
{
    bits[i / PXF_BITS_PER_WORD] |= 1ULL << (i % PXF_BITS_PER_WORD);
}
static inline void bit_clear(uint64_t *bits, int i)
{
    bits[i / PXF_BITS_PER_WORD] &= ~(1ULL << (i % PXF_BITS_PER_WORD));
}
int bits_count(const uint64_t *bits, int nbits);
/* Parse a Linux list ("0-3,8"); EINVAL if malformed or out of range. */
int bits_parse_list(uint64_t *bits, int nbits, const char *list);
/* Format as a Linux list into buf (cap bytes, NUL-terminated). */
void bits_format_list(const uint64_t *bits, int nbits, char *buf, size_t cap);

#endif
