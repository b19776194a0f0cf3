/* spawn.c - start a program with RFSPAWN semantics (the PXFSPAWN core).
 *
 * The child shares the parent's memory on a small stack of its own while
 * the parent waits for its exec (vfork), so nothing is copied and the
 * cost does not depend on the parent's size. Caught signals are set back
 * to default in the child before it can receive any, so no parent handler
 * runs there. An exec failure is written to memory the parent reads, and
 * the failed child is reaped here: the caller sees the errno, never an
 * exit status PXF_CHILD_FAILED_STATUS (127).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pxf/rfork.h>
#include "common/internal.h"
#include "rfork_plan.h"

/* Room for the exec path search (glibc builds each candidate path on the
 * stack) and the signal reset, plus the argument vector for glibc's
 * script fallback. */
#define SPAWN_STACK_BASE (96u << 10)

struct exec_job {
    const char *path;
    char *const *argv;
    char *const *envp;
    int search;
    int err; /* written by the child, read after it has gone */
};

/* Runs in the child on the library's stack. A failed exec ends it by
 * returning: clone's start routine then exits with the status, and no
 * noreturn call is made on a stack the process's tools do not know
 * (AddressSanitizer would try to unpoison it as the caller's stack). */
static int exec_in_child(void *arg)
{
    struct exec_job *job = arg;
    char *const *envp = job->envp ? job->envp : environ;
    if (job->search)
        execvpe(job->path, job->argv, envp);
    else
        execve(job->path, job->argv, envp);
    job->err = errno;
    return PXF_CHILD_FAILED_STATUS;
}

int pxf_spawn(const char *path, char *const argv[], char *const envp[],
              int search, int *pid)
{
    if (path == NULL || argv == NULL)
        return EINVAL;
    size_t argc = 0;
    while (argv[argc] != NULL)
        argc++;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (SPAWN_STACK_BASE + (argc + 2) * sizeof(char *) + page - 1) & ~(page - 1);
    char *stack = mmap(NULL, len, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED)
        return errno;
    /* Output the parent has buffered comes before the child's. */
    fflush(NULL);
    struct exec_job job = {path, argv, envp, search, 0};
    struct rfork_plan plan = {.proc = true, .spawn = true, .fds = FD_COPY,
                              .exit_signal = SIGCHLD};
    int child = 0;
    int err = pxf_vm_child(&plan, stack + len, stack, len, exec_in_child, &job, &child);
    if (err == 0 && job.err != 0) {
        int status;
        while (waitpid(child, &status, 0) == -1 && errno == EINTR)
            ;
        err = job.err;
    }
    if (err == 0)
        *pid = child;
    return err;
}

int pxf_spawn_packed(const char *path, const char *args, int nargs,
                     const char *envs, int nenvs, int search, int *pid)
{
    if (nargs < 0)
        return EINVAL;
    char **argv = pxf_unpack_strings(args, nargs);
    char **envp = nenvs < 0 ? NULL : pxf_unpack_strings(envs, nenvs);
    int err = ENOMEM;
    if (argv != NULL && (nenvs < 0 || envp != NULL))
        err = pxf_spawn(path, argv, envp, search, pid);
    free(argv);
    free(envp);
    return err;
}
