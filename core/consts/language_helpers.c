/* language_helpers.c - the two helpers of the 1003.9 FORTRAN 77 language
 * library (clause 8) that are neither constants nor structures:
 * IPXFLENTRIM (Intel) and PXFUCOMPARE (Cray, clause 8.11.1). They live with
 * PXFCONST, the rest of clause 8 that pxf has. */
#include <pxf/consts.h>

size_t pxf_lentrim(const char *s, size_t len)
{
    while (len > 0 && s[len - 1] == ' ')   /* blanks only, as LEN_TRIM */
        len--;
    return len;
}

/* The caller passes its integers' bits: an INTEGER(4) zero-extended, so
 * -1 compares as 4294967295 there and as 2**64 - 1 from an INTEGER(8). */
void pxf_ucompare(unsigned long long a, unsigned long long b, int *cmp,
                  unsigned long long *diff)
{
    *cmp = a < b ? -1 : a > b;
    *diff = a < b ? b - a : a - b;
}
