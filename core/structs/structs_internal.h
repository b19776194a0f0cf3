/* structs_internal.h - the registry of C structures reachable through handles
 * (not installed). One descriptor per structure; one row per component. */
#ifndef PXF_STRUCTS_INTERNAL_H
#define PXF_STRUCTS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* What a component is. Bits, so an accessor can accept several: the
 * string accessors read STR and STRPTR alike, the integer ones INT and
 * COUNT. */
enum pxf_field_kind {
    PXF_FIELD_INT = 1,     /* an integer of `size` bytes */
    PXF_FIELD_STR = 2,     /* a char array of `size` bytes, NUL-terminated */
    PXF_FIELD_STRPTR = 4,  /* a char * the instance owns (NULL reads as "") */
    PXF_FIELD_STRVEC = 8,  /* a NULL-terminated char ** the instance owns,
                              with its strings (NULL: no strings) */
    PXF_FIELD_COUNT = 16,  /* read-only integer: the number of strings of
                              the STRVEC at the same offset */
    PXF_FIELD_INTARR = 32, /* `count` integers of `size` bytes each */
};

struct pxf_field {
    const char *name;
    enum pxf_field_kind kind;
    size_t offset;
    size_t size;     /* bytes of the integer (of one element of an
                        INTARR), or capacity of the char array */
    bool is_signed;  /* integers only */
    size_t count;    /* INTARR only: its number of elements */
};

struct pxf_struct_type {
    const char *name;
    size_t size;
    const struct pxf_field *fields;
    size_t nfields;
};

/* Descriptor rows: PXF_INT_FIELD(struct tms, tms_utime, clock_t) (ctype
 * gives the signedness), PXF_STR_FIELD(struct utsname, sysname) (a char
 * array), and the descriptor PXF_STRUCT_TYPE("tms", struct tms, fields). */
#define PXF_SIGNED_OF(ctype) ((ctype)-1 < (ctype)0)
#define PXF_INT_FIELD(st, member, ctype) \
    { #member, PXF_FIELD_INT, offsetof(st, member), \
      sizeof(((st *)0)->member), PXF_SIGNED_OF(ctype) }
#define PXF_STR_FIELD(st, member) \
    { #member, PXF_FIELD_STR, offsetof(st, member), \
      sizeof(((st *)0)->member), false }
/* An array of integers, PXF_INTARR_FIELD(struct termios, c_cc, cc_t):
 * element size and count from the member itself, so they follow the C
 * library (NCCS). */
#define PXF_INTARR_FIELD(st, member, ctype) \
    { #member, PXF_FIELD_INTARR, offsetof(st, member), \
      sizeof(((st *)0)->member[0]), PXF_SIGNED_OF(ctype), \
      sizeof(((st *)0)->member) / sizeof(((st *)0)->member[0]) }
/* Owned memory: PXF_STRPTR_FIELD(struct passwd, pw_name),
 * PXF_STRVEC_FIELD(struct group, gr_mem) and its count under a name of its
 * own, PXF_COUNT_FIELD("gr_nmem", struct group, gr_mem). An instance with
 * such components owns what they point to: freeing it frees them, copying
 * it (PXFSTRUCTCOPY, pxf_handle_store) copies them. */
#define PXF_STRPTR_FIELD(st, member) \
    { #member, PXF_FIELD_STRPTR, offsetof(st, member), sizeof(char *), false }
#define PXF_STRVEC_FIELD(st, member) \
    { #member, PXF_FIELD_STRVEC, offsetof(st, member), sizeof(char **), false }
#define PXF_COUNT_FIELD(name, st, member) \
    { name, PXF_FIELD_COUNT, offsetof(st, member), sizeof(char **), false }
#define PXF_STRUCT_TYPE(name, ctype, fields) \
    { name, sizeof(ctype), fields, sizeof(fields) / sizeof((fields)[0]) }

/* The built-in structures (types.c), then those registered. */
const struct pxf_struct_type *pxf_struct_type_find(const char *name);
const struct pxf_field *pxf_struct_field_find(const struct pxf_struct_type *t,
                                              const char *name);

/* Structures a fork variant adds: it registers them from a constructor of
 * its own, so that this family names no variant and works, with its
 * built-in structures only, in a build without them. *type must stay
 * valid for the life of the process. 0, or EEXIST (a structure of that
 * name is known) or ENOSPC (PXF_STRUCT_TYPES_MAX registered already).
 * Thread-safe: pxf_struct_type_find() sees a registered type whole or not
 * at all. */
#define PXF_STRUCT_TYPES_MAX 8
int pxf_struct_type_register(const struct pxf_struct_type *type);

/* The handle table (table.c): while it returns 0, the table is locked and
 * *data points at the live instance of `type` (NULL: any type, and *type_out
 * tells which); release with pxf_handle_release(). */
int pxf_handle_acquire(int handle, const struct pxf_struct_type *type,
                       void **data, const struct pxf_struct_type **type_out);
void pxf_handle_release(void);

/* Copy a whole C structure into the live instance a handle names, which
 * must be of the structure called type_name (its size is that structure's):
 * how the routines that fill a handle (PXFUNAME, PXFTIMES ...) store their
 * result. The strings owned components point to are copied (the value's
 * stay the caller's), and those the instance held are freed. 0,
 * EBADHANDLE, PXF_ENONAME for an unknown type_name, or ENOMEM (the
 * instance is then unchanged). */
int pxf_handle_store(int handle, const char *type_name, const void *value);

/* 0 when handle names a live instance of the structure type_name, else
 * EBADHANDLE (PXF_ENONAME for an unknown type_name): for a routine that
 * must refuse a bad handle before it does anything else. */
int pxf_handle_check(int handle, const char *type_name);

/* The converse of pxf_handle_store: copy the live instance a handle names
 * out into *value (a whole structure called type_name), so that the caller
 * can use it after the table's lock is released (a routine that may block, such as PXFFCNTL
 * with F_SETLKW, must never hold it). 0, EBADHANDLE or PXF_ENONAME; EINVAL
 * for a structure that owns memory (passwd, group), whose copy would share
 * its strings. */
int pxf_handle_load(int handle, const char *type_name, void *value);

/* Owned memory (owned.c). Whether a structure has owned components; a
 * deep copy of src into dst (dst's own memory is not looked at: free it
 * first), all of it or, with ENOMEM, nothing (dst's owned components
 * then NULL); freeing what an instance owns; the number of strings of a
 * vector. */
bool pxf_struct_owns_memory(const struct pxf_struct_type *t);
int pxf_struct_deep_copy(const struct pxf_struct_type *t, void *dst, const void *src);
void pxf_struct_free_owned(const struct pxf_struct_type *t, void *data);
size_t pxf_strvec_count(char *const *v);

#endif
