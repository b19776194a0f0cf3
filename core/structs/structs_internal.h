/* structs_internal.h - the registry of C structures reachable through handles
 * (not installed). One descriptor per structure; one row per component. */
#ifndef PXF_STRUCTS_INTERNAL_H
#define PXF_STRUCTS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

enum pxf_field_kind { PXF_FIELD_INT, PXF_FIELD_STR };

struct pxf_field {
    const char *name;
    enum pxf_field_kind kind;
    size_t offset;
    size_t size;     /* bytes of the integer, or capacity of the char array */
    bool is_signed;  /* integers only */
};

struct pxf_struct_type {
    const char *name;
    size_t size;
    const struct pxf_field *fields;
    size_t nfields;
};

const struct pxf_struct_type *pxf_struct_type_find(const char *name);
const struct pxf_field *pxf_struct_field_find(const struct pxf_struct_type *t,
                                              const char *name);

/* The handle table (table.c): while it returns 0, the table is locked and
 * *data points at the live instance of `type` (NULL: any type, and *type_out
 * tells which); release with pxf_handle_release(). */
int pxf_handle_acquire(int handle, const struct pxf_struct_type *type,
                       void **data, const struct pxf_struct_type **type_out);
void pxf_handle_release(void);

#endif
