/* types.c - descriptors of the structures PXFSTRUCTCREATE knows. */
#include <fcntl.h>
#include <string.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <utime.h>

#include "structs/structs_internal.h"
#include "numa/numa_handles.h"
#include "numa/topology.h"

#define SIGNED_OF(type) ((type)-1 < (type)0)
#define INT_FIELD(st, member, ctype) \
    { #member, PXF_FIELD_INT, offsetof(st, member), \
      sizeof(((st *)0)->member), SIGNED_OF(ctype) }
#define STR_FIELD(st, member) \
    { #member, PXF_FIELD_STR, offsetof(st, member), \
      sizeof(((st *)0)->member), false }
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct pxf_field utsname_fields[] = {
    STR_FIELD(struct utsname, sysname),
    STR_FIELD(struct utsname, nodename),
    STR_FIELD(struct utsname, release),
    STR_FIELD(struct utsname, version),
    STR_FIELD(struct utsname, machine),
    STR_FIELD(struct utsname, domainname),
};

static const struct pxf_field tms_fields[] = {
    INT_FIELD(struct tms, tms_utime, clock_t),
    INT_FIELD(struct tms, tms_stime, clock_t),
    INT_FIELD(struct tms, tms_cutime, clock_t),
    INT_FIELD(struct tms, tms_cstime, clock_t),
};

static const struct pxf_field utimbuf_fields[] = {
    INT_FIELD(struct utimbuf, actime, time_t),
    INT_FIELD(struct utimbuf, modtime, time_t),
};

static const struct pxf_field numa_attr_fields[] = {
    INT_FIELD(struct pxf_numa_attr_rec, nattr_type, long long),
    INT_FIELD(struct pxf_numa_attr_rec, nattr_descr, long long),
    INT_FIELD(struct pxf_numa_attr_rec, nattr_distance, long long),
    INT_FIELD(struct pxf_numa_attr_rec, nattr_flags, long long),
    STR_FIELD(struct pxf_numa_attr_rec, nattr_path),
};

static const struct pxf_field flock_fields[] = {
    INT_FIELD(struct flock, l_type, short),
    INT_FIELD(struct flock, l_whence, short),
    INT_FIELD(struct flock, l_start, off_t),
    INT_FIELD(struct flock, l_len, off_t),
    INT_FIELD(struct flock, l_pid, pid_t),
};

#define STRUCT_TYPE(name, ctype, fields) \
    { name, sizeof(ctype), fields, COUNT(fields) }

static const struct pxf_struct_type types[] = {
    STRUCT_TYPE("utsname", struct utsname, utsname_fields),
    STRUCT_TYPE("tms", struct tms, tms_fields),
    STRUCT_TYPE("utimbuf", struct utimbuf, utimbuf_fields),
    STRUCT_TYPE("flock", struct flock, flock_fields),
    STRUCT_TYPE("numa_attr", struct pxf_numa_attr_rec, numa_attr_fields),
    /* a RAD set: no components, used through the PXFRAD* routines */
    { "radset", sizeof(struct pxf_radset), NULL, 0 },
};

const struct pxf_struct_type *pxf_struct_type_find(const char *name)
{
    for (size_t i = 0; i < COUNT(types); i++)
        if (strcmp(types[i].name, name) == 0)
            return &types[i];
    return NULL;
}

const struct pxf_field *pxf_struct_field_find(const struct pxf_struct_type *t,
                                              const char *name)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}
