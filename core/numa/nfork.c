/* nfork.c - nfork, rad_fork, nloc and the decision behind them.
 *
 * The home RAD is chosen in the parent (choose.c). The calling thread then
 * takes the child's memory policy itself for the duration of the fork
 * (preferred home node; RAD_INSIST: bound there), so the child inherits it
 * atomically and a refused policy is reported before any child exists.
 * The CPUs: when the caller runs on another node than the home's, or none
 * of its CPUs is one of the home RAD's, it also takes the home RAD's CPUs
 * for the fork, so the child's kernel structures and page tables are
 * allocated on the home node and the mask is validated by the kernel in
 * the parent. Otherwise (the common case: already near) the caller does
 * not migrate; the child moves itself onto the home CPUs first thing,
 * which cannot fail (the mask meets the caller's allowed CPUs, hence its
 * cpuset). The parent restores its own policy and CPUs right after. In the
 * child, before nfork returns: the CPU affinity widens to the whole
 * candidate set unless RAD_INSIST (Tru64's "overflow set"), RAD_MIGRATE
 * moves resident pages, the home is recorded and RAD_NO_INHERIT arranges
 * for the child's own children to be reset. */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/numa.h>
#include <pxf/process.h>
#include "common/fork_registry.h"
#include "common/internal.h"
#include "kernel.h"
#include "numa_internal.h"

struct placement {
    bool place;                 /* false: a plain fork */
    radid_t home;
    int node;
    unsigned long flags;
    struct pxf_cpuset home_cpus, run_cpus;
    nsgid_t nsg;                /* R_NSG: the group the child joins */
    bool join_nsg;
    bool caller_near;           /* the caller runs on the home node */
};

/* A thread's placement, as saved and restored. */
struct thread_state {
    struct pxf_cpuset cpus;
    int mode;
    unsigned long nodes[NODEMASK_WORDS];
};

/* RAD_NO_INHERIT: what this process's children get instead of its
 * placement (armed in the nfork child, applied by the fork hooks). */
static bool reset_armed;
static struct thread_state reset_to;
static _Thread_local bool nfork_forking;

static int save_state(struct thread_state *s)
{
    memset(s, 0, sizeof *s);
    if (sched_getaffinity(0, sizeof s->cpus, (cpu_set_t *)&s->cpus) != 0)
        return errno;
    if (sys_get_mempolicy(&s->mode, s->nodes, NODEMASK_BITS, NULL, 0) != 0)
        return errno;
    return 0;
}

static int apply_state(const struct thread_state *s)
{
    if (sched_setaffinity(0, sizeof s->cpus, (const cpu_set_t *)&s->cpus) != 0)
        return errno;
    if (sys_set_mempolicy(s->mode, s->nodes, NODEMASK_BITS) != 0)
        return errno;
    return 0;
}

/* In every new child (a step of the fork registry): a RAD_NO_INHERIT
 * parent's children start as its own parent had them, no recorded home. */
static void after_fork_child(void)
{
    if (!reset_armed || nfork_forking)
        return;
    reset_armed = false;
    numa_record_home(RAD_NONE);
    apply_state(&reset_to);
}

__attribute__((constructor)) static void register_child_step(void)
{
    pxf_fork_register_child(after_fork_child, &reset_armed);
}

static void cpus_of(const struct numa_topology *topo, const struct pxf_radset *rads,
                    struct pxf_cpuset *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < topo->nrads; i++)
        if (bit_test(rads->bits, topo->rads[i].id))
            for (int w = 0; w < PXF_BITS_WORDS(PXF_MAX_CPUS); w++)
                out->bits[w] |= topo->rads[i].cpus.bits[w];
}

static bool descr_is_null(const numa_attr_t *a)
{
    switch (a->nattr_type) {
    case R_RAD: return a->nattr_descr.rd_radset == NULL;
    case R_PATH: return a->nattr_descr.rd_pathname == NULL;
    case R_MEM: return a->nattr_descr.rd_addr == NULL;
    default: return false;     /* fd 0, pid 0, shmid 0, nsg 0 are valid */
    }
}

/* What the decision reads fresh: nothing for one mandatory RAD or a group
 * (whose home is fixed), the criterion the flags name when the set is
 * mandatory, both when it is a hint (overload is judged on both). */
