/* fork_lock_race handles|topology LIBPXF: the one race of
 * core/common/fork_registry.h, made to happen every time. A fork's prepare
 * step finds the lock never used; then, before the fork is made, another
 * thread uses it for the first time and holds it. The child must not hang:
 * it must find the handle table usable and without the handle made during
 * the fork (as if the fork came first), or the topology loadable again.
 *
 * How: this program registers its own atfork handler before it dlopens
 * LIBPXF, so libpxf's prepare steps run before this one (prepare steps run
 * in reverse order of registration); this one lets the other thread take
 * the lock through the library's internal calls (pxf_handle_acquire,
 * numa_lock: symbols of libpxf, on purpose) and returns once it holds it.
 * Prints key=value lines; exits 0 unless the harness failed. */
#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cases.h"

static int (*struct_create)(const char *, int *);
static int (*int_get)(int, const char *, long long *);
static int (*handle_acquire)(int, const void *, void **, const void **);
static void (*handle_release)(void);
static int (*numa_lock)(void **);
static void (*numa_unlock)(void);
static int (*rad_get_num)(void);

static bool topology;
static sem_t go, holding, release;
static volatile sig_atomic_t armed;
static int made = -1;        /* the handle the other thread made */

static void *other_thread(void *arg)
{
    (void)arg;
    sem_wait(&go);
    if (topology) {
        void *topo;
        printf("lock=%s\n", ename(numa_lock(&topo)));
    } else {
        void *data;
        printf("create=%s\n", ename(struct_create("utimbuf", &made)));
        printf("acquire=%s\n", ename(handle_acquire(made, NULL, &data, NULL)));
    }
    sem_post(&holding);
    sem_wait(&release);
    if (topology)
        numa_unlock();
    else
        handle_release();
    return NULL;
}

/* Runs after libpxf's prepare steps, in the forking thread. */
static void prepare(void)
{
    if (!armed)
        return;
    armed = 0;
    sem_post(&go);
    sem_wait(&holding);
}

static void *symbol(void *lib, const char *name)
{
    void *p = dlsym(lib, name);
    if (p == NULL)
        die(name);
    return p;
}

/* In the child: the calls that would hang on a lock left held. */
static int child(void)
{
    alarm(10);
    if (topology)
        return rad_get_num() == 4 ? 0 : 1;
    int h;
    long long v;
    if (struct_create("tms", &h) != 0)
        return 2;
    return int_get(made, "actime", &v) != 0 ? 0 : 3;   /* made after the fork began */
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    topology = strcmp(argv[1], "topology") == 0;
    if (pthread_atfork(prepare, NULL, NULL) != 0)
        die("pthread_atfork");
    void *lib = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "harness: %s\n", dlerror());
        return 99;
    }
    *(void **)&struct_create = symbol(lib, "pxf_structcreate");
    *(void **)&int_get = symbol(lib, "pxf_intget");
    *(void **)&handle_acquire = symbol(lib, "pxf_handle_acquire");
    *(void **)&handle_release = symbol(lib, "pxf_handle_release");
    *(void **)&numa_lock = symbol(lib, "numa_lock");
    *(void **)&numa_unlock = symbol(lib, "numa_unlock");
    *(void **)&rad_get_num = symbol(lib, "rad_get_num");
    sem_init(&go, 0, 0);
    sem_init(&holding, 0, 0);
    sem_init(&release, 0, 0);
    pthread_t t;
    if (pthread_create(&t, NULL, other_thread, NULL) != 0)
        die("pthread_create");
    armed = 1;
    pid_t pid = fork();
    if (pid == 0)
        _exit(child());
    if (pid < 0)
        die("fork");
    sem_post(&release);
    pthread_join(t, NULL);
    int status;
    if (waitpid(pid, &status, 0) != pid)
        die("waitpid");
    if (WIFEXITED(status))
        printf("child=exit %d\n", WEXITSTATUS(status));
    else
        printf("child=signal %s\n", sigabbrev_np(WTERMSIG(status)));
    /* The parent's own state is untouched. */
    long long v = -1;
    if (!topology)
        printf("parent.get=%s\n", ename(int_get(made, "actime", &v)));
    else
        printf("parent.num=%d\n", rad_get_num());
    return 0;
}
