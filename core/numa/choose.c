/* choose.c - the home RAD among candidates: the one decision nfork,
 * rad_fork, nsg groups and `pxf numa` share. Pure: it reads a refreshed
 * topology and decides; it changes nothing. */
#include <errno.h>
#include <string.h>

#include "numa_internal.h"

/* A RAD is overloaded (the hint may be overridden) when its CPUs are at
 * least this busy or this little of its memory is free. */
#define OVERLOAD_LOAD_PERCENT 90
#define OVERLOAD_FREE_PERMILLE 50
#define PERMILLE 1000

static bool can_be_home(const struct numa_rad *r)
{
    return r->online && bits_count(r->cpus.bits, PXF_MAX_CPUS) > 0;
}

static bool overloaded(const struct numa_rad *r)
{
    return r->load >= OVERLOAD_LOAD_PERCENT
        || (r->physmem > 0 && r->freemem * PERMILLE < r->physmem * OVERLOAD_FREE_PERMILLE);
}

/* Idle share times free-memory share, both in per mille. */
static long long balance_score(const struct numa_rad *r)
{
    long long free_pm = r->physmem > 0 ? r->freemem * PERMILLE / r->physmem : 0;
    long long idle_pm = (long long)(NUMA_LOAD_MAX - r->load) * (PERMILLE / NUMA_LOAD_MAX);
    return idle_pm * free_pm;
}

/* Is a a better home than b? Ties go to the lower id (b comes first). */
static bool better(const struct numa_rad *a, const struct numa_rad *b,
                   unsigned long flags)
{
    bool small = flags & RAD_SMALLMEM, large = flags & RAD_LARGEMEM;
    if (small && !large) {
        if (a->load != b->load)
            return a->load < b->load;
        return a->freemem > b->freemem;
    }
    if (large && !small) {
        if (a->freemem != b->freemem)
            return a->freemem > b->freemem;
        return a->load < b->load;
    }
    long long sa = balance_score(a), sb = balance_score(b);
    if (sa != sb)
        return sa > sb;
    return a->load < b->load;
}

/* The best RAD of `set` that can be home (and, if `skip_overloaded`, is
 * not overloaded); -1 if none. */
static int best_of(const struct numa_topology *topo, const struct pxf_radset *set,
                   unsigned long flags, bool skip_overloaded)
{
    int best = -1;
    for (int i = 0; i < topo->nrads; i++) {
        const struct numa_rad *r = &topo->rads[i];
        if (!bit_test(set->bits, r->id) || !can_be_home(r))
            continue;
        if (skip_overloaded && overloaded(r))
            continue;
        if (best < 0 || better(r, &topo->rads[best], flags))
            best = i;
    }
    return best;
}

int numa_choose_home(const struct numa_topology *topo, struct pxf_radset *cands,
                     unsigned long flags, radid_t *home, bool *overridden)
{
    *overridden = false;
    int pick = best_of(topo, cands, flags, false);
    if (pick < 0)
        return EINVAL;           /* no candidate with CPUs online */
    if (!(flags & RAD_INSIST) && overloaded(&topo->rads[pick])
        && best_of(topo, cands, flags, true) < 0) {
        /* Every candidate is overloaded: the set was a hint. Any RAD of
         * the machine that is not overloaded becomes a candidate. */
        struct pxf_radset all;
        memset(&all, 0, sizeof all);
        for (int i = 0; i < topo->nrads; i++)
            bit_set(all.bits, topo->rads[i].id);
        int other = best_of(topo, &all, flags, true);
        if (other >= 0) {
            memset(cands, 0, sizeof *cands);
            for (int i = 0; i < topo->nrads; i++)
                if (can_be_home(&topo->rads[i]) && !overloaded(&topo->rads[i]))
                    bit_set(cands->bits, topo->rads[i].id);
            pick = other;
            *overridden = true;
        }
    }
    *home = topo->rads[pick].id;
    return 0;
}
