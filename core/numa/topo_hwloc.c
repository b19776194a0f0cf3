/* topo_hwloc.c - the machine's topology from hwloc: RADs = NUMA nodes
 * (their CPUs, memory, the SLIT as distances), nodes that are possible but
 * offline, and where PCI devices are. hwloc is asked once; what changes
 * (free memory, CPU load) is read by topo_dynamic.c. */
#include <hwloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "topology.h"

#define NODE_SYSFS "/sys/devices/system/node"

/* Highest id in a sysfs node list ("0-3"), or -1. */
static int max_of_list(const char *path)
{
    char buf[4096] = "";
    FILE *f = fopen(path, "re");
    if (f == NULL)
        return -1;
    if (fgets(buf, sizeof buf, f) == NULL)
        buf[0] = '\0';
    fclose(f);
    struct pxf_radset set;
    if (bits_parse_list(set.bits, PXF_MAX_RADS, buf) != 0)
        return -1;
    for (int i = PXF_MAX_RADS - 1; i >= 0; i--)
        if (bit_test(set.bits, i))
            return i;
    return -1;
}

static void set_distances(struct numa_topology *topo, hwloc_topology_t hw)
{
    int n = topo->nrads;
    for (int a = 0; a < n; a++)          /* unknown: local / remote */
        for (int b = 0; b < n; b++)
            topo->dist[a * n + b] = a == b ? 100 : 200;
    unsigned nr = 1;
    struct hwloc_distances_s *d = NULL;
    if (hwloc_distances_get_by_name(hw, "NUMALatency", &nr, &d, 0) != 0 || nr == 0)
        return;
    for (unsigned i = 0; i < d->nbobjs; i++)
        for (unsigned j = 0; j < d->nbobjs; j++) {
            int a = numa_rad_pos(topo, (radid_t)d->objs[i]->os_index);
            int b = numa_rad_pos(topo, (radid_t)d->objs[j]->os_index);
            if (a >= 0 && b >= 0 && d->values[i * d->nbobjs + j] > 0)
                topo->dist[a * n + b] = (int)d->values[i * d->nbobjs + j] * 10;
        }
    hwloc_distances_release(hw, d);
}

int numa_load_machine(struct numa_topology *topo)
{
    hwloc_topology_t hw;
    if (hwloc_topology_init(&hw) != 0)
        return ENOMEM;
    if (hwloc_topology_load(hw) != 0) {
        hwloc_topology_destroy(hw);
        return errno ? errno : EIO;
    }
    int max_id = max_of_list(NODE_SYSFS "/possible");
    int nodes = hwloc_get_nbobjs_by_type(hw, HWLOC_OBJ_NUMANODE);
    for (int i = 0; i < nodes; i++) {
        int id = (int)hwloc_get_obj_by_type(hw, HWLOC_OBJ_NUMANODE, (unsigned)i)->os_index;
        if (id > max_id)
            max_id = id;
    }
    if (max_id < 0 || max_id >= PXF_MAX_RADS) {
        hwloc_topology_destroy(hw);
        return ENOTSUP;
    }
    topo->max_id = max_id + 1;
    topo->rads = calloc((size_t)topo->max_id, sizeof *topo->rads);
    if (topo->rads == NULL) {
        hwloc_topology_destroy(hw);
        return ENOMEM;
    }
    /* Every possible id gets an entry, offline until hwloc shows it. */
    for (int id = 0; id < topo->max_id; id++) {
        struct numa_rad *r = &topo->rads[id];
        r->id = id;
        r->node = id;
    }
    topo->nrads = topo->max_id;
    for (int i = 0; i < nodes; i++) {
        hwloc_obj_t obj = hwloc_get_obj_by_type(hw, HWLOC_OBJ_NUMANODE, (unsigned)i);
        struct numa_rad *r = &topo->rads[obj->os_index];
        r->online = true;
        r->physmem = (long long)obj->attr->numanode.local_memory;
        r->freemem = r->physmem;
        /* A memory-only node's CPUs are those hwloc finds local to it. */
        int cpu;
        hwloc_bitmap_foreach_begin(cpu, obj->cpuset)
            if (cpu < PXF_MAX_CPUS)
                bit_set(r->cpus.bits, cpu);
        hwloc_bitmap_foreach_end();
    }
    topo->dist = calloc((size_t)topo->nrads * (size_t)topo->nrads, sizeof *topo->dist);
    if (topo->dist == NULL) {
        hwloc_topology_destroy(hw);
        return ENOMEM;
    }
    set_distances(topo, hw);
    hwloc_topology_destroy(hw);
    return numa_refresh_machine(topo, REFRESH_ALL);
}

/* --- PCI device locality: a second topology with I/O objects, loaded on
 * the first device query (it costs more than the NUMA one). ------------- */
static hwloc_topology_t io_topology;
static pthread_mutex_t io_lock = PTHREAD_MUTEX_INITIALIZER;

static int load_io_topology(void)
{
    if (io_topology)
        return 0;
    hwloc_topology_t hw;
    if (hwloc_topology_init(&hw) != 0)
        return ENOMEM;
    hwloc_topology_set_io_types_filter(hw, HWLOC_TYPE_FILTER_KEEP_ALL);
    if (hwloc_topology_load(hw) != 0) {
        hwloc_topology_destroy(hw);
        return EIO;
    }
    io_topology = hw;
    return 0;
}

static int machine_device_rads(const char *busid, struct pxf_radset *out)
{
    pthread_mutex_lock(&io_lock);
    int err = load_io_topology();
    hwloc_obj_t dev = err ? NULL : hwloc_get_pcidev_by_busidstring(io_topology, busid);
    if (err == 0 && dev == NULL)
        err = EINVAL;
    if (err == 0) {
        hwloc_obj_t where = hwloc_get_non_io_ancestor_obj(io_topology, dev);
        int node;
        memset(out, 0, sizeof *out);
        hwloc_bitmap_foreach_begin(node, where->nodeset)
            if (node < PXF_MAX_RADS)
                bit_set(out->bits, node);
        hwloc_bitmap_foreach_end();
    }
    pthread_mutex_unlock(&io_lock);
    return err;
}

int numa_device_rads(struct numa_topology *topo, const char *busid,
                     struct pxf_radset *out)
{
    if (!topo->from_file)
        return machine_device_rads(busid, out);
    for (int i = 0; i < topo->ndevices; i++)
        if (strcmp(topo->devices[i].busid, busid) == 0) {
            *out = topo->devices[i].rads;
            return 0;
        }
    return EINVAL;
}
