/* nsg_attach.c - nsg_attach_pid: join a process to a NUMA scheduling group
 * (nsg.c) on the RAD it runs on now (resource.c), then bind it to the
 * group's home. */
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include "common/internal.h"
#include "kernel.h"
#include "numa_internal.h"

#define NSG_ATTACH_FLAGS (RAD_INSIST | RAD_WAIT | RAD_MIGRATE | RAD_NO_MIGRATE)

int nsg_attach_pid(nsgid_t nsg, pid_t pid, unsigned long flags)
{
    if (flags & ~(unsigned long)NSG_ATTACH_FLAGS)
        return pxf_errno_fail(EINVAL);
    bool self = pid == 0 || pid == getpid();
    pid_t target = self ? getpid() : pid;
    if (kill(target, 0) != 0)
        return pxf_errno_fail(errno);         /* ESRCH, EPERM */
    struct numa_topology *topo;
    int err = numa_lock(&topo);
    if (err)
        return pxf_errno_fail(err);
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
        unsigned long nodes[NODEMASK_WORDS];
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
    return err ? pxf_errno_fail(err) : 0;
}
