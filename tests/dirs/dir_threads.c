/* dir_threads.c DIR... - the directory-id table under threads and forks:
 * one thread per DIR opens it, reads it whole and closes it, over and
 * over, and checks it read its own directory (the entry named after its
 * index, no other's); meanwhile the main thread forks until they are done,
 * and each child opens, reads and closes a stream (it would hang on a
 * table lock copied while held). Prints ok=ROUNDS FORKS, or what went
 * wrong (exit 1). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pxf/pxf.h>

#define ROUNDS 3000

static char **dirs;
static int failures, finished;

/* The entries of dirs[i] that are a thread's marker ("t<k>"): 0, or an
 * error number. *own: seen "t<i>"; *foreign: seen another "t<k>". */
static int read_all(int i, int *own, int *foreign)
{
    int id, err = pxf_opendir(dirs[i], &id);
    if (err != 0)
        return err;
    int handle = 0;
    char name[300], mine[16];
    snprintf(mine, sizeof mine, "t%d", i);
    while ((err = pxf_readdir(id, &handle)) == 0) {
        size_t len;
        pxf_strget(handle, "d_name", name, sizeof name - 1, &len);
        name[len] = '\0';
        if (strcmp(name, mine) == 0)
            *own = 1;
        else if (name[0] == 't')
            *foreign = 1;
    }
    pxf_structfree(handle);
    int closed = pxf_closedir(id);
    return err == PXF_EEND ? closed : err;
}

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    for (int r = 0; r < ROUNDS; r++) {
        int own = 0, foreign = 0;
        int err = read_all(i, &own, &foreign);
        if (err != 0 || !own || foreign) {
            printf("thread %d round %d: error %d own %d foreign %d\n", i, r, err, own, foreign);
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
            break;
        }
    }
    __atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc - 1;
    dirs = argv + 1;
    pthread_t threads[64];
    if (n < 1 || n > 64)
        return 2;
    for (int i = 0; i < n; i++)
        pthread_create(&threads[i], NULL, worker, (void *)(long)i);
    int forks = 0;
    for (int f = 0; __atomic_load_n(&finished, __ATOMIC_SEQ_CST) < n; f++) {
        pid_t pid = fork();
        if (pid == 0) {
            int own = 0, foreign = 0;
            _exit(read_all(0, &own, &foreign) == 0 && own ? 0 : 1);
        }
        int status;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("fork %d: child status %d\n", f, status);
            failures++;
        }
        forks++;
    }
    for (int i = 0; i < n; i++)
        pthread_join(threads[i], NULL);
    if (failures != 0)
        return 1;
    printf("ok=%d %d\n", ROUNDS, forks);
    return 0;
}
