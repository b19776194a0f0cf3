/* topology.c - the process-wide topology: loaded once (override file or
 * machine), locked around every use, re-loaded when the override changes. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <pxf/numa.h>
#include "common/fork_registry.h"
#include "topology.h"


static void reset_topology(void);
static struct pxf_fork_lock topo_lock = PXF_FORK_LOCK_INIT(reset_topology);
static struct numa_topology current;
static bool loaded;
static char *override_path;   /* NULL: not decided yet; "": the machine */
static struct stat override_stat;  /* of the file when it was read */

/* A fork while another thread holds the lock would leave it locked in the
 * child forever: every fork takes it once a topology was asked for
 * (fork_registry.h: before that, forks leave it alone). In a child of the
 * race there: nothing loaded, no override decided, so the next call loads
 * it again (the parent's memory stays where it is). */
static void reset_topology(void)
{
    memset(&current, 0, sizeof current);
    loaded = false;
    override_path = NULL;
}
__attribute__((constructor)) static void register_fork_lock(void)
{
    pxf_fork_register_lock(&topo_lock);
}

void numa_free(struct numa_topology *topo)
{
    free(topo->rads);
    free(topo->dist);
    free(topo->devices);
    memset(topo, 0, sizeof *topo);
}

static int load(void)
{
    if (override_path == NULL) {
        /* A setuid or setgid program runs with its caller's environment:
         * it must not read a file the caller names (secure_getenv gives
         * NULL there, and the machine's topology is used). */
        const char *env = secure_getenv("PXF_NUMA_TOPOLOGY");
        override_path = strdup(env ? env : "");
        if (override_path == NULL)
            return ENOMEM;
    }
    struct numa_topology fresh = {0};
    if (override_path[0] && stat(override_path, &override_stat) != 0)
        return errno;
    int err = override_path[0] ? numa_load_file(&fresh, override_path)
                               : numa_load_machine(&fresh);
    if (err) {
        numa_free(&fresh);
        return err;
    }
    numa_free(&current);
    current = fresh;
    loaded = true;
    return 0;
}

int numa_lock(struct numa_topology **topo)
{
    pxf_fork_lock_lock(&topo_lock);
    int err = loaded ? 0 : load();
    if (err) {
        pxf_fork_lock_unlock(&topo_lock);
        return err;
    }
    *topo = &current;
    return 0;
}

void numa_unlock(void)
{
    pxf_fork_lock_unlock(&topo_lock);
}

int numa_refresh(struct numa_topology *topo, int what)
{
    if (!topo->from_file)
        return numa_refresh_machine(topo, what);
    /* The file is the source of its loads and free memory: read it again
     * when it changed (tests rewrite it between calls). */
    struct stat now;
    if (stat(override_path, &now) != 0)
        return errno;
    if (now.st_mtim.tv_sec == override_stat.st_mtim.tv_sec
        && now.st_mtim.tv_nsec == override_stat.st_mtim.tv_nsec
        && now.st_size == override_stat.st_size && now.st_ino == override_stat.st_ino)
        return 0;
    return load();
}

int pxf_numatopology(const char *path)
{
    char *copy = strdup(path ? path : "");
    if (copy == NULL)
        return ENOMEM;
    pxf_fork_lock_lock(&topo_lock);
    char *old = override_path;
    override_path = copy;
    int err = load();
    if (err) {            /* keep what was there */
        override_path = old;
        free(copy);
    } else {
        free(old);
    }
    pxf_fork_lock_unlock(&topo_lock);
    return err;
}
