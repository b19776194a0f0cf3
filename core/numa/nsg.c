/* nsg.c - NUMA scheduling groups across processes.
 *
 * A group is a System V shared memory segment holding its home RAD and its
 * members, so unrelated processes find it by key, its permissions are
 * System V's (the low nine bits of nsg_init's flags; 0600 if none are
 * given), and the nsgid is the shmid. The first member's home becomes the
 * group's; every later member is placed there. Members that exit are
 * pruned when the group is next used (pid and start time, so a reused pid
 * is not mistaken for a member). A tiny lock word in the segment (the
 * owner's pid) guards it.
 *
 * Whoever may write the segment (its owner; everyone with mode 0666) can
 * put anything in it, so nothing read from it is trusted: the state is
 * copied out once under the lock, checked (magic, every count and index in
 * range), worked on in private memory and written back; a bad state is
 * EINVAL. The lock is taken over from a holder that is no live process and
 * waited for at most NSG_LOCK_WAIT_MS otherwise (ETIMEDOUT): a foreign pid
 * written there must not hang every call on the group. */
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

#include "common/clock.h"
#include "common/internal.h"
#include "common/proc.h"
#include "kernel.h"
#include "numa_internal.h"

#define NSG_MAGIC 0x47534e465850ULL      /* "PXFNSG" */
#define NSG_MAX_MEMBERS 1024
/* The low nine bits of nsg_init's flags: the group's System V permissions
 * (NSG_DEFAULT_PERM when none are given). */
#define NSG_PERM_MASK 0777
#define NSG_DEFAULT_PERM 0600
#define NSG_INIT_FLAGS (NSG_CREATE | NSG_EXCL | NSG_GETBYPID | NSG_CLEANUP | NSG_PERM_MASK)
/* A holder keeps the lock for one prune of at most NSG_MAX_MEMBERS
 * /proc reads (milliseconds): a second is far beyond any real holder. */
#define NSG_LOCK_WAIT_MS 1000
/* Waiting for it: sched_yield NSG_LOCK_YIELDS times (holders are quick),
 * then sleep NSG_LOCK_SLEEP_NS between tries. */
#define NSG_LOCK_YIELDS 100
#define NSG_LOCK_SLEEP_NS PXF_NS_PER_MS
/* The segment's layout, that of earlier releases: the members after 32
 * bytes (lock word, magic, home, cleanup, count), 16 bytes each. */
#define NSG_LAYOUT_MEMBERS_AT 32
#define NSG_LAYOUT_MEMBER_BYTES 16

struct nsg_member {
    pid_t pid;
    unsigned long long start;            /* PROC_STAT_STARTTIME */
};

/* What the lock guards (the segment's layout is that of earlier releases:
 * the lock word, then these fields). */
struct nsg_state {
    unsigned long long magic;            /* set by nsg_init */
    int home_plus1;                      /* 0: no home yet */
    int cleanup;                         /* NSG_CLEANUP: removed when empty */
    int nmembers;
    struct nsg_member members[NSG_MAX_MEMBERS];
};

struct nsg_shared {
    _Atomic int lock;                    /* owner pid; 0: free */
    struct nsg_state s;
};
_Static_assert(offsetof(struct nsg_shared, s.members) == NSG_LAYOUT_MEMBERS_AT
               && sizeof(struct nsg_shared)
                  == NSG_LAYOUT_MEMBERS_AT + NSG_MAX_MEMBERS * NSG_LAYOUT_MEMBER_BYTES,
               "groups made by earlier releases keep working");

/* An open group: locked, its state a checked private copy. */
struct group {
    nsgid_t id;
    struct nsg_shared *shm;
    struct nsg_state st;
};

/* When pid started, telling it from a later process that
 * reuses its number; 0 if it is gone. */
static unsigned long long start_time(pid_t pid)
{
    unsigned long long t = 0;
    pxf_proc_stat_field(pid, PROC_STAT_STARTTIME, &t);
    return t;
}

/* Whether the lock word names a live process. A word that is no pid at
 * all (negative: kill() would name a process group) is a dead holder. */
static bool holder_alive(int owner)
{
    return owner > 0 && (kill(owner, 0) == 0 || errno == EPERM);
}

