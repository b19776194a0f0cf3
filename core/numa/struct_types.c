/* struct_types.c - the structures PXFSTRUCTCREATE makes for the NUMA
 * routines, 'numa_attr' and 'radset', registered with core/structs when
 * the library is loaded (core/structs names no fork variant). */
#include "structs/structs_internal.h"
#include "numa_handles.h"
#include "topology.h"

static const struct pxf_field numa_attr_fields[] = {
    PXF_INT_FIELD(struct pxf_numa_attr_rec, nattr_type, long long),
    PXF_INT_FIELD(struct pxf_numa_attr_rec, nattr_descr, long long),
    PXF_INT_FIELD(struct pxf_numa_attr_rec, nattr_distance, long long),
    PXF_INT_FIELD(struct pxf_numa_attr_rec, nattr_flags, long long),
    PXF_STR_FIELD(struct pxf_numa_attr_rec, nattr_path),
};

const struct pxf_struct_type pxf_numa_attr_type =
    PXF_STRUCT_TYPE("numa_attr", struct pxf_numa_attr_rec, numa_attr_fields);

/* A RAD set: no components, used through the PXFRAD* routines. */
const struct pxf_struct_type pxf_radset_type = { "radset", sizeof(struct pxf_radset), NULL, 0 };

/* Registered when the library is loaded (a static program has this file
 * too: libpxf.a is prelinked, meson.build). */
__attribute__((constructor)) static void register_struct_types(void)
{
    pxf_struct_type_register(&pxf_numa_attr_type);
    pxf_struct_type_register(&pxf_radset_type);
}
