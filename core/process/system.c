/* system.c - PXFSYSTEM (a Cray extension to 1003.9): a command run by the
 * shell, and pxf's PXFSYSTEMSTATUS, which also returns its wait status.
 *
 * Not glibc's system(3): when the shell cannot be started (no process left
 * under RLIMIT_NPROC, no /bin/sh), that returns the status of a shell that
 * exited 127 and the reason is lost, where Cray documented EAGAIN. So the
 * shell is started here with posix_spawn, whose error is kept, and the rest
 * is system(3)'s contract: SIGINT and SIGQUIT ignored and SIGCHLD blocked
 * in the caller while it waits, the child with the caller's mask and those
 * two signals at their defaults.
 *
 * C stdio is flushed first (the Fortran layer flushes its units), so that
 * what the program wrote before appears before the command's output, and
 * once. IERROR reports whether the shell ran, as Cray's did; how the
 * command ended is in the status (PXFWIFEXITED, IPXFWEXITSTATUS ...). */
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>

#include <pxf/process.h>
#include "common/fork_registry.h"
#include "common/internal.h"

extern char **environ;

/* The shell 1003.9 and POSIX name for system(3). */
#define SHELL_PATH "/bin/sh"

/* Several threads may run commands at once: the first to start ignores
 * SIGINT/SIGQUIT, the last to finish restores them (glibc's scheme). The
 * lock is in the fork registry, so a fork from another thread never
 * leaves a child with it held. */
static void reset_running(void);
static struct pxf_fork_lock lock = PXF_FORK_LOCK_INIT(reset_running);
static int running;
static struct sigaction saved_int, saved_quit;

/* In a child of the race of fork_registry.h: no command of its own yet. */
static void reset_running(void)
{
    running = 0;
}

__attribute__((constructor)) static void register_fork_lock(void)
{
    pxf_fork_register_lock(&lock);
}

static void ignore_interrupts(void)
{
    pxf_fork_lock_lock(&lock);
    if (running++ == 0) {
        struct sigaction ign = {.sa_handler = SIG_IGN};
        sigemptyset(&ign.sa_mask);
        sigaction(SIGINT, &ign, &saved_int);
        sigaction(SIGQUIT, &ign, &saved_quit);
    }
    pxf_fork_lock_unlock(&lock);
}

static void restore_interrupts(void)
{
    pxf_fork_lock_lock(&lock);
    if (--running == 0) {
        sigaction(SIGINT, &saved_int, NULL);
        sigaction(SIGQUIT, &saved_quit, NULL);
    }
    pxf_fork_lock_unlock(&lock);
}

static int run_shell(const char *command, int *status)
{
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    pthread_sigmask(SIG_BLOCK, &chld, &old);
    ignore_interrupts();

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &old);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    char *argv[] = {"sh", "-c", (char *)command, NULL};
    pid_t pid;
    int err = posix_spawn(&pid, SHELL_PATH, NULL, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    if (err == 0) {
        while (waitpid(pid, status, 0) == -1) {
            if (errno != EINTR) {   /* ECHILD: SIGCHLD ignored, so no status */
                err = errno;
                break;
            }
        }
    }

    restore_interrupts();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return err;
}

int pxf_systemstatus(const char *command, int *status)
{
    fflush(NULL);
    *status = 0;
    /* A blank command asks whether there is a shell, as system(NULL) does:
     * one that runs and exits 0. */
    if (command[0] == '\0') {
        int err = run_shell("exit 0", status);
        return err != 0 ? err : *status == 0 ? 0 : ENOENT;
    }
    return run_shell(command, status);
}

int pxf_system(const char *command)
{
    int status;
    return pxf_systemstatus(command, &status);
}
