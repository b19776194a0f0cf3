/* topo_lookup.c - finding RADs in a loaded topology by id, CPU or node
 * (no state of its own: the loaders and the decisions both use it). */
#include <string.h>

#include "topology.h"

int numa_rad_pos(const struct numa_topology *topo, radid_t id)
{
    for (int i = 0; i < topo->nrads; i++)
        if (topo->rads[i].id == id)
            return i;
    return -1;
}

bool numa_rad_usable(const struct numa_topology *topo, radid_t id)
{
    int pos = numa_rad_pos(topo, id);
    return pos >= 0 && topo->rads[pos].online
           && bits_count(topo->rads[pos].cpus.bits, PXF_MAX_CPUS) > 0;
}

radid_t numa_rad_of_cpu(const struct numa_topology *topo, int cpu)
{
    if (cpu < 0 || cpu >= PXF_MAX_CPUS)
        return RAD_NONE;
    for (int i = 0; i < topo->nrads; i++)
        if (topo->rads[i].online && bit_test(topo->rads[i].cpus.bits, cpu))
            return topo->rads[i].id;
    return RAD_NONE;
}

void numa_rads_of_node(const struct numa_topology *topo, int node,
                       struct pxf_radset *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < topo->nrads; i++)
        if (topo->rads[i].online && topo->rads[i].node == node)
            bit_set(out->bits, topo->rads[i].id);
}
