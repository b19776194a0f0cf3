/* owned.c - the memory an instance owns: the strings of its STRPTR
 * components and the vectors of its STRVEC components ('passwd' and
 * 'group' point at their strings, as the C structures do). Every
 * allocation is checked: a copy is made whole or not at all. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "structs/structs_internal.h"

#define OWNED (PXF_FIELD_STRPTR | PXF_FIELD_STRVEC)

static void **slot_of(const struct pxf_field *f, const void *data)
{
    return (void **)((char *)data + f->offset);
}

bool pxf_struct_owns_memory(const struct pxf_struct_type *t)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].kind & OWNED)
            return true;
    return false;
}

size_t pxf_strvec_count(char *const *v)
{
    size_t n = 0;
    while (v != NULL && v[n] != NULL)
        n++;
    return n;
}

static void free_strvec(char **v)
{
    for (size_t i = 0; v != NULL && v[i] != NULL; i++)
        free(v[i]);
    free(v);
}

void pxf_struct_free_owned(const struct pxf_struct_type *t, void *data)
{
    for (size_t i = 0; i < t->nfields; i++) {
        const struct pxf_field *f = &t->fields[i];
        void **slot = slot_of(f, data);
        if (f->kind == PXF_FIELD_STRPTR)
            free(*slot);
        else if (f->kind == PXF_FIELD_STRVEC)
            free_strvec(*slot);
        else
            continue;
        *slot = NULL;
    }
}

/* A copy of a NULL-terminated vector and its strings; NULL for NULL. */
static int copy_strvec(char *const *v, char ***out)
{
    *out = NULL;
    if (v == NULL)
        return 0;
    size_t n = pxf_strvec_count(v);
    char **copy = calloc(n + 1, sizeof *copy);
    if (copy == NULL)
        return ENOMEM;
    for (size_t i = 0; i < n; i++) {
        copy[i] = strdup(v[i]);
        if (copy[i] == NULL) {
            free_strvec(copy);     /* copy[i] is NULL: it ends there */
            return ENOMEM;
        }
    }
    *out = copy;
    return 0;
}

static int copy_field(const struct pxf_field *f, void *dst, const void *src)
{
    void *from = *slot_of(f, src);
    if (f->kind == PXF_FIELD_STRVEC)
        return copy_strvec(from, (char ***)slot_of(f, dst));
    if (from == NULL)
        return 0;
    char *s = strdup(from);
    *slot_of(f, dst) = s;
    return s == NULL ? ENOMEM : 0;
}

int pxf_struct_deep_copy(const struct pxf_struct_type *t, void *dst, const void *src)
{
    memcpy(dst, src, t->size);
    /* None of dst's owned components may point at src's memory, even for
     * a moment that a failure would make last. */
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].kind & OWNED)
            *slot_of(&t->fields[i], dst) = NULL;
    for (size_t i = 0; i < t->nfields; i++) {
        const struct pxf_field *f = &t->fields[i];
        if ((f->kind & OWNED) && copy_field(f, dst, src) != 0) {
            pxf_struct_free_owned(t, dst);
            return ENOMEM;
        }
    }
    return 0;
}
