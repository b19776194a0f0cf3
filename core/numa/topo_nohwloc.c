/* topo_nohwloc.c - the machine's topology in a build without hwloc
 * (meson -Dhwloc=disabled, or its headers absent): it cannot be read, so
 * every call that needs it fails with ENOSYS, as when hwloc cannot be
 * loaded (topo_hwloc.c, hwloc_load.c); an override file still works. */
#include <errno.h>
#include <stdio.h>

#include <pxf/numa.h>
#include "pxf_build_config.h"
#include "topology.h"

#if PXF_HAVE_HWLOC
#error "meson builds this file only without hwloc"
#endif

int numa_load_machine(struct numa_topology *topo)
{
    (void)topo;
    return ENOSYS;
}

int numa_device_rads(struct numa_topology *topo, const char *busid,
                     struct pxf_radset *out)
{
    return topo->from_file ? numa_file_device_rads(topo, busid, out) : ENOSYS;
}

int pxf_numa_hwloc_status(char *buf, size_t len)
{
    if (buf != NULL && len > 0)
        snprintf(buf, len, "%s", "this build of pxf has no hwloc (meson -Dhwloc=disabled, "
                 "or hwloc's headers were absent)");
    return ENOSYS;
}
