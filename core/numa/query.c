/* query.c - rad_get_* and friends: what the topology says, with free
 * memory and load read at the call. Tru64 conventions: -1 and errno. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pxf/numa.h>
#include "common/internal.h"
#include "numa_internal.h"

/* Lock, refresh if asked, find rad (EINVAL if it does not exist). */
static int rad_locked(radid_t rad, bool refresh, struct numa_topology **topo,
                      const struct numa_rad **r)
{
    int err = numa_lock(topo);
    if (err)
        return err;
    int pos = numa_rad_pos(*topo, rad);
    err = pos < 0 ? EINVAL : refresh ? numa_refresh(*topo, REFRESH_ALL) : 0;
    if (err) {
        numa_unlock();
        return err;
    }
    *r = &(*topo)->rads[numa_rad_pos(*topo, rad)];
    return 0;
}

int rad_get_num(void)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return pxf_errno_fail(err);
    int n = 0;
    for (int i = 0; i < topo->nrads; i++)
        n += topo->rads[i].online;
    numa_unlock();
    return n;
}

int rad_get_max(void)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return pxf_errno_fail(err);
    int max = topo->max_id;
    numa_unlock();
    return max;
}

int rad_get_cpus(radid_t rad, cpuset_t cpus)
{
    struct numa_topology *topo;
    const struct numa_rad *r;
    if (cpus == NULL)
        return pxf_errno_fail(EFAULT);
    int err = rad_locked(rad, false, &topo, &r);
    if (err)
        return pxf_errno_fail(err);
    memcpy(cpus, &r->cpus, sizeof r->cpus);
    numa_unlock();
    return 0;
}

static ssize_t pages(long long bytes)
{
    return (ssize_t)(bytes / sysconf(_SC_PAGESIZE));
}

/* Free (read now) or physical memory of a RAD, in pages. */
static ssize_t rad_pages(radid_t rad, bool free)
{
    struct numa_topology *topo;
    const struct numa_rad *r;
    int err = rad_locked(rad, free, &topo, &r);
    if (err)
        return pxf_errno_fail(err);
    ssize_t n = pages(free ? r->freemem : r->physmem);
    numa_unlock();
    return n;
}

ssize_t rad_get_freemem(radid_t rad) { return rad_pages(rad, true); }
ssize_t rad_get_physmem(radid_t rad) { return rad_pages(rad, false); }

int rad_get_state(radid_t rad)
{
    struct numa_topology *topo;
    const struct numa_rad *r;
    int err = rad_locked(rad, false, &topo, &r);
    if (err)
        return pxf_errno_fail(err);
    int state = r->online ? RAD_ONLINE : RAD_OFFLINE;
    numa_unlock();
    return state;
}

int rad_get_info(radid_t rad, rad_info_t *info)
{
    struct numa_topology *topo;
    const struct numa_rad *r;
    rad_info_t in;
    if (numa_copy_in(&in, info, sizeof in) != 0)
        return pxf_errno_fail(EFAULT);
    if (in.rinfo_version != RAD_INFO_VERSION)
        return pxf_errno_fail(EINVAL);
    int err = rad_locked(rad, true, &topo, &r);
    if (err)
        return pxf_errno_fail(err);
    info->rinfo_radid = r->id;
    info->rinfo_state = r->online ? RAD_ONLINE : RAD_OFFLINE;
    info->rinfo_physmem = pages(r->physmem);
    info->rinfo_freemem = pages(r->freemem);
    if (in.rinfo_cpuset)
        memcpy(in.rinfo_cpuset, &r->cpus, sizeof r->cpus);
    numa_unlock();
    return 0;
}

radid_t cpu_get_rad(cpuid_t cpu)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return pxf_errno_fail(err);
    radid_t rad = numa_rad_of_cpu(topo, cpu);
    numa_unlock();
    return rad == RAD_NONE ? pxf_errno_fail(EINVAL) : rad;
}

radid_t rad_get_current_home(void)
{
    struct numa_topology *topo;
    if (numa_lock(&topo) != 0)
        return 0;                 /* "always succeeds": the first RAD */
    radid_t home = numa_current_home(topo);
    numa_unlock();
    return home;
}

int pxf_radgetdistance(radid_t from, radid_t to, int *distance)
{
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return err;
    int a = numa_rad_pos(topo, from), b = numa_rad_pos(topo, to);
    if (a < 0 || b < 0)
        err = EINVAL;
    else
        *distance = topo->dist[a * topo->nrads + b];
    numa_unlock();
    return err;
}

int pxf_radgetload(radid_t rad, int *percent)
{
    struct numa_topology *topo;
    const struct numa_rad *r;
    int err = rad_locked(rad, true, &topo, &r);
    if (err)
        return err;
    *percent = r->load;
    numa_unlock();
    return 0;
}
