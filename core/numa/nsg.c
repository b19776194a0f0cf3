/* nsg.c - NUMA scheduling groups across processes.
 *
 * A group is a System V shared memory segment holding its home RAD and its
 * members, so unrelated processes find it by key, its permissions are
 * System V's (the low nine bits of nsg_init's flags; 0600 if none are
 * given), and the nsgid is the shmid. The first member's home becomes the
 * group's; every later member is placed there. Members that exit are
 * pruned when the group is next used (pid and start time, so a reused pid
 * is not mistaken for a member). A tiny lock word in the segment (the
 * owner's pid; stolen from an owner that died) guards it. */
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include "kernel.h"
#include "numa_internal.h"

#define NSG_MAGIC 0x47534e465850ULL      /* "PXFNSG" */
#define NSG_MAX_MEMBERS 1024
#define NSG_INIT_FLAGS (NSG_CREATE | NSG_EXCL | NSG_GETBYPID | NSG_CLEANUP | 0777)
#define NSG_ATTACH_FLAGS (RAD_INSIST | RAD_WAIT | RAD_MIGRATE | RAD_NO_MIGRATE)

struct nsg_member {
    pid_t pid;
    unsigned long long start;            /* /proc/PID/stat field 22 */
};

struct nsg_shared {
    _Atomic int lock;                    /* owner pid; 0: free */
    unsigned long long magic;            /* set by the first user */
    int home_plus1;                      /* 0: no home yet */
    int cleanup;                         /* NSG_CLEANUP: removed when empty */
    int nmembers;
    struct nsg_member members[NSG_MAX_MEMBERS];
};

/* When pid started (field 22), telling it from a later process that
 * reuses its number; 0 if it is gone. */
static unsigned long long start_time(pid_t pid)
{
    unsigned long long t = 0;
    numa_proc_stat_field(pid, 22, &t);
    return t;
}

static void group_lock(struct nsg_shared *g)
{
    int me = (int)getpid();
    for (;;) {
        int owner = 0;
        if (atomic_compare_exchange_strong(&g->lock, &owner, me))
            return;
        if (owner != me && kill(owner, 0) == -1 && errno == ESRCH
            && atomic_compare_exchange_strong(&g->lock, &owner, me))
            return;                      /* its owner died holding it */
        sched_yield();
    }
}

static void group_unlock(struct nsg_shared *g)
{
    atomic_store(&g->lock, 0);
}

static void prune(struct nsg_shared *g)
{
    int kept = 0;
    for (int i = 0; i < g->nmembers; i++) {
        struct nsg_member m = g->members[i];
        bool alive = (kill(m.pid, 0) == 0 || errno == EPERM) && start_time(m.pid) == m.start;
        if (alive)
            g->members[kept++] = m;
    }
    g->nmembers = kept;
}

/* Attach group nsg locked (EINVAL: no such group or not one of ours). */
static int open_group(nsgid_t nsg, struct nsg_shared **out)
{
    struct shmid_ds ds;
    if (shmctl(nsg, IPC_STAT, &ds) != 0)
        return errno == EACCES ? EACCES : EINVAL;
    if (ds.shm_segsz != sizeof(struct nsg_shared))
        return EINVAL;
    struct nsg_shared *g = shmat(nsg, NULL, 0);
    if (g == (void *)-1)
        return errno == EACCES ? EACCES : EINVAL;
    group_lock(g);
    if (g->magic == 0)
        g->magic = NSG_MAGIC;
    if (g->magic != NSG_MAGIC) {
        group_unlock(g);
        shmdt(g);
        return EINVAL;
    }
    prune(g);
    *out = g;
    return 0;
}

static void close_group(nsgid_t nsg, struct nsg_shared *g)
{
    bool remove = g->cleanup && g->nmembers == 0 && g->home_plus1 != 0;
    group_unlock(g);
    shmdt(g);
    if (remove)
        shmctl(nsg, IPC_RMID, NULL);
}

static int find_member(const struct nsg_shared *g, pid_t pid)
{
    for (int i = 0; i < g->nmembers; i++)
        if (g->members[i].pid == pid)
            return i;
    return -1;
}

int numa_nsg_home(nsgid_t nsg, radid_t *home)
{
    struct nsg_shared *g;
    int err = open_group(nsg, &g);
    if (err)
        return err;
    *home = g->home_plus1 - 1;
    close_group(nsg, g);
    return 0;
}

int numa_nsg_join(const struct numa_topology *topo, nsgid_t nsg, pid_t pid,
                  radid_t proposed, radid_t *home)
{
    struct nsg_shared *g;
    int err = open_group(nsg, &g);
    if (err)
        return err;
    /* The home is the first member's choice, maybe made under another
     * topology (an override file with more RADs): a RAD we do not have
     * cannot place us, and we do not join. */
    radid_t h = g->home_plus1 ? g->home_plus1 - 1 : proposed;
    if (topo && !numa_rad_usable(topo, h)) {
        close_group(nsg, g);
        return EINVAL;
    }
    g->home_plus1 = h + 1;
    *home = h;
    if (pid > 0 && find_member(g, pid) < 0) {
        if (g->nmembers == NSG_MAX_MEMBERS)
            err = ENOSPC;
        else
            g->members[g->nmembers++] = (struct nsg_member){ pid, start_time(pid) };
    }
    close_group(nsg, g);
    return err;
}

