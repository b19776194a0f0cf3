/* kernel.h - the NUMA system calls, called directly (glibc has no wrappers
 * and libnuma is not needed for four calls). Node masks are PXF_MAX_RADS
 * bits; the kernel reads maxnode - 1 bits, hence the + 1. */
#ifndef PXF_NUMA_KERNEL_H
#define PXF_NUMA_KERNEL_H

#include <linux/mempolicy.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <pxf/numa.h>

#define NODEMASK_BITS (PXF_MAX_RADS + 1UL)

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

#endif