/* Take the lock: at once from a holder that died (or garbage), else wait
 * for a live one (another thread of ours included) NSG_LOCK_WAIT_MS at
 * most: ETIMEDOUT. Yield first (holders are quick), then sleep between
 * tries so a stuck holder does not cost us a CPU. */
static int group_lock(struct nsg_shared *g)
{
    int me = (int)getpid();
    long long t0 = pxf_monotonic_ns();
    for (int round = 0;; round++) {
        int owner = 0;
        if (atomic_compare_exchange_strong(&g->lock, &owner, me))
            return 0;
        if (owner != me && !holder_alive(owner)
            && atomic_compare_exchange_strong(&g->lock, &owner, me))
            return 0;                    /* its owner died holding it */
        if (pxf_monotonic_ns() - t0 >= NSG_LOCK_WAIT_MS * PXF_NS_PER_MS)
            return ETIMEDOUT;
        if (round < NSG_LOCK_YIELDS)
            sched_yield();
        else
            nanosleep(&(struct timespec){ .tv_nsec = NSG_LOCK_SLEEP_NS }, NULL);
    }
}

static void group_unlock(struct nsg_shared *g)
{
    atomic_store(&g->lock, 0);
}

/* A state any process could have written: every count and index that
 * the code below uses must be in range. */
static bool state_valid(const struct nsg_state *s)
{
    if (s->magic != NSG_MAGIC || s->nmembers < 0 || s->nmembers > NSG_MAX_MEMBERS
        || s->home_plus1 < 0 || s->home_plus1 > PXF_MAX_RADS
        || (s->cleanup != 0 && s->cleanup != 1))
        return false;
    for (int i = 0; i < s->nmembers; i++)
        if (s->members[i].pid <= 0)      /* kill(0 or -n) names a group */
            return false;
    return true;
}

static void prune(struct nsg_state *s)
{
    int kept = 0;
    for (int i = 0; i < s->nmembers; i++) {
        struct nsg_member m = s->members[i];
        bool alive = (kill(m.pid, 0) == 0 || errno == EPERM) && start_time(m.pid) == m.start;
        if (alive)
            s->members[kept++] = m;
    }
    s->nmembers = kept;
}

/* Attach group nsg, locked, its state copied out and checked. EINVAL: no
 * such group, or not one of ours, or a state out of range; ETIMEDOUT: a
 * live process holds the lock. `adopt`: a new segment (all zero) becomes
 * a group; only nsg_init makes groups, so an nsgid that names someone
 * else's segment of the same size is never written. */
static int open_group(nsgid_t nsg, bool adopt, struct group *g)
{
    struct shmid_ds ds;
    if (shmctl(nsg, IPC_STAT, &ds) != 0)
        return errno == EACCES ? EACCES : EINVAL;
    if (ds.shm_segsz != sizeof(struct nsg_shared))
        return EINVAL;
    g->shm = shmat(nsg, NULL, 0);
    if (g->shm == (void *)-1)
        return errno == EACCES ? EACCES : EINVAL;
    int err = group_lock(g->shm);
    if (!err) {
        /* one read: what others write from now on cannot reach the checks */
        memcpy(&g->st, (const void *)&g->shm->s, sizeof g->st);
        if (adopt && g->st.magic == 0)
            g->st.magic = NSG_MAGIC;
        if (!state_valid(&g->st)) {
            group_unlock(g->shm);
            err = EINVAL;
        }
    }
    if (err) {
        shmdt(g->shm);
        return err;
    }
    g->id = nsg;
    prune(&g->st);
    return 0;
}

/* Write the state back, unlock, detach; remove an NSG_CLEANUP group whose
 * last member left. */
static void close_group(struct group *g)
{
    bool remove = g->st.cleanup && g->st.nmembers == 0 && g->st.home_plus1 != 0;
    memcpy((void *)&g->shm->s, &g->st, offsetof(struct nsg_state, members)
           + (size_t)g->st.nmembers * sizeof g->st.members[0]);
    group_unlock(g->shm);
    shmdt(g->shm);
    if (remove)
        shmctl(g->id, IPC_RMID, NULL);
}

static int find_member(const struct nsg_state *s, pid_t pid)
{
    for (int i = 0; i < s->nmembers; i++)
        if (s->members[i].pid == pid)
            return i;
    return -1;
}

