/* Baseline and clock for fork_roundtrip.F90: one C fork()+waitpid() round
 * trip, timed the same way as the PXF one, in the same process. */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long long bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

long long bench_c_fork_roundtrip_ns(void)
{
    long long t0 = bench_now_ns();
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    int status;
    waitpid(pid, &status, 0);
    return bench_now_ns() - t0;
}

/* The calling process's memory mappings (lines of /proc/self/maps): fork
 * copies the page tables of each one. -1 if unreadable. */
int bench_vma_count(void)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (f == NULL)
        return -1;
    int n = 0, c;
    while ((c = getc(f)) != EOF)
        n += c == '\n';
    fclose(f);
    return n;
}

/* Baseline for spawn_roundtrip.f90: glibc posix_spawn of /bin/true and
 * waitpid, timed like the PXF calls, in the same process. */
#include <spawn.h>
extern char **environ;

long long bench_c_posix_spawn_roundtrip_ns(void)
{
    char *argv[] = {"true", NULL};
    long long t0 = bench_now_ns();
    pid_t pid;
    if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) != 0)
        return -1;
    int status;
    waitpid(pid, &status, 0);
    return bench_now_ns() - t0;
}
