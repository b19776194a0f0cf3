/* decode.c - FreeBSD's and Plan 9's rfork flags, checked as those systems
 * check them, into a struct rfork_plan. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include <pxf/rfork.h>
#include "rfork_plan.h"

/* Everything FreeBSD's rfork(2) accepts besides RFSPAWN and the signal
 * number of RFTSIGFLAGS. */
#define FREEBSD_FLAGS (RFFDG | RFPROC | RFMEM | RFNOWAIT | RFCFDG | RFTHREAD | \
                       RFSIGSHARE | RFLINUXTHPN | RFTSIGZMB)

/* Plan 9's values: RFFDG, RFPROC, RFMEM, RFNOWAIT and RFCFDG are the same
 * bits as FreeBSD's. */
#define PLAN9_FLAGS (RFNAMEG | RFENVG | RFFDG | RFNOTEG | RFPROC | RFMEM | \
                     RFNOWAIT | RFCNAMEG | RFCENVG | RFCFDG | RFREND | RFNOMNT)



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
int pxf_rfork_decode_plan9(int flags, struct rfork_plan *p)
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