int numa_nsg_home(nsgid_t nsg, radid_t *home)
{
    struct group g;
    int err = open_group(nsg, false, &g);
    if (err)
        return err;
    *home = g.st.home_plus1 - 1;
    close_group(&g);
    return 0;
}

int numa_nsg_join(const struct numa_topology *topo, nsgid_t nsg, pid_t pid,
                  radid_t proposed, radid_t *home)
{
    struct group g;
    int err = open_group(nsg, false, &g);
    if (err)
        return err;
    /* The home is the first member's choice, maybe made under another
     * topology (an override file with more RADs): a RAD we do not have
     * cannot place us, and we do not join. */
    radid_t h = g.st.home_plus1 ? g.st.home_plus1 - 1 : proposed;
    if (topo && !numa_rad_usable(topo, h)) {
        close_group(&g);
        return EINVAL;
    }
    g.st.home_plus1 = h + 1;
    *home = h;
    if (pid > 0 && find_member(&g.st, pid) < 0) {
        if (g.st.nmembers == NSG_MAX_MEMBERS)
            err = ENOSPC;
        else
            g.st.members[g.st.nmembers++] = (struct nsg_member){ pid, start_time(pid) };
    }
    close_group(&g);
    return err;
}

/* The group pid is a member of (SHM_STAT walks every segment we can
 * read; ones that are no valid group, or stay locked, are passed over);
 * ENOENT if none. */
static int group_of(pid_t pid, nsgid_t *out)
{
    struct shm_info info;
    int max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
    for (int i = 0; i <= max; i++) {
        struct shmid_ds ds;
        int id = shmctl(i, SHM_STAT, &ds);
        if (id < 0 || ds.shm_segsz != sizeof(struct nsg_shared))
            continue;
        struct group g;
        if (open_group(id, false, &g) != 0)
            continue;
        bool member = find_member(&g.st, pid) >= 0;
        close_group(&g);
        if (member) {
            *out = id;
            return 0;
        }
    }
    return ENOENT;
}

nsgid_t nsg_init(key_t key, unsigned long flags)
{
    if ((flags & ~(unsigned long)NSG_INIT_FLAGS)
        || ((flags & NSG_GETBYPID) && (flags & (NSG_CREATE | NSG_EXCL))))
        return pxf_errno_fail(EINVAL);
    if (flags & NSG_GETBYPID) {
        nsgid_t id;
        int err = group_of(key == 0 ? getpid() : (pid_t)key, &id);
        return err ? pxf_errno_fail(err) : id;
    }
    int mode = (int)(flags & NSG_PERM_MASK) ? (int)(flags & NSG_PERM_MASK) : NSG_DEFAULT_PERM;
    int id = shmget(key, sizeof(struct nsg_shared),
                    mode | ((flags & NSG_CREATE) ? IPC_CREAT : 0)
                         | ((flags & NSG_EXCL) ? IPC_EXCL : 0));
    if (id < 0)
        return pxf_errno_fail(errno);
    struct group g;
    int err = open_group(id, true, &g);
    if (err)
        return pxf_errno_fail(err);
    if (flags & NSG_CLEANUP)
        g.st.cleanup = 1;
    close_group(&g);
    return id;
}

int nsg_detach_pid(pid_t pid)
{
    pid_t target = pid == 0 ? getpid() : pid;
    nsgid_t id;
    int err = group_of(target, &id);
    if (err)
        return pxf_errno_fail(err == ENOENT ? EINVAL : err);
    struct group g;
    err = open_group(id, false, &g);
    if (err)
        return pxf_errno_fail(err);
    int i = find_member(&g.st, target);
    if (i >= 0)
        g.st.members[i] = g.st.members[--g.st.nmembers];
    close_group(&g);
    if (target == getpid())
        numa_record_home(RAD_NONE);
    return 0;
}

int nsg_destroy(nsgid_t nsg)
{
    struct shmid_ds ds;
    if (shmctl(nsg, IPC_STAT, &ds) != 0 || ds.shm_segsz != sizeof(struct nsg_shared))
        return pxf_errno_fail(EINVAL);
    return shmctl(nsg, IPC_RMID, NULL) == 0 ? 0 : pxf_errno_fail(errno);
}
