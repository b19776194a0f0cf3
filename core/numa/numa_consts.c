/* numa_consts.c - the constants of <pxf/numa.h> (R_*, RAD_*, NSG_*,
 * SET_CURSOR_*, CPU_NONE) for PXFCONST, registered with core/consts when
 * the library is loaded (core/consts names no fork variant; a build
 * without the NUMA family has none of them: ENONAME, as for any unknown
 * name). libpxf.a is prelinked (meson.build), so a static program has
 * this file, and runs its constructor, whatever it calls. */
#include "consts/consts_internal.h"
#include "numa/numa_consts_table.h"  /* generated in the build tree */
#include "topology.h"

static const struct pxf_const_table pxf_numa_consts = PXF_CONST_TABLE("numa", NULL);

__attribute__((constructor)) static void register_consts(void)
{
    pxf_const_register(&pxf_numa_consts);
}