static int refresh_needed(const numa_attr_t *a, const struct pxf_radset *at,
                          unsigned long flags)
{
    if (a->nattr_type == R_NSG)
        return 0;
    if (!(flags & RAD_INSIST))
        return REFRESH_ALL;
    if (a->nattr_type == R_RAD && bits_count(at->bits, PXF_MAX_RADS) == 1)
        return 0;
    bool small = flags & RAD_SMALLMEM, large = flags & RAD_LARGEMEM;
    return small && !large ? REFRESH_LOAD : large && !small ? REFRESH_FREEMEM : REFRESH_ALL;
}

/* Decide: candidates, home, and what the child gets. */
static int plan(const numa_attr_t *a, struct placement *pl,
                struct pxf_radset *cands, bool *overridden)
{
    memset(pl, 0, sizeof *pl);
    *overridden = false;
    unsigned long flags = a->nattr_flags;
    if ((flags & ~(unsigned long)NFORK_FLAGS)
        || ((flags & RAD_MIGRATE) && (flags & RAD_NO_MIGRATE))
        || (unsigned)a->nattr_type > R_NSG)
        return EINVAL;
    pl->flags = flags;
    if (descr_is_null(a))
        return 0;
    bool by_set = a->nattr_type == R_RAD || a->nattr_type == R_NSG;
    if (!by_set && a->nattr_distance < RAD_DIST_LOCAL)
        return EINVAL;
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return err;
    struct pxf_radset at;
    err = numa_resource_rads(topo, a, &at);
    if (!err)
        err = numa_refresh(topo, refresh_needed(a, &at, flags));
    if (!err && a->nattr_type == R_NSG) {
        /* The group's home, or ours becomes the group's. */
        radid_t home;
        err = numa_nsg_join(topo, a->nattr_descr.rd_nsg, 0, numa_current_home(topo), &home);
        memset(cands, 0, sizeof *cands);
        if (!err) {
            bit_set(cands->bits, home);
            pl->home = home;
            pl->nsg = a->nattr_descr.rd_nsg;
            pl->join_nsg = true;
        }
    } else if (!err) {
        if (by_set)
            *cands = at;
        else
            numa_within(topo, &at, a->nattr_distance, cands);
        err = numa_choose_home(topo, cands, flags, &pl->home, overridden);
    }
    if (!err) {
        int pos = numa_rad_pos(topo, pl->home);
        pl->node = topo->rads[pos].node;
        int here = numa_rad_pos(topo, numa_rad_of_cpu(topo, sched_getcpu()));
        pl->caller_near = here >= 0 && topo->rads[here].node == pl->node;
        pl->home_cpus = topo->rads[pos].cpus;
        if (flags & RAD_INSIST)
            pl->run_cpus = pl->home_cpus;
        else
            cpus_of(topo, cands, &pl->run_cpus);
        pl->place = true;
    }
    numa_unlock();
    return err;
}

/* Whether two CPU sets have a CPU in common. */
static bool cpus_meet(const struct pxf_cpuset *a, const struct pxf_cpuset *b)
{
    for (int w = 0; w < PXF_BITS_WORDS(PXF_MAX_CPUS); w++)
        if (a->bits[w] & b->bits[w])
            return true;
    return false;
}

/* The calling thread takes the child's policy (and, when it must, its
 * CPUs); *saved gets its own; *child_moves tells the child to set its
 * CPUs itself. */
static int take_placement(const struct placement *pl, struct thread_state *saved,
                          bool *child_moves)
{
    int err = save_state(saved);
    if (err)
        return err;
    struct thread_state want = { .cpus = pl->home_cpus, .mode = home_policy_mode(pl->flags) };
    node_mask(pl->node, want.nodes);
    bool same_cpus = memcmp(&want.cpus, &saved->cpus, sizeof want.cpus) == 0;
    *child_moves = !same_cpus && pl->caller_near && cpus_meet(&want.cpus, &saved->cpus);
    if (!same_cpus && !*child_moves
        && sched_setaffinity(0, sizeof want.cpus, (cpu_set_t *)&want.cpus) != 0)
        return errno;
    if ((want.mode != saved->mode || memcmp(want.nodes, saved->nodes, sizeof want.nodes))
        && sys_set_mempolicy(want.mode, want.nodes, NODEMASK_BITS) != 0) {
        err = errno;
        apply_state(saved);
        return err;
    }
    return 0;
}

