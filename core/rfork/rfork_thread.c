/* rfork_thread.c - children that share the caller's memory (RFMEM) and
 * run a function on a stack of their own, as FreeBSD's rfork_thread(3).
 *
 * A task sharing memory with the caller needs its own glibc thread
 * descriptor (TLS, errno, the cached tid pthread_self() and mutexes rely
 * on), which only pthread_create can make. So a short-lived helper thread
 * is created, and the helper makes the child with clone(CLONE_VM): the
 * child runs on the helper's descriptor, with its own tid written into it,
 * while the helper sleeps until the child is gone, then restores its own
 * tid, unmaps the stack if the library mapped it, and exits. The child is
 * a process of its own (no CLONE_THREAD): its pid, its exit status for
 * waitpid, its exit signal.
 *
 * RFSPAWN is different: the caller is suspended until the child execs or
 * exits (CLONE_VFORK), as in glibc's posix_spawn, so the child may use the
 * caller's descriptor and no helper is needed.
 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdint.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pxf/rfork.h>
#include "common/internal.h"
#include "rfork_plan.h"

/* The smallest stack a child gets: glibc's PTHREAD_STACK_MIN on x86-64. */
#define PXF_MIN_STACK ((size_t)16384)
/* Without a stack limit (RLIMIT_STACK unlimited or too small): 8 MiB,
 * the usual default limit and glibc's default thread stack. */
#define PXF_DEFAULT_STACK ((size_t)8 << 20)
/* The stack pointer's alignment at a call (x86-64, AArch64 and ppc64 ABIs). */
#define STACK_ALIGN 16

struct vm_job {
    struct rfork_plan plan;
    void *stack_top;
    void *map_base;     /* non-NULL: the library's mapping, unmapped after */
    size_t map_len;
    int (*func)(void *);
    void *arg;
    sigset_t caller_mask;
    pid_t creator;
    struct robust_list_head *robust; /* the helper's, for the child */
    size_t robust_len;
    /* set by the helper for the caller */
    sem_t reported;
    int err;
    pid_t pid;
};

static int clone_flags(const struct rfork_plan *p)
{
    int flags = CLONE_VM | (p->exit_signal & CSIGNAL);
    if (p->fds == FD_SHARE)
        flags |= CLONE_FILES;
    if (p->sigshare)
        flags |= CLONE_SIGHAND;
    return flags;
}

static int vm_child_main(void *arg)
{
    const struct vm_job *job = arg;
    /* The kernel gives a new task no robust list; the child uses the
     * helper's descriptor, so it registers the helper's (empty) list. */
    if (job->robust != NULL)
        syscall(SYS_set_robust_list, job->robust, job->robust_len);
    pxf_child_setup(&job->plan, job->creator, -1);
    pthread_sigmask(SIG_SETMASK, &job->caller_mask, NULL);
    return job->func(job->arg);
}

static void *vm_helper(void *arg)
{
    struct vm_job *caller = arg;
    struct vm_job job = *caller; /* the caller's copy goes when it returns */
    pid_t *tid = pxf_tid_field();
    pid_t own_tid = tid ? *tid : 0;
    pid_t pid = -1;
    int err = ENOTSUP;
    if (tid != NULL) {
        syscall(SYS_get_robust_list, 0, &job.robust, &job.robust_len);
        atomic_fetch_add(&pxf_shared_vm_peers, 1);
        pid = clone(vm_child_main, job.stack_top,
                    clone_flags(&job.plan) | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID,
                    &job, NULL, NULL, tid);
        err = pid == -1 ? errno : 0;
    }
    caller->err = err;
    caller->pid = pid;
    sem_post(&caller->reported); /* from here on the caller may be gone */
    if (err == 0) {
        /* Sleep until the child has exited, without reaping it: its status
         * is the caller's. Only then may this thread touch its descriptor
         * (errno included) again. */
        siginfo_t info;
        while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT | __WALL) == -1 &&
               errno == EINTR)
            ;
        *tid = own_tid;
        if (job.robust != NULL) /* forget mutexes the child died holding */
            job.robust->list.next = &job.robust->list;
    }
    if (tid != NULL)
        atomic_fetch_sub(&pxf_shared_vm_peers, 1);
    if (job.map_base != NULL)
        munmap(job.map_base, job.map_len);
    return NULL;
}

