/* rfork_child.c - children with a copied address space.
 *
 * Plain fork semantics (own fd table copy or a clean one, SIGCHLD) go
 * through glibc's fork(), which keeps every piece of glibc state right and
 * runs pthread_atfork handlers. A shared fd table (CLONE_FILES), another
 * exit signal or vfork-style waiting need clone3; glibc's fork would have
 * fixed up its state in the child, so this file does the same by hand:
 *   - the thread id glibc caches (CLONE_CHILD_SETTID into its field),
 *   - the robust-mutex list (set_robust_list again: the kernel drops it),
 *   - stdio and the handle table (locked across the clone, so no other
 *     thread can hold them when the copy is taken),
 *   - signals blocked across the clone, so no handler runs half-set-up.
 * What it cannot do is run other libraries' atfork handlers or take
 * malloc's arena locks, so a child made that way is safe only when the
 * caller runs no other thread: with other threads, these forms fail with
 * EDEADLK (docs/rfork.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/fork_registry.h"
#include "common/proc.h"
#include "common/internal.h"
#include "process/fork_hooks.h"
#include "rfork_plan.h"

atomic_int pxf_shared_vm_peers;

/* The clone3 argument block, version 0 (Linux 5.3). Declared here because
 * <linux/sched.h> redefines glibc's CLONE_* macros. */
struct clone3_args {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
             stack_size, tls;
};
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif

/* Search the start of the calling thread's descriptor for its tid. The
 * layout is private to glibc, so the offset is found, not assumed: exactly
 * one 4-byte slot may hold the tid, and it is checked again in every
 * thread that asks. */
#define TCB_SCAN_BYTES 1024
static ptrdiff_t tid_offset = -1;
static pthread_once_t tid_once = PTHREAD_ONCE_INIT;

static void find_tid_offset(void)
{
    pid_t tid = (pid_t)syscall(SYS_gettid);
    const unsigned char *self = (const unsigned char *)pthread_self();
    ptrdiff_t found = -1;
    for (ptrdiff_t off = 0; off + (ptrdiff_t)sizeof(pid_t) <= TCB_SCAN_BYTES;
         off += sizeof(pid_t)) {
        pid_t v;
        memcpy(&v, self + off, sizeof v);
        if (v == tid) {
            if (found >= 0)
                return; /* ambiguous: do not guess */
            found = off;
        }
    }
    tid_offset = found;
}

pid_t *pxf_tid_field(void)
{
    pthread_once(&tid_once, find_tid_offset);
    if (tid_offset < 0)
        return NULL;
    pid_t *field = (pid_t *)((char *)pthread_self() + tid_offset);
    return *field == (pid_t)syscall(SYS_gettid) ? field : NULL;
}

void pxf_reset_caught_signals(void)
{
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction sa;
        if (sigaction(sig, NULL, &sa) != 0)
            continue; /* glibc's internal signals: not ours to touch */
        if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(sig, &sa, NULL);
    }
}

/* The child cannot return an error from rfork; it reports 0 or the errno
 * on report_fd and exits on failure. */
void pxf_child_setup(const struct rfork_plan *p, pid_t creator, int report_fd)
{
    int err = pxf_plan9_setup(p);
    if (err == 0 && p->peer) {
        /* RFTHREAD: a peer dies with its creator. Linux ties this to the
         * creating thread; if that is already gone, die now. */
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
            err = errno;
        else if (getppid() != creator)
            raise(SIGKILL);
    }
    if (report_fd >= 0) {
        /* Always a verdict: with a shared fd table the parent cannot wait
         * for EOF (its write end is this one). */
        (void)!write(report_fd, &err, sizeof err);
        if (err != 0)
            _exit(PXF_CHILD_FAILED_STATUS);
        if (p->fds != FD_SHARE) /* shared: the parent closes it for both */
            close(report_fd);
    }
    if (p->fds == FD_CLEAN)
        syscall(SYS_close_range, 0U, ~0U, 0U);
}

/* clone3 without a new stack: like fork(), both return here, each on its
 * own copy of the stack. */
static pid_t raw_copy_clone(const struct rfork_plan *p)
{
    pid_t *tid = pxf_tid_field();
    if (tid == NULL) {
        errno = ENOTSUP;
        return -1;
    }
    struct robust_list_head *robust = NULL;
    size_t robust_len = 0;
    syscall(SYS_get_robust_list, 0, &robust, &robust_len);

    struct clone3_args a = {0};
    a.flags = CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
    if (p->fds == FD_SHARE)
        a.flags |= CLONE_FILES;
    if (p->spawn)
        a.flags |= CLONE_VFORK;
    a.child_tid = (uintptr_t)tid;
    a.exit_signal = (uint64_t)p->exit_signal;

    FILE *const streams[] = {stdin, stdout, stderr};
    const size_t nstreams = sizeof streams / sizeof streams[0];
    for (size_t i = 0; i < nstreams; i++)
        flockfile(streams[i]);
    pxf_fork_steps_prepare();             /* what fork(3)'s atfork steps do */
    pid_t child = (pid_t)syscall(SYS_clone3, &a, sizeof a);
    int err = errno;
    if (child == 0 && robust != NULL) {
        /* As glibc's _Fork: no robust mutex is held by the new thread. */
        robust->list.next = &robust->list;
        syscall(SYS_set_robust_list, robust, robust_len);
    }
    if (child == 0)
        pxf_fork_steps_child();
    else
        pxf_fork_steps_parent();
    for (size_t i = 0; i < nstreams; i++)
        funlockfile(streams[i]);
    errno = err;
    return child;
}

/* Whether the calling process runs other threads now. Unknown counts as
 * yes. */
