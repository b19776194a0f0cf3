/* rfork_plan.h - what an rfork call asks for, decoded once from FreeBSD's or
 * Plan 9's flag bits, and the pieces that carry it out (not installed).
 *
 *   decode.c        FreeBSD's and Plan 9's flags into a plan
 *   rfork.c         pxf_rfork()/pxf_rfork_plan9(), the no-RFPROC forms
 *   shells.c        the historical C API: rfork(), rfork_plan9(), rfork_thread()
 *   rfork_child.c   children with a copied address space (fork or clone3)
 *   rfork_thread.c  RFMEM children on their own stack (rfork_thread)
 *   rfork_plan9.c   Plan 9's namespace and environment flags
 *   spawn.c         RFSPAWN: vfork-style start of a program
 *   rfork_consts.c  the RF* constants and RFTSIGFLAGS(n) for PXFCONST
 */
#ifndef PXF_RFORK_PLAN_H
#define PXF_RFORK_PLAN_H

#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

/* The exit status of a child that could not become what was asked (exec
 * failed, or its setup before the caller's code did), as the shell's for
 * a command it cannot run. The caller sees the errno, not this status:
 * the child reports it first (pipe or shared memory). */
#define PXF_CHILD_FAILED_STATUS 127

/* Linux signals run from 1 to 64; clone3 refuses an exit signal above
 * (RFTSIGZMB's, and RFTSIGFLAGS(n) for PXFCONST). */
#define MAX_EXIT_SIGNAL 64

enum fd_table { FD_SHARE, FD_COPY, FD_CLEAN };

struct rfork_plan {
    bool proc;          /* RFPROC: make a child */
    bool mem;           /* RFMEM: share the address space */
    bool nowait;        /* RFNOWAIT: child reparented, no status */
    bool sigshare;      /* RFSIGSHARE: share signal handlers */
    bool spawn;         /* RFSPAWN: vfork-style, caught signals reset */
    bool peer;          /* RFTHREAD: killed when its creator exits */
    enum fd_table fds;
    int exit_signal;    /* sent to the parent at exit (0: none) */
    /* Plan 9 only */
    bool new_pgrp;      /* RFNOTEG */
    bool new_ns;        /* RFNAMEG, RFCNAMEG */
    bool no_mount;      /* RFNOMNT */
    bool clear_env;     /* RFCENVG */
};

/* Number of live RFMEM children made by this library in this address
 * space. The counter is itself in the shared memory, so the children see
 * it too: non-zero means the address space is shared with another
 * process, which Linux cannot undo ("divorce") in place. */
extern atomic_int pxf_shared_vm_peers;

/* Decode FreeBSD rfork flags, with FreeBSD's EINVAL checks, or Plan 9's
 * with Plan 9's (decode.c). */
int pxf_rfork_decode(int flags, struct rfork_plan *plan);
int pxf_rfork_decode_plan9(int flags, struct rfork_plan *plan);

/* Make a child with its own (copied) address space, as the plan says.
 * Returns 0 or an errno; *pid is the child's pid in the parent, 0 in the
 * child. The child has run the plan's setup before this returns in it. */
int pxf_copy_child(const struct rfork_plan *plan, int *pid);

/* The plan's steps in a new child before user code runs (RFTHREAD's
 * death signal relative to `creator`, the clean fd table). A failing step
 * writes its errno to report_fd (when >= 0) and exits the child. */
void pxf_child_setup(const struct rfork_plan *plan, pid_t creator, int report_fd);

/* Steps run in a new child, or in the caller for the no-RFPROC forms;
 * 0 or an errno. */
int pxf_plan9_setup(const struct rfork_plan *plan);

/* The calling thread's thread-id field in glibc's thread descriptor (what
 * gettid-dependent code in glibc reads), or NULL when it cannot be located
 * for certain. A child made with a raw clone gets its own tid written
 * there by the kernel (CLONE_CHILD_SETTID). */
pid_t *pxf_tid_field(void);

/* Set every caught signal back to SIG_DFL (ignored ones stay ignored), as
 * RFSPAWN and CLONE_CLEAR_SIGHAND do. Signals must be blocked. */
void pxf_reset_caught_signals(void);

/* Run func(arg) in a child sharing the caller's memory (RFMEM or
 * RFSPAWN) on the stack ending at stack_top; map_base/map_len, when
 * map_base is not NULL, is the library's mapping of that stack, unmapped
 * once the child no longer runs on it (also on failure). */
int pxf_vm_child(const struct rfork_plan *plan, void *stack_top,
                 void *map_base, size_t map_len,
                 int (*func)(void *), void *arg, int *pid);

#endif
