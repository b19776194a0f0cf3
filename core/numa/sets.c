/* sets.c - radsetops and cpusetops: the same bit-set operations over RAD
 * ids and CPU ids, generated for both from one macro. Tru64 conventions:
 * 0 or -1 with errno (EINVAL: an id out of range; EFAULT: a NULL set). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/internal.h"
#include "topology.h"

/* The machine's members for radfillset / cpufillset. */
static int fill_rads(struct pxf_radset *set)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return err;
    for (int i = 0; i < topo->nrads; i++)
        if (topo->rads[i].online)
            bit_set(set->bits, topo->rads[i].id);
    numa_unlock();
    return 0;
}

static int fill_cpus(struct pxf_cpuset *set)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return err;
    for (int i = 0; i < topo->nrads; i++)
        for (int w = 0; w < PXF_BITS_WORDS(PXF_MAX_CPUS); w++)
            set->bits[w] |= topo->rads[i].cpus.bits[w];
    numa_unlock();
    return 0;
}

/* One family of set operations: P is the name prefix (rad/cpu), T the
 * public set type, S the struct, N the bit count, ID the member type. */
#define SET_OPS(P, T, S, N, ID, NONE)                                         \
int P##setcreate(T *set)                                                      \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    *set = calloc(1, sizeof(S));                                              \
    return *set ? 0 : pxf_errno_fail(ENOMEM);                                           \
}                                                                             \
int P##setdestroy(T *set)                                                     \
{                                                                             \
    if (set == NULL || *set == NULL)                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    free(*set);                                                               \
    *set = NULL;                                                              \
    return 0;                                                                 \
}                                                                             \
int P##emptyset(T set)                                                        \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    memset(set, 0, sizeof(S));                                                \
    return 0;                                                                 \
}                                                                             \
int P##fillset(T set)                                                         \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    memset(set, 0, sizeof(S));                                                \
    int err = fill_##P##s(set);                                               \
    return err ? pxf_errno_fail(err) : 0;                                               \
}                                                                             \
int P##addset(T set, ID id)                                                   \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    if (id < 0 || id >= N)                                                    \
        return pxf_errno_fail(EINVAL);                                                  \
    bit_set(set->bits, id);                                                   \
    return 0;                                                                 \
}                                                                             \
int P##delset(T set, ID id)                                                   \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    if (id < 0 || id >= N)                                                    \
        return pxf_errno_fail(EINVAL);                                                  \
    bit_clear(set->bits, id);                                                 \
    return 0;                                                                 \
}                                                                             \
int P##ismember(T set, ID id)                                                 \
{                                                                             \
    if (set == NULL)                                                          \
        return pxf_errno_fail(EFAULT);                                                  \
    if (id < 0 || id >= N)                                                    \
        return pxf_errno_fail(EINVAL);                                                  \
    return bit_test(set->bits, id);                                           \
}                                                                             \
int P##countset(T set)                                                        \
{                                                                             \
    return set == NULL ? pxf_errno_fail(EFAULT) : bits_count(set->bits, N);             \
}                                                                             \
int P##isemptyset(T set)                                                      \
{                                                                             \
    return set == NULL ? pxf_errno_fail(EFAULT) : bits_count(set->bits, N) == 0;        \
}                                                                             \
int P##copyset(T src, T dst)                                                  \
{                                                                             \
    if (src == NULL || dst == NULL)                                           \
        return pxf_errno_fail(EFAULT);                                                  \
    memmove(dst, src, sizeof(S));                                             \
    return 0;                                                                 \
}                                                                             \
SET_BINARY(P, T, S, or, a | b)                                                \
SET_BINARY(P, T, S, and, a & b)                                               \
SET_BINARY(P, T, S, diff, a & ~b)                                             \
SET_BINARY(P, T, S, xor, a ^ b)                                               \
ID P##_foreach(T set, int flags, P##_cursor_t *cursor)                        \
{                                                                             \
    if (set == NULL || cursor == NULL || (flags & ~SET_CURSOR_CONSUME)) {     \
        errno = set == NULL || cursor == NULL ? EFAULT : EINVAL;              \
        return NONE;                                                          \
    }                                                                         \
    for (int i = *cursor < 0 ? 0 : *cursor; i < N; i++)                       \
        if (bit_test(set->bits, i)) {                                         \
            *cursor = i + 1;                                                  \
            if (flags & SET_CURSOR_CONSUME)                                   \
                bit_clear(set->bits, i);                                      \
            return i;                                                         \
        }                                                                     \
    *cursor = N;                                                              \
    return NONE;                                                              \
}

/* dst = src1 OP src2, word by word (dst may be either source). */
#define SET_BINARY(P, T, S, OP, EXPR)                                         \
int P##OP##set(T src1, T src2, T dst)                                         \
{                                                                             \
    if (src1 == NULL || src2 == NULL || dst == NULL)                          \
        return pxf_errno_fail(EFAULT);                                                  \
    for (size_t w = 0; w < sizeof(S) / sizeof(uint64_t); w++) {               \
        uint64_t a = src1->bits[w], b = src2->bits[w];                        \
        dst->bits[w] = EXPR;                                                  \
    }                                                                         \
    return 0;                                                                 \
}

SET_OPS(rad, radset_t, struct pxf_radset, PXF_MAX_RADS, radid_t, RAD_NONE)
SET_OPS(cpu, cpuset_t, struct pxf_cpuset, PXF_MAX_CPUS, cpuid_t, CPU_NONE)
