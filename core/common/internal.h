/* internal.h - helpers shared by the core's source files (not installed). */
#ifndef PXF_INTERNAL_H
#define PXF_INTERNAL_H

#include <errno.h>

/* The one "-1 means errno" conversion: a libc return value to 0 / errno. */
static inline int pxf_errno_of(long result)
{
    return result == -1 ? errno : 0;
}

/* And back, for the historical C APIs (rfork(), nfork(), nsg_init() ...)
 * over the pxf_ core: errno = err, and -1 to return. */
static inline int pxf_errno_fail(int err)
{
    errno = err;
    return -1;
}

/* Fork plumbing shared by every path that makes a process (process.c,
 * rfork*.c): the hooks of pxf_set_fork_hooks, run in the calling thread. */
void pxf_hooks_before(void);
void pxf_hooks_parent(void);
void pxf_hooks_child(void);

/* A RAD_NO_INHERIT nfork child's children start unplaced (numa/nfork.c);
 * run in every child, by pxf_hooks_child and the fork registry. */
void pxf_numa_after_fork_child(void);

/* The handle table's lock, taken (once the table is in use:
 * fork_registry.h) around process creation that does not go through
 * fork(3), whose atfork handlers do the same. */
void pxf_handles_fork_lock(void);
void pxf_handles_fork_unlock(void);

/* A NULL-terminated vector pointing into `strings` (count strings laid end
 * to end, each NUL-terminated); free() it. NULL when count < 0 or out of
 * memory. */
char **pxf_unpack_strings(const char *strings, int count);

#endif
