/* hwloc_load.h - libhwloc, loaded when the machine's topology is first
 * needed (not installed).
 *
 * libpxf does not link hwloc: a linked library (and libudev, which hwloc
 * pulls in) adds mappings that every fork of every program using pxf
 * copies, NUMA calls or not. hwloc's headers give the types; its
 * functions are reached only through this table. hwloc's inline helpers
 * (hwloc_get_obj_by_type, hwloc_bitmap_foreach_begin ...) call it by
 * symbol, so topo_hwloc.c must not use them: it has its own.
 */
#ifndef PXF_NUMA_HWLOC_LOAD_H
#define PXF_NUMA_HWLOC_LOAD_H

#include <stddef.h>

#include <hwloc.h>

#define HWLOC_FN(name) __typeof__(hwloc_##name) *name;
#define HWLOC_FUNCTIONS(X) \
    X(get_api_version) \
    X(topology_init) \
    X(topology_load) \
    X(topology_destroy) \
    X(topology_set_io_types_filter) \
    X(get_type_depth) \
    X(get_nbobjs_by_depth) \
    X(get_obj_by_depth) \
    X(distances_get_by_name) \
    X(distances_release) \
    X(bitmap_first) \
    X(bitmap_next)

struct hwloc_api {
    HWLOC_FUNCTIONS(HWLOC_FN)
};

/* hwloc's functions: loads PXF_HWLOC_SONAME on the first call (thread-safe,
 * once per process; never unloaded). ENOSYS when it cannot be loaded, lacks
 * a function or is not the hwloc major version pxf was built with. */
int numa_hwloc(const struct hwloc_api **api);

/* Why numa_hwloc failed (the loader's message), or "" after a success. */
const char *numa_hwloc_error(void);

#endif
