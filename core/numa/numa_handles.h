/* numa_handles.h - the structures PXFSTRUCTCREATE makes for the NUMA
 * routines (not installed); struct_types.c registers them. */
#ifndef PXF_NUMA_HANDLES_H
#define PXF_NUMA_HANDLES_H

#include <limits.h>

/* 'numa_attr': numa_attr_t with the descriptor as one integer (a 'radset'
 * handle for R_RAD, an fd, shmid, pid, address or nsgid) and R_PATH's path
 * as a string component. */
struct pxf_numa_attr_rec {
    long long nattr_type;
    long long nattr_descr;
    long long nattr_distance;
    long long nattr_flags;
    char nattr_path[PATH_MAX];
};

/* Their descriptors (struct_types.c), as the handle table knows them. */
struct pxf_struct_type;
extern const struct pxf_struct_type pxf_numa_attr_type;   /* 'numa_attr' */
extern const struct pxf_struct_type pxf_radset_type;      /* 'radset' */

#endif
