/* nfork round trips against fork() in one process, interleaved, and the
 * cost of a placement decision (pxf_numa_choose) alone. Prints one line
 * per sample, "<kind> <ns>", at the end (nothing is buffered for output
 * while forking: the library's flush would time a write). Driven by
 * bench_nfork.py.
 *
 * usage: nfork_roundtrip ITERATIONS */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <pxf/numa.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long fork_once(void)
{
    long long t0 = now_ns();
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
    return now_ns() - t0;
}

static long long nfork_once(numa_attr_t *attr)
{
    long long t0 = now_ns();
    pid_t pid = nfork(attr);
    if (pid == 0)
        _exit(0);
    if (pid < 0) {
        perror("nfork");
        exit(1);
    }
    waitpid(pid, NULL, 0);
    return now_ns() - t0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2000;
    radset_t all, home;
    radsetcreate(&all);
    radsetcreate(&home);
    radfillset(all);
    rad_cursor_t c = SET_CURSOR_INIT;
    radaddset(home, rad_foreach(all, 0, &c));
    /* every RAD, the default balance: a real decision each time */
    numa_attr_t choose = { R_RAD, { .rd_radset = all }, 0, 0 };
    /* one RAD, bound: the placement without a choice */
    numa_attr_t bind = { R_RAD, { .rd_radset = home }, 0, RAD_INSIST };
    static const char *kinds[] = {"fork", "nfork_null", "nfork_choose",
                                  "nfork_insist", "decision"};
    long long (*t)[5] = calloc((size_t)n, sizeof *t);
    if (t == NULL)
        return 1;
    for (int i = 0; i < n; i++) {
        t[i][0] = fork_once();
        t[i][1] = nfork_once(NULL);
        t[i][2] = nfork_once(&choose);
        t[i][3] = nfork_once(&bind);
        radid_t h;
        long long t0 = now_ns();
        if (pxf_numa_choose(&choose, &h, NULL, NULL) != 0) {
            fprintf(stderr, "pxf_numa_choose failed\n");
            return 1;
        }
        t[i][4] = now_ns() - t0;
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 5; k++)
            printf("%s %lld\n", kinds[k], t[i][k]);
    free(t);
    return 0;
}
