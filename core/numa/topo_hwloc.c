/* topo_hwloc.c - the machine's topology from hwloc: RADs = NUMA nodes
 * (their CPUs, memory, the SLIT as distances), nodes that are possible but
 * offline, and where PCI devices are. hwloc is asked once; what changes
 * (free memory, CPU load) is read by topo_dynamic.c. hwloc is reached
 * through the table of hwloc_load.h only (it is loaded on first use), so
 * the few helpers of its headers used here are written out below. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hwloc_load.h"
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

/* hwloc_get_nbobjs_by_type and hwloc_get_obj_by_type of hwloc/inlines.h,
 * and the walk of hwloc_bitmap_foreach_begin, through the table. */
/* The depth of a type's level: NUMA nodes and I/O objects have virtual
 * (negative) ones; false when the type has none or several. */
static bool depth_of(const struct hwloc_api *hw, hwloc_topology_t topo, hwloc_obj_type_t type,
                     int *depth)
{
    *depth = hw->get_type_depth(topo, type);
    return *depth != HWLOC_TYPE_DEPTH_UNKNOWN && *depth != HWLOC_TYPE_DEPTH_MULTIPLE;
}

static int count_of_type(const struct hwloc_api *hw, hwloc_topology_t topo,
                         hwloc_obj_type_t type)
{
    int depth;
    return depth_of(hw, topo, type, &depth) ? (int)hw->get_nbobjs_by_depth(topo, depth) : 0;
}

static hwloc_obj_t obj_of_type(const struct hwloc_api *hw, hwloc_topology_t topo,
                               hwloc_obj_type_t type, unsigned idx)
{
    int depth;
    return depth_of(hw, topo, type, &depth) ? hw->get_obj_by_depth(topo, depth, idx) : NULL;
}

/* Set the members of an hwloc bitmap below limit in bits. */
static void bits_from_bitmap(const struct hwloc_api *hw, hwloc_const_bitmap_t map,
                             uint64_t *bits, int limit)
{
    for (int i = hw->bitmap_first(map); i >= 0 && i < limit; i = hw->bitmap_next(map, i))
        bit_set(bits, i);
}

static void set_distances(const struct hwloc_api *api, struct numa_topology *topo,
                          hwloc_topology_t hw)
{
    int n = topo->nrads;
    for (int a = 0; a < n; a++)          /* unknown: the kernel's default */
        for (int b = 0; b < n; b++)
            topo->dist[a * n + b] = NUMA_DIST_DEFAULT(a, b);
    unsigned nr = 1;
    struct hwloc_distances_s *d = NULL;
    if (api->distances_get_by_name(hw, "NUMALatency", &nr, &d, 0) != 0 || nr == 0)
        return;
    for (unsigned i = 0; i < d->nbobjs; i++)
        for (unsigned j = 0; j < d->nbobjs; j++) {
            int a = numa_rad_pos(topo, (radid_t)d->objs[i]->os_index);
            int b = numa_rad_pos(topo, (radid_t)d->objs[j]->os_index);
            if (a >= 0 && b >= 0 && d->values[i * d->nbobjs + j] > 0)
                topo->dist[a * n + b] = (int)d->values[i * d->nbobjs + j] * NUMA_SLIT_SCALE;
        }
    api->distances_release(hw, d);
}