/* The group pid is a member of (SHM_STAT walks every segment we can
 * read); ENOENT if none. */
static int group_of(pid_t pid, nsgid_t *out)
{
    struct shm_info info;
    int max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
    for (int i = 0; i <= max; i++) {
        struct shmid_ds ds;
        int id = shmctl(i, SHM_STAT, &ds);
        if (id < 0 || ds.shm_segsz != sizeof(struct nsg_shared))
            continue;
        struct nsg_shared *g;
        if (open_group(id, &g) != 0)
            continue;
        bool member = find_member(g, pid) >= 0;
        close_group(id, g);
        if (member) {
            *out = id;
            return 0;
        }
    }
    return ENOENT;
}

static nsgid_t fail(int err)
{
    errno = err;
    return -1;
}

nsgid_t nsg_init(key_t key, unsigned long flags)
{
    if ((flags & ~(unsigned long)NSG_INIT_FLAGS)
        || ((flags & NSG_GETBYPID) && (flags & (NSG_CREATE | NSG_EXCL))))
        return fail(EINVAL);
    if (flags & NSG_GETBYPID) {
        nsgid_t id;
        int err = group_of(key == 0 ? getpid() : (pid_t)key, &id);
        return err ? fail(err) : id;
    }
    int mode = (int)(flags & 0777) ? (int)(flags & 0777) : 0600;
    int id = shmget(key, sizeof(struct nsg_shared),
                    mode | ((flags & NSG_CREATE) ? IPC_CREAT : 0)
                         | ((flags & NSG_EXCL) ? IPC_EXCL : 0));
    if (id < 0)
        return fail(errno);
    struct nsg_shared *g;
    int err = open_group(id, &g);
    if (err)
        return fail(err);
    if (flags & NSG_CLEANUP)
        g->cleanup = 1;
    close_group(id, g);
    return id;
}

int nsg_attach_pid(nsgid_t nsg, pid_t pid, unsigned long flags)
{
    if (flags & ~(unsigned long)NSG_ATTACH_FLAGS)
        return (int)fail(EINVAL);
    bool self = pid == 0 || pid == getpid();
    pid_t target = self ? getpid() : pid;
    if (kill(target, 0) != 0)
        return (int)fail(errno);         /* ESRCH, EPERM */
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return (int)fail(err);
    numa_attr_t a = { .nattr_type = R_PID, .nattr_descr.rd_pid = target };
    struct pxf_radset at;
    radid_t home = RAD_NONE;
    err = numa_resource_rads(topo, &a, &at);
    for (int id = 0; !err && id < PXF_MAX_RADS; id++)
        if (bit_test(at.bits, id)) {
            err = numa_nsg_join(topo, nsg, target, id, &home);
            break;
        }
    if (!err && home == RAD_NONE)
        err = EINVAL;                    /* the process is on no RAD */
    struct pxf_cpuset cpus;
    int node = 0;
    if (!err) {
        int pos = numa_rad_pos(topo, home);
        cpus = topo->rads[pos].cpus;
        node = topo->rads[pos].node;
    }
    numa_unlock();
    if (!err && sched_setaffinity(target, sizeof cpus, (cpu_set_t *)&cpus) != 0)
        err = errno;
    if (!err && self) {
        unsigned long nodes[PXF_MAX_RADS / 64];
        node_mask(node, nodes);
        if (sys_set_mempolicy(home_policy_mode(flags), nodes, NODEMASK_BITS) != 0)
            err = errno;
        else
            numa_record_home(home);
    }
    if (!err && (flags & RAD_MIGRATE)) {
        if (migrate_all_to(target, node) < 0)
            err = errno;
    }
    return err ? (int)fail(err) : 0;
}

int nsg_detach_pid(pid_t pid)
{
    pid_t target = pid == 0 ? getpid() : pid;
    nsgid_t id;
    int err = group_of(target, &id);
    if (err)
        return (int)fail(err == ENOENT ? EINVAL : err);
    struct nsg_shared *g;
    err = open_group(id, &g);
    if (err)
        return (int)fail(err);
    int i = find_member(g, target);
    if (i >= 0)
        g->members[i] = g->members[--g->nmembers];
    close_group(id, g);
    if (target == getpid())
        numa_record_home(RAD_NONE);
    return 0;
}

int nsg_destroy(nsgid_t nsg)
{
    struct shmid_ds ds;
    if (shmctl(nsg, IPC_STAT, &ds) != 0 || ds.shm_segsz != sizeof(struct nsg_shared))
        return (int)fail(EINVAL);
    return shmctl(nsg, IPC_RMID, NULL) == 0 ? 0 : (int)fail(errno);
}
