/* struct_types.c - the structures the system-database routines fill,
 * 'passwd' and 'group', registered with core/structs when the library is
 * loaded (core/structs names no family). Their strings are owned by the
 * instance (deep copies): a handle stays valid whatever is looked up
 * later. */
#include <grp.h>
#include <pwd.h>

#include "structs/structs_internal.h"

/* The catalog's components of 'passwd' (1003.9 clause 9.2.2), every one
 * pwd.struct_passwd has. */
static const struct pxf_field passwd_fields[] = {
    PXF_STRPTR_FIELD(struct passwd, pw_name),
    PXF_STRPTR_FIELD(struct passwd, pw_passwd),
    PXF_INT_FIELD(struct passwd, pw_uid, uid_t),
    PXF_INT_FIELD(struct passwd, pw_gid, gid_t),
    PXF_STRPTR_FIELD(struct passwd, pw_gecos),
    PXF_STRPTR_FIELD(struct passwd, pw_dir),
    PXF_STRPTR_FIELD(struct passwd, pw_shell),
};

/* 'group' (clause 9.2.1): gr_mem is read one member at a time with
 * PXFESTRGET, and gr_nmem counts them (the catalog's computed component).
 * gr_passwd, which 1003.9 leaves out, is there as grp.struct_group has it. */
static const struct pxf_field group_fields[] = {
    PXF_STRPTR_FIELD(struct group, gr_name),
    PXF_STRPTR_FIELD(struct group, gr_passwd),
    PXF_INT_FIELD(struct group, gr_gid, gid_t),
    PXF_STRVEC_FIELD(struct group, gr_mem),
    PXF_COUNT_FIELD("gr_nmem", struct group, gr_mem),
};

static const struct pxf_struct_type passwd_type =
    PXF_STRUCT_TYPE("passwd", struct passwd, passwd_fields);
static const struct pxf_struct_type group_type =
    PXF_STRUCT_TYPE("group", struct group, group_fields);

/* Registered when the library is loaded (a static program has this file
 * too: libpxf.a is prelinked, meson.build). */
__attribute__((constructor)) static void register_struct_types(void)
{
    pxf_struct_type_register(&passwd_type);
    pxf_struct_type_register(&group_type);
}
