/* pxf/rfork.h - FreeBSD's rfork(2) and rfork_thread(3) on Linux, Plan 9's
 * rfork under its own entry point, and a spawn built on RFSPAWN.
 *
 * Flag values are FreeBSD's (sys/sys/unistd.h), so C code written for
 * FreeBSD ports by changing the include. docs/rfork.md has, for every flag,
 * what Linux does with it and where it differs from FreeBSD.
 */
#ifndef PXF_RFORK_H
#define PXF_RFORK_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* FreeBSD rfork(2) flags. */
#define RFFDG       (1 << 2)   /* copy the fd table */
#define RFPROC      (1 << 4)   /* make a new process */
#define RFMEM       (1 << 5)   /* share the address space (rfork_thread only) */
#define RFNOWAIT    (1 << 6)   /* no status for the parent: child is reparented */
#define RFCFDG      (1 << 12)  /* clean (empty) fd table */
#define RFTHREAD    (1 << 13)  /* peer of the parent: killed when it exits */
#define RFSIGSHARE  (1 << 14)  /* share signal handlers (needs RFMEM) */
#define RFLINUXTHPN (1 << 16)  /* SIGUSR1 to the parent at exit, not SIGCHLD */
#define RFTSIGZMB   (1 << 19)  /* signal RFTSIGNUM(flags) at exit; 0 = none */
#define RFSPAWN     (1U << 31) /* vfork semantics, caught signals reset; alone */

#define RFTSIGSHIFT 20
#define RFTSIGMASK  0xFF
#define RFTSIGFLAGS(signum) ((signum) << RFTSIGSHIFT)
#define RFTSIGNUM(flags)    (((flags) >> RFTSIGSHIFT) & RFTSIGMASK)

/* Plan 9 rfork flags, for rfork_plan9() only. RFREND and RFNOMNT share
 * their values with RFTHREAD and RFSIGSHARE; rfork() refuses the others
 * (EINVAL), as FreeBSD does. */
#define RFNAMEG     (1 << 0)   /* new mount namespace (a private copy) */
#define RFENVG      (1 << 1)   /* copy of the environment (always so on Unix) */
#define RFNOTEG     (1 << 3)   /* new process group */
#define RFCNAMEG    (1 << 10)  /* new mount namespace (Linux has no empty one) */
#define RFCENVG     (1 << 11)  /* empty environment */
#define RFREND      (1 << 13)  /* new rendezvous group: nothing to do on Linux */
#define RFNOMNT     (1 << 14)  /* mount(2) and friends fail with EPERM */

/* FreeBSD rfork(2): the child's pid in the parent, 0 in the child, 0 without
 * RFPROC, or -1 with errno and no child. RFMEM with RFPROC needs a stack of
 * its own: rfork() refuses it with ENOTSUP; use rfork_thread(). */
pid_t rfork(int flags);

/* FreeBSD rfork_thread(3): the child runs func(arg) on `stack` (the top of
 * a downward-growing region, 16-byte aligned) and exits with its return
 * value; it never returns from rfork_thread. flags must include RFPROC. */
pid_t rfork_thread(int flags, void *stack, int (*func)(void *), void *arg);

/* Plan 9 rfork: Plan 9's flag values and rules, mapped as docs/rfork.md
 * describes. */
pid_t rfork_plan9(int flags);

/* The same, in the core's convention: 0 or an errno value; *pid is written
 * on success (0 in the child and without RFPROC). */
int pxf_rfork(int flags, int *pid);
int pxf_rfork_plan9(int flags, int *pid);
int pxf_rfork_thread(int flags, void *stack, int (*func)(void *), void *arg,
                     int *pid);

/* rfork_thread with a stack the library maps (stack_bytes; 0 = the
 * RLIMIT_STACK soft limit, 8 MiB when unlimited) and unmaps when the child
 * is gone. The child gets func(copy), where copy is a copy of the `len`
 * bytes at `data` kept on the child's own stack, so the caller's buffer
 * may go away as soon as this returns. */
int pxf_rforkthread(int flags, size_t stack_bytes, int (*func)(void *),
                    const void *data, size_t len, int *pid);

/* Start a program with RFSPAWN semantics: the child shares the parent's
 * memory and the parent waits until it has called exec (vfork), caught
 * signals are default in the child, so the cost does not grow with the
 * parent's size. An exec failure comes back here as its errno (ENOENT,
 * EACCES ...) with the child already reaped. envp NULL = the caller's
 * environment; search != 0 looks `path` up in PATH as execvp does. */
int pxf_spawn(const char *path, char *const argv[], char *const envp[],
              int search, int *pid);

/* The same with argv and envp packed as <pxf/process.h>'s *_packed forms
 * (nenvs < 0: the caller's environment). */
int pxf_spawn_packed(const char *path, const char *args, int nargs,
                     const char *envs, int nenvs, int search, int *pid);

#ifdef __cplusplus
}
#endif

#endif