static bool other_threads(void)
{
    unsigned long long n;
    return pxf_proc_stat_field(getpid(), PROC_STAT_NUM_THREADS, &n) != 0 || n != 1;
}

/* Which of the pxf_set_fork_hooks hooks a creation runs. */
enum {
    HOOK_BEFORE = 1, HOOK_PARENT = 2, HOOK_CHILD = 4,
    HOOKS_ALL = HOOK_BEFORE | HOOK_PARENT | HOOK_CHILD
};

/* Create the child (glibc fork when that is exact, clone3 otherwise) with
 * signals blocked; report_fd as child_setup. Returns fork's result. */
static pid_t create(const struct rfork_plan *p, int report_fd, int hooks)
{
    bool need_clone = p->fds == FD_SHARE || p->exit_signal != SIGCHLD || p->spawn;
    /* A clone3 child runs no atfork handlers and gets malloc's arenas in
     * whatever state other threads left them: with other threads about, it
     * could hang in its first malloc or fork (OpenBLAS's fork handler
     * waits for pool threads the child does not have). Refused instead. */
    if (need_clone && other_threads()) {
        errno = EDEADLK;
        return -1;
    }
    pid_t creator = getpid();
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    if (hooks & HOOK_BEFORE)
        pxf_hooks_before();
    pid_t child = need_clone ? raw_copy_clone(p) : fork();
    int err = errno;
    if (child == 0) {
        if (hooks & HOOK_CHILD)
            pxf_hooks_child();
        if (p->spawn)
            pxf_reset_caught_signals();
        pxf_child_setup(p, creator, report_fd);
    } else if (hooks & HOOK_PARENT) {
        pxf_hooks_parent();
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return child;
}

/* waitpid that sees children with any exit signal and outlasts EINTR. */
static void reap(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, __WALL) == -1 && errno == EINTR)
        ;
}

static int read_all(int fd, void *buf, size_t len)
{
    ssize_t n;
    do
        n = read(fd, buf, len);
    while (n == -1 && errno == EINTR);
    return n == (ssize_t)len;
}

static bool needs_report(const struct rfork_plan *p)
{
    /* steps that can fail after the child exists */
    return p->new_ns || p->no_mount || p->peer;
}

/* A child the parent can wait for. */
static int attached_child(const struct rfork_plan *p, int *pid, int hooks)
{
    int pipefd[2] = {-1, -1};
    if (needs_report(p) && pipe2(pipefd, O_CLOEXEC) != 0)
        return errno;
    fflush(NULL); /* buffered output would be written twice */
    pid_t child = create(p, pipefd[1], hooks);
    if (child == 0) {
        *pid = 0;
        return 0;
    }
    int err = child == -1 ? errno : 0;
    if (pipefd[0] >= 0) {
        /* With a copied table, closing our write end makes a child that
         * died before reporting read as EOF. With a shared one it is the
         * child's too, so the verdict is awaited first (only a child
         * killed in the microseconds before it reports could hold us). */
        if (p->fds != FD_SHARE)
            close(pipefd[1]);
        int setup_err = 0;
        if (err == 0 && read_all(pipefd[0], &setup_err, sizeof setup_err) &&
            setup_err != 0) {
            reap(child); /* it exited after writing */
            err = setup_err;
        }
        if (p->fds == FD_SHARE)
            close(pipefd[1]);
        close(pipefd[0]);
    }
    if (err == 0)
        *pid = child;
    return err;
}

/* RFNOWAIT: an intermediate child makes the real one and exits at once, so
 * the real one is reparented (to init or the nearest subreaper) and the
 * caller has nothing to wait for, as plan9port's rfork does. The pid and
 * any errno come back through a pipe. */
struct nowait_report {
    int err;
    int pid;
};

static int detached_child(const struct rfork_plan *p, int *pid)
{
    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC | O_NONBLOCK) != 0)
        return errno;
    /* The intermediate shares the caller's fd table exactly when the
     * grandchild must, so the grandchild inherits the right one. */
    struct rfork_plan mid = {.proc = true, .exit_signal = SIGCHLD,
                             .fds = p->fds == FD_SHARE ? FD_SHARE : FD_COPY};
    struct rfork_plan inner = *p;
    inner.nowait = false;
    fflush(NULL);
    pxf_hooks_before();
    pid_t middle = create(&mid, -1, 0);
    if (middle == 0) {
        int grandchild = 0;
        struct nowait_report r = {attached_child(&inner, &grandchild, HOOK_CHILD), 0};
        if (r.err == 0 && grandchild == 0) {
            if (p->fds != FD_SHARE) { /* its own copies of the pipe */
                close(pipefd[0]);
                close(pipefd[1]);
            }
            *pid = 0;
            return 0;
        }
        r.pid = grandchild;
        (void)!write(pipefd[1], &r, sizeof r);
        _exit(0);
    }
    int err = middle == -1 ? errno : 0;
    struct nowait_report r = {EAGAIN, 0}; /* if the intermediate died */
    if (err == 0) {
        reap(middle); /* it has written the report by the time it exits */
        if (read_all(pipefd[0], &r, sizeof r))
            err = r.err;
        else
            err = EAGAIN;
    }
    pxf_hooks_parent();
    close(pipefd[0]);
    close(pipefd[1]);
    if (err == 0)
        *pid = r.pid;
    return err;
}

int pxf_copy_child(const struct rfork_plan *p, int *pid)
{
    /* Linux shares signal handlers only between tasks sharing memory. */
    if (p->sigshare)
        return ENOTSUP;
    if (p->nowait) {
        /* a peer would die with the intermediate at once */
        if (p->peer)
            return ENOTSUP;
        return detached_child(p, pid);
    }
    return attached_child(p, pid, HOOKS_ALL);
}
