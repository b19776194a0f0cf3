/* bits.c - bit sets of any size (RADs, CPUs, nodes) and the Linux list
 * form ("0-3,8") the kernel and hwloc write them in. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bits.h"

int bits_count(const uint64_t *bits, int nbits)
{
    int n = 0;
    for (int w = 0; w < PXF_BITS_WORDS(nbits); w++)
        n += __builtin_popcountll(bits[w]);
    return n;
}

int bits_parse_list(uint64_t *bits, int nbits, const char *list)
{
    memset(bits, 0, (size_t)PXF_BITS_WORDS(nbits) * sizeof *bits);
    const char *p = list;
    while (*p && *p != '\n') {
        char *end;
        long lo = strtol(p, &end, 10);
        if (end == p || lo < 0 || lo >= nbits)
            return EINVAL;
        long hi = lo;
        p = end;
        if (*p == '-') {
            hi = strtol(p + 1, &end, 10);
            if (end == p + 1 || hi < lo || hi >= nbits)
                return EINVAL;
            p = end;
        }
        for (long i = lo; i <= hi; i++)
            bit_set(bits, (int)i);
        if (*p == ',')
            p++;
        else if (*p && *p != '\n')
            return EINVAL;
    }
    return 0;
}

void bits_format_list(const uint64_t *bits, int nbits, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < nbits; i++) {
        if (!bit_test(bits, i))
            continue;
        int j = i;
        while (j + 1 < nbits && bit_test(bits, j + 1))
            j++;
        int n = j == i ? snprintf(buf + len, cap - len, "%s%d", len ? "," : "", i)
                       : snprintf(buf + len, cap - len, "%s%d-%d", len ? "," : "", i, j);
        if (n < 0 || (size_t)n >= cap - len)
            return;
        len += (size_t)n;
        i = j;
    }
}