static void child_setup(const struct placement *pl, const struct thread_state *parent,
                        bool child_moves)
{
    /* masks that meet the allowed CPUs, or supersets of one the kernel
     * took: these cannot fail */
    if (child_moves)
        sched_setaffinity(0, sizeof pl->home_cpus, (const cpu_set_t *)&pl->home_cpus);
    if (memcmp(&pl->run_cpus, &pl->home_cpus, sizeof pl->run_cpus) != 0)
        sched_setaffinity(0, sizeof pl->run_cpus, (const cpu_set_t *)&pl->run_cpus);
    if (pl->flags & RAD_MIGRATE)
        numa_migrate_self(pl->node);   /* best effort, as Tru64's */
    numa_record_home(pl->home);
    reset_armed = (pl->flags & RAD_NO_INHERIT) != 0;
    if (reset_armed)
        reset_to = *parent;
}

static int placed_fork(const struct placement *pl, pid_t *pid)
{
    int child;
    if (!pl->place) {
        int err = pxf_fork(&child);
        if (!err)
            *pid = child;
        return err;
    }
    struct thread_state saved;
    bool child_moves;
    int err = take_placement(pl, &saved, &child_moves);
    if (err)
        return err;
    nfork_forking = true;
    err = pxf_fork(&child);
    nfork_forking = false;
    if (err == 0 && child == 0) {
        child_setup(pl, &saved, child_moves);
        *pid = 0;
        return 0;
    }
    apply_state(&saved);           /* was ours a moment ago: cannot fail */
    if (err == 0 && pl->join_nsg) {
        radid_t home;
        numa_nsg_join(NULL, pl->nsg, child, pl->home, &home);   /* home checked in plan */
    }
    if (err == 0)
        *pid = child;
    return err;
}

int pxf_nfork_attr(const numa_attr_t *attr, pid_t *pid)
{
    if (attr == NULL)
        return placed_fork(&(struct placement){0}, pid);
    numa_attr_t a;
    int err = numa_copy_in(&a, attr, sizeof a);
    if (err)
        return err;
    struct placement pl;
    struct pxf_radset cands;
    bool overridden;
    err = plan(&a, &pl, &cands, &overridden);
    return err ? err : placed_fork(&pl, pid);
}

pid_t nfork(numa_attr_t *attr)
{
    pid_t pid;
    int err = pxf_nfork_attr(attr, &pid);
    return err ? pxf_errno_fail(err) : pid;
}

pid_t rad_fork(radid_t rad, unsigned long flags)
{
    if (flags & ~(unsigned long)RAD_NO_INHERIT)
        return pxf_errno_fail(EINVAL);
    struct pxf_radset one;
    memset(&one, 0, sizeof one);
    if (rad < 0 || rad >= PXF_MAX_RADS)
        return pxf_errno_fail(EINVAL);
    bit_set(one.bits, rad);
    /* the RAD is mandatory: Tru64 allocates the child there */
    numa_attr_t a = { .nattr_type = R_RAD, .nattr_descr.rd_radset = &one,
                      .nattr_flags = flags | RAD_INSIST };
    return nfork(&a);
}

int pxf_numa_choose(const numa_attr_t *attr, radid_t *home, radset_t candidates,
                    int *overridden)
{
    numa_attr_t a;
    struct pxf_radset cands;
    struct placement pl;
    bool over;
    int err = numa_copy_in(&a, attr, sizeof a);
    if (!err && a.nattr_type == R_NSG)
        err = EINVAL;      /* joining a group is not a dry run */
    if (!err)
        err = plan(&a, &pl, &cands, &over);
    if (!err && !pl.place)
        err = EINVAL;      /* no resource: nothing to choose */
    if (err)
        return err;
    *home = pl.home;
    if (candidates)
        *candidates = cands;
    if (overridden)
        *overridden = over;
    return 0;
}

int nloc(numa_attr_t *attr, radset_t radset)
{
    numa_attr_t a;
    struct numa_topology *topo;
    int err = numa_copy_in(&a, attr, sizeof a);
    if (!err && radset == NULL)
        err = EFAULT;
    if (!err && ((unsigned)a.nattr_type > R_NSG || a.nattr_distance < RAD_DIST_LOCAL))
        err = EINVAL;
    if (!err)
        err = numa_lock(&topo);
    if (!err) {
        struct pxf_radset at;
        err = numa_resource_rads(topo, &a, &at);
        if (!err)
            numa_within(topo, &at, a.nattr_distance, radset);
        numa_unlock();
    }
    return err ? pxf_errno_fail(err) : 0;
}
