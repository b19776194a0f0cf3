/* process.c - fork, ids, wait, kill, exit (1003.9 clauses 3.1-3.3, 4.1). */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pxf/process.h>
#include "common/internal.h"
#include "process/fork_hooks.h"

static _Atomic(pxf_fork_hook) hook_before, hook_parent, hook_child;

void pxf_set_fork_hooks(pxf_fork_hook before, pxf_fork_hook parent,
                        pxf_fork_hook child)
{
    atomic_store(&hook_before, before);
    atomic_store(&hook_parent, parent);
    atomic_store(&hook_child, child);
}

static void run_hook(_Atomic(pxf_fork_hook) *slot)
{
    pxf_fork_hook hook = atomic_load(slot);
    if (hook)
        hook();
}

void pxf_hooks_before(void) { run_hook(&hook_before); }
void pxf_hooks_parent(void) { run_hook(&hook_parent); }
void pxf_hooks_child(void) { run_hook(&hook_child); }

int pxf_fork(int *pid)
{
    /* Anything still buffered would be written by both processes. */
    fflush(NULL);
    pxf_hooks_before();
    pid_t child = fork();
    int err = pxf_errno_of(child);
    if (child == 0)
        pxf_hooks_child();
    else
        pxf_hooks_parent();
    if (err == 0)
        *pid = (int)child;
    return err;
}

int pxf_getpid(int *pid)
{
    *pid = (int)getpid();
    return 0;
}

int pxf_getppid(int *pid)
{
    *pid = (int)getppid();
    return 0;
}

int pxf_wait(int *status, int *retpid)
{
    int st = 0;
    pid_t r = waitpid(-1, &st, __WALL);
    if (r == -1)
        return errno;
    *status = st;
    *retpid = (int)r;
    return 0;
}

int pxf_waitpid(int pid, int options, int *status, int *retpid)
{
    int st = 0;
    pid_t r = waitpid((pid_t)pid, &st, options | __WALL);
    if (r == -1)
        return errno;
    *status = st;
    *retpid = (int)r;
    return 0;
}

int pxf_wifexited(int status)   { return WIFEXITED(status) != 0; }
int pxf_wifsignaled(int status) { return WIFSIGNALED(status) != 0; }
int pxf_wifstopped(int status)  { return WIFSTOPPED(status) != 0; }
int pxf_wexitstatus(int status) { return WEXITSTATUS(status); }
int pxf_wtermsig(int status)    { return WTERMSIG(status); }
int pxf_wstopsig(int status)    { return WSTOPSIG(status); }

int pxf_kill(int pid, int sig)
{
    return pxf_errno_of(kill((pid_t)pid, sig));
}

/* Only the low 8 bits of a status reach the parent (WEXITSTATUS); taking
 * them here keeps any 64-bit Fortran value well defined. */
#define EXIT_STATUS_MASK 0xff

_Noreturn void pxf_exit(long long status)
{
    exit((int)(status & EXIT_STATUS_MASK));
}

_Noreturn void pxf_fastexit(long long status)
{
    _exit((int)(status & EXIT_STATUS_MASK));
}