int numa_load_machine(struct numa_topology *topo)
{
    const struct hwloc_api *api;
    int err = numa_hwloc(&api);
    if (err)
        return err;
    hwloc_topology_t hw;
    if (api->topology_init(&hw) != 0)
        return ENOMEM;
    if (api->topology_load(hw) != 0) {
        err = errno ? errno : EIO;
        api->topology_destroy(hw);
        return err;
    }
    int max_id = max_of_list(NODE_SYSFS "/possible");
    int nodes = count_of_type(api, hw, HWLOC_OBJ_NUMANODE);
    for (int i = 0; i < nodes; i++) {
        int id = (int)obj_of_type(api, hw, HWLOC_OBJ_NUMANODE, (unsigned)i)->os_index;
        if (id > max_id)
            max_id = id;
    }
    if (max_id < 0 || max_id >= PXF_MAX_RADS) {
        api->topology_destroy(hw);
        return ENOTSUP;
    }
    topo->max_id = max_id + 1;
    topo->rads = calloc((size_t)topo->max_id, sizeof *topo->rads);
    if (topo->rads == NULL) {
        api->topology_destroy(hw);
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
        hwloc_obj_t obj = obj_of_type(api, hw, HWLOC_OBJ_NUMANODE, (unsigned)i);
        struct numa_rad *r = &topo->rads[obj->os_index];
        r->online = true;
        r->physmem = (long long)obj->attr->numanode.local_memory;
        r->freemem = r->physmem;
        /* A memory-only node's CPUs are those hwloc finds local to it. */
        bits_from_bitmap(api, obj->cpuset, r->cpus.bits, PXF_MAX_CPUS);
    }
    topo->dist = calloc((size_t)topo->nrads * (size_t)topo->nrads, sizeof *topo->dist);
    if (topo->dist == NULL) {
        api->topology_destroy(hw);
        return ENOMEM;
    }
    set_distances(api, topo, hw);
    api->topology_destroy(hw);
    return numa_refresh_machine(topo, REFRESH_ALL);
}

/* --- PCI device locality: a second topology with I/O objects, loaded on
 * the first device query (it costs more than the NUMA one). ------------- */
static hwloc_topology_t io_topology;
static pthread_mutex_t io_lock = PTHREAD_MUTEX_INITIALIZER;

static int load_io_topology(const struct hwloc_api *api)
{
    if (io_topology)
        return 0;
    hwloc_topology_t hw;
    if (api->topology_init(&hw) != 0)
        return ENOMEM;
    api->topology_set_io_types_filter(hw, HWLOC_TYPE_FILTER_KEEP_ALL);
    if (api->topology_load(hw) != 0) {
        api->topology_destroy(hw);
        return EIO;
    }
    io_topology = hw;
    return 0;
}

/* hwloc_get_pcidev_by_busidstring of hwloc/helper.h, for the normalized
 * "dddd:bb:dd.f" (resource.c): the PCI device object, or NULL. */
static hwloc_obj_t pcidev_by_busid(const struct hwloc_api *api, hwloc_topology_t hw,
                                   const char *busid)
{
    unsigned domain, bus, dev, func;
    if (sscanf(busid, "%x:%x:%x.%x", &domain, &bus, &dev, &func) != 4)
        return NULL;
    int n = count_of_type(api, hw, HWLOC_OBJ_PCI_DEVICE);
    for (int i = 0; i < n; i++) {
        hwloc_obj_t obj = obj_of_type(api, hw, HWLOC_OBJ_PCI_DEVICE, (unsigned)i);
        if (obj->attr->pcidev.domain == domain && obj->attr->pcidev.bus == bus
            && obj->attr->pcidev.dev == dev && obj->attr->pcidev.func == func)
            return obj;
    }
    return NULL;
}

static int machine_device_rads(const char *busid, struct pxf_radset *out)
{
    const struct hwloc_api *api;
    int err = numa_hwloc(&api);
    if (err)
        return err;
    pthread_mutex_lock(&io_lock);
    err = load_io_topology(api);
    hwloc_obj_t dev = err ? NULL : pcidev_by_busid(api, io_topology, busid);
    if (err == 0 && dev == NULL)
        err = EINVAL;
    if (err == 0) {
        /* hwloc_get_non_io_ancestor_obj: the first ancestor with CPUs. */
        hwloc_obj_t where = dev;
        while (where != NULL && where->cpuset == NULL)
            where = where->parent;
        memset(out, 0, sizeof *out);
        if (where != NULL)
            bits_from_bitmap(api, where->nodeset, out->bits, PXF_MAX_RADS);
    }
    pthread_mutex_unlock(&io_lock);
    return err;
}

int numa_device_rads(struct numa_topology *topo, const char *busid,
                     struct pxf_radset *out)
{
    return topo->from_file ? numa_file_device_rads(topo, busid, out)
                           : machine_device_rads(busid, out);
}
