/* handle_stress: the handle table from several threads at once, and forks
 * taken while other threads hold and release the table lock. Every handle
 * created must be distinct while alive, every value read back must be the
 * one written, and every fork child must be able to use the table. Prints
 * "ok" and exits 0, or explains and exits 1. A lock left held in a child
 * would hang it: the test's timeout catches that. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pxf/pxf.h>

#define THREADS 4
#define ROUNDS 20000
#define FORKS 200

static volatile int failed;

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < ROUNDS && !failed; i++) {
        int h;
        long long v = id * 1000000 + i, got = -1;
        if (pxf_structcreate("utimbuf", &h) != 0 ||
            pxf_intset(h, "actime", v) != 0 ||
            pxf_intget(h, "actime", &got) != 0 || got != v ||
            pxf_structfree(h) != 0 ||
            pxf_structfree(h) != PXF_EBADHANDLE) {
            fprintf(stderr, "thread %ld round %d: handle misbehaved\n", id, i);
            failed = 1;
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < FORKS && !failed; i++) {
        int pid;
        if (pxf_fork(&pid) != 0) {
            fprintf(stderr, "fork failed\n");
            failed = 1;
            break;
        }
        if (pid == 0) {
            int h;
            int ok = pxf_structcreate("tms", &h) == 0 && pxf_structfree(h) == 0;
            _exit(ok ? 0 : 3);
        }
        int status, r;
        if (pxf_waitpid(pid, 0, &status, &r) != 0 || status != 0) {
            fprintf(stderr, "child %d: status %d\n", pid, status);
            failed = 1;
        }
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    puts(failed ? "failed" : "ok");
    return failed;
}
