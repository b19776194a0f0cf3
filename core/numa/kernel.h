/* kernel.h - the NUMA system calls, called directly (glibc has no wrappers
 * and libnuma is not needed for four calls). Node masks are PXF_MAX_RADS
 * bits; the kernel reads maxnode - 1 bits, hence the + 1. */
#ifndef PXF_NUMA_KERNEL_H
#define PXF_NUMA_KERNEL_H

#include <limits.h>
#include <linux/mempolicy.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <pxf/numa.h>

#define NODEMASK_BITS (PXF_MAX_RADS + 1UL)
/* The kernel's node masks are arrays of unsigned long. */
#define NODEMASK_WORD_BITS (CHAR_BIT * sizeof(unsigned long))
#define NODEMASK_WORDS (PXF_MAX_RADS / NODEMASK_WORD_BITS)

static inline long sys_get_mempolicy(int *mode, unsigned long *mask,
                                     unsigned long maxnode, void *addr,
                                     unsigned long flags)
{
    return syscall(SYS_get_mempolicy, mode, mask, maxnode, addr, flags);
}

static inline long sys_set_mempolicy(int mode, const unsigned long *mask,
                                     unsigned long maxnode)
{
    return syscall(SYS_set_mempolicy, mode, mask, maxnode);
}

static inline long sys_migrate_pages(pid_t pid, unsigned long maxnode,
                                     const unsigned long *from,
                                     const unsigned long *to)
{
    return syscall(SYS_migrate_pages, pid, maxnode, from, to);
}

static inline long sys_move_pages(pid_t pid, unsigned long count, void **pages,
                                  const int *nodes, int *status, int flags)
{
    return syscall(SYS_move_pages, pid, count, pages, nodes, status, flags);
}

/* The mask of one node. */
static inline void node_mask(int node, unsigned long mask[NODEMASK_WORDS])
{
    for (size_t w = 0; w < NODEMASK_WORDS; w++)
        mask[w] = 0;
    mask[node / NODEMASK_WORD_BITS] = 1UL << (node % NODEMASK_WORD_BITS);
}

/* The memory policy nfork and nsg_attach_pid give: preferred home node,
 * bound with RAD_INSIST. */
static inline int home_policy_mode(unsigned long flags)
{
    return (flags & RAD_INSIST) ? MPOL_BIND : MPOL_PREFERRED;
}

/* Move every page of pid (0: the caller) that can move to node. */
static inline long migrate_all_to(pid_t pid, int node)
{
    unsigned long from[NODEMASK_WORDS], to[NODEMASK_WORDS];
    for (size_t w = 0; w < NODEMASK_WORDS; w++)
        from[w] = ~0UL;
    node_mask(node, to);
    return sys_migrate_pages(pid, NODEMASK_BITS, from, to);
}

#endif