/* *helper_owns_stack: the helper started and will unmap the stack. */
static int helper_child(struct vm_job *job, int *pid, bool *helper_owns_stack)
{
    if (sem_init(&job->reported, 0, 0) != 0)
        return errno;
    sigset_t all;
    sigfillset(&all);
    /* the helper, and so the child, start with every signal blocked */
    pthread_sigmask(SIG_SETMASK, &all, &job->caller_mask);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t helper;
    int err = pthread_create(&helper, &attr, vm_helper, job);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &job->caller_mask, NULL);
    if (err != 0) {
        sem_destroy(&job->reported);
        return err;
    }
    *helper_owns_stack = true;
    while (sem_wait(&job->reported) != 0 && errno == EINTR)
        ;
    sem_destroy(&job->reported);
    if (job->err == 0)
        *pid = job->pid;
    return job->err;
}

struct vfork_job {
    int (*func)(void *);
    void *arg;
    sigset_t caller_mask;
};

static int vfork_child_main(void *arg)
{
    const struct vfork_job *job = arg;
    pxf_reset_caught_signals();
    pthread_sigmask(SIG_SETMASK, &job->caller_mask, NULL);
    return job->func(job->arg);
}

/* RFSPAWN: returns once the child has called exec or exited. */
static int vfork_child(void *stack_top, int (*func)(void *), void *arg, int *pid)
{
    struct vfork_job job = {func, arg, {{0}}};
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &job.caller_mask);
    pid_t child = clone(vfork_child_main, stack_top,
                        CLONE_VM | CLONE_VFORK | SIGCHLD, &job);
    int err = child == -1 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &job.caller_mask, NULL);
    if (err == 0)
        *pid = child;
    return err;
}

int pxf_vm_child(const struct rfork_plan *plan, void *stack_top,
                 void *map_base, size_t map_len,
                 int (*func)(void *), void *arg, int *pid)
{
    int err;
    if (plan->spawn) {
        err = vfork_child(stack_top, func, arg, pid);
    } else if (plan->nowait) {
        err = ENOTSUP; /* no intermediate can hand over a shared-memory child */
    } else {
        struct vm_job job = {.plan = *plan, .stack_top = stack_top,
                             .map_base = map_base, .map_len = map_len,
                             .func = func, .arg = arg, .creator = getpid()};
        bool helper_owns_stack = false;
        err = helper_child(&job, pid, &helper_owns_stack);
        if (helper_owns_stack)
            return err;
    }
    if (map_base != NULL)
        munmap(map_base, map_len);
    return err;
}

static size_t default_stack_bytes(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur >= PXF_MIN_STACK)
        return (size_t)rl.rlim_cur;
    return PXF_DEFAULT_STACK;
}

/* A copied address space: the child runs func on its copy of the caller's
 * stack, which is its own, so no stack is needed. */
static int copy_child_running(const struct rfork_plan *p, int (*func)(void *),
                              void *arg, int *pid)
{
    int child = 0;
    int err = pxf_copy_child(p, &child);
    if (err == 0 && child == 0)
        _exit(func(arg));
    if (err == 0)
        *pid = child;
    return err;
}

int pxf_rfork_thread(int flags, void *stack, int (*func)(void *), void *arg,
                     int *pid)
{
    struct rfork_plan p;
    int err = pxf_rfork_decode(flags, &p);
    if (err)
        return err;
    if (!p.proc || func == NULL)
        return EINVAL;
    if (!p.mem && !p.spawn)
        return copy_child_running(&p, func, arg, pid);
    if (stack == NULL || ((uintptr_t)stack & (STACK_ALIGN - 1)) != 0)
        return EINVAL;
    return pxf_vm_child(&p, stack, NULL, 0, func, arg, pid);
}

int pxf_rforkthread(int flags, size_t stack_bytes, int (*func)(void *),
                    const void *data, size_t len, int *pid)
{
    struct rfork_plan p;
    int err = pxf_rfork_decode(flags, &p);
    if (err)
        return err;
    if (!p.proc || func == NULL || (data == NULL && len > 0))
        return EINVAL;
    if (!p.mem && !p.spawn)
        return copy_child_running(&p, func, (void *)data, pid);
    if (stack_bytes == 0)
        stack_bytes = default_stack_bytes();
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t data_bytes = (len + STACK_ALIGN - 1) & ~(size_t)(STACK_ALIGN - 1);
    if (stack_bytes < PXF_MIN_STACK || stack_bytes > SIZE_MAX / 2 ||
        data_bytes > stack_bytes / 2)
        return EINVAL;
    size_t usable = (stack_bytes + page - 1) & ~(page - 1);
    size_t map_len = usable + page; /* + a guard page below */
    char *base = mmap(NULL, map_len, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED)
        return errno;
    if (mprotect(base, page, PROT_NONE) != 0) {
        err = errno;
        munmap(base, map_len);
        return err;
    }
    char *top = base + map_len - data_bytes;
    if (len > 0)
        memcpy(top, data, len);
    return pxf_vm_child(&p, top, base, map_len, func, top, pid);
}
