/* rfork.c - decode FreeBSD and Plan 9 rfork flags; rfork(), rfork_plan9()
 * and the forms without RFPROC, which change the calling process. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/close_range.h>

#include <pxf/rfork.h>
#include "common/internal.h"
#include "rfork_plan.h"

/* Everything FreeBSD's rfork(2) accepts besides RFSPAWN and the signal
 * number of RFTSIGFLAGS. */
#define FREEBSD_FLAGS (RFFDG | RFPROC | RFMEM | RFNOWAIT | RFCFDG | RFTHREAD | \
                       RFSIGSHARE | RFLINUXTHPN | RFTSIGZMB)

/* Plan 9's values: RFFDG, RFPROC, RFMEM, RFNOWAIT and RFCFDG are the same
 * bits as FreeBSD's. */
#define PLAN9_FLAGS (RFNAMEG | RFENVG | RFFDG | RFNOTEG | RFPROC | RFMEM | \
                     RFNOWAIT | RFCNAMEG | RFCENVG | RFCFDG | RFREND | RFNOMNT)

/* Linux signals run from 1 to 64; clone3 refuses an exit signal above. */
#define MAX_EXIT_SIGNAL 64

static void plan_init(struct rfork_plan *p)
{
    memset(p, 0, sizeof *p);
    p->exit_signal = SIGCHLD;
}

static void decode_common(unsigned f, struct rfork_plan *p)
{
    p->proc = f & RFPROC;
    p->mem = f & RFMEM;
    p->nowait = f & RFNOWAIT;
    p->fds = (f & RFFDG) ? FD_COPY : (f & RFCFDG) ? FD_CLEAN : FD_SHARE;
}

/* FreeBSD's checks (kern_fork.c sys_rfork and fork1), in its order. */
int pxf_rfork_decode(int flags, struct rfork_plan *p)
{
    unsigned f = (unsigned)flags;
    plan_init(p);
    if (f & RFSPAWN) {
        if (f != RFSPAWN)
            return EINVAL;
        p->proc = p->spawn = true;
        p->fds = FD_COPY;
        return 0;
    }
    unsigned sig = RFTSIGNUM(f);
    f &= ~(unsigned)RFTSIGFLAGS(RFTSIGMASK);
    if (f & ~(unsigned)FREEBSD_FLAGS)
        return EINVAL;
    if (sig != 0 && !(f & RFTSIGZMB))
        return EINVAL;
    if ((f & RFFDG) && (f & RFCFDG))
        return EINVAL;
    if (sig > MAX_EXIT_SIGNAL)
        return EINVAL;
    decode_common(f, p);
    p->sigshare = f & RFSIGSHARE;
    p->peer = f & RFTHREAD;
    if (f & RFTSIGZMB)
        p->exit_signal = (int)sig;
    else if (f & RFLINUXTHPN)
        p->exit_signal = SIGUSR1;
    return 0;
}

/* Plan 9's checks (sysproc.c sysrfork). */
static int decode_plan9(int flags, struct rfork_plan *p)
{
    unsigned f = (unsigned)flags;
    plan_init(p);
    if (f & ~(unsigned)PLAN9_FLAGS)
        return EINVAL;
    if (((f & RFFDG) && (f & RFCFDG)) || ((f & RFNAMEG) && (f & RFCNAMEG)) ||
        ((f & RFENVG) && (f & RFCENVG)))
        return EINVAL;
    if (!(f & RFPROC) && (f & (RFMEM | RFNOWAIT)))
        return EINVAL;
    decode_common(f, p);
    p->new_pgrp = f & RFNOTEG;
    p->new_ns = f & (RFNAMEG | RFCNAMEG);
    p->no_mount = f & RFNOMNT;
    p->clear_env = f & RFCENVG;
    return 0;
}

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
    int err = decode_plan9(flags, &p);
    return err ? err : run_plan(&p, pid);
}

/* The C-library forms: -1 and errno on failure. */
static pid_t as_libc(int err, int pid)
{
    if (err) {
        errno = err;
        return -1;
    }
    return (pid_t)pid;
}

pid_t rfork(int flags)
{
    int pid = 0;
    int err = pxf_rfork(flags, &pid);
    return as_libc(err, pid);
}

pid_t rfork_plan9(int flags)
{
    int pid = 0;
    int err = pxf_rfork_plan9(flags, &pid);
    return as_libc(err, pid);
}

pid_t rfork_thread(int flags, void *stack, int (*func)(void *), void *arg)
{
    int pid = 0;
    int err = pxf_rfork_thread(flags, stack, func, arg, &pid);
    return as_libc(err, pid);
}
