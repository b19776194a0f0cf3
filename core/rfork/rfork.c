/* rfork.c - pxf_rfork() and pxf_rfork_plan9(): run a decoded plan, making
 * a child or (without RFPROC) changing the calling process. */
#include <errno.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/close_range.h>

#include <pxf/rfork.h>
#include "rfork_plan.h"

/* Without RFPROC the flags change the caller. */
static int change_in_place(const struct rfork_plan *p)
{
    /* FreeBSD divorces a shared address space unless RFMEM is given;
     * Linux's unshare(CLONE_VM) cannot once the mm is shared. */
    if (!p->mem && atomic_load(&pxf_shared_vm_peers) > 0)
        return ENOTSUP;
    if (p->fds == FD_COPY && unshare(CLONE_FILES) != 0)
        return errno;
    if (p->fds == FD_CLEAN &&
        syscall(SYS_close_range, 0U, ~0U, CLOSE_RANGE_UNSHARE) != 0)
        return errno;
    return pxf_plan9_setup(p);
}

static int run_plan(const struct rfork_plan *p, int *pid)
{
    int err;
    if (!p->proc) {
        err = change_in_place(p);
        if (err == 0)
            *pid = 0;
        return err;
    }
    /* A child on the caller's own stack cannot share its memory: both would
     * return into the same frames. rfork_thread gives it a stack. */
    if (p->mem)
        return ENOTSUP;
    return pxf_copy_child(p, pid);
}

int pxf_rfork(int flags, int *pid)
{
    struct rfork_plan p;
    int err = pxf_rfork_decode(flags, &p);
    return err ? err : run_plan(&p, pid);
}

int pxf_rfork_plan9(int flags, int *pid)
{
    struct rfork_plan p;
    int err = pxf_rfork_decode_plan9(flags, &p);
    return err ? err : run_plan(&p, pid);
}
