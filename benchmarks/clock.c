/* Baseline and clock for fork_roundtrip.f90: one C fork()+waitpid() round
 * trip, timed the same way as the PXF one, in the same process. */
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
