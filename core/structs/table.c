/* table.c - the structure-handle table and component access.
 *
 * Slots live in one growable array guarded by one mutex. A handle is
 * (reuse count << 16) | slot index, index >= 1, so handle values stay
 * positive int32 and a stale handle to a reused slot no longer matches.
 * Freed slots are kept on a LIFO free list and reused first.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/errors.h>
#include <pxf/structs.h>
#include "common/fork_registry.h"
#include "common/internal.h"
#include "structs/structs_internal.h"

#define INDEX_BITS 16
#define MAX_SLOTS ((1 << INDEX_BITS) - 1)   /* index 0 is never used */
#define GEN_BITS (31 - INDEX_BITS)          /* the rest of a positive int32 */
#define GEN_MASK ((1u << GEN_BITS) - 1)
#define INITIAL_SLOTS 64                    /* then doubled as needed */

struct slot {
    void *data;                          /* NULL: slot free */
    const struct pxf_struct_type *type;
    unsigned gen;
    int next_free;                       /* free-list link, 0 = end */
};

static void reset_table(void);
static struct pxf_fork_lock table_lock = PXF_FORK_LOCK_INIT(reset_table);
static struct slot *slots;               /* slots[0] unused */
static int slots_used;                   /* highest index handed out */
static int slots_cap;
static int free_head;

static void lock_table(void) { pxf_fork_lock_lock(&table_lock); }
static void unlock_table(void) { pxf_fork_lock_unlock(&table_lock); }

/* A fork while another thread holds the lock would leave the child's copy
 * locked forever; every fork (ours, os.fork, anyone's) takes it once the
 * table is in use (fork_registry.h: before that, forks leave it alone). */

/* In a child of the race of fork_registry.h: the table as it was before
 * its first use (the parent's memory stays where it is). */
static void reset_table(void)
{
    slots = NULL;
    slots_used = slots_cap = free_head = 0;
}

__attribute__((constructor)) static void register_fork_lock(void)
{
    pxf_fork_register_lock(&table_lock);
}

static int make_handle(int index)
{
    return (int)((slots[index].gen & GEN_MASK) << INDEX_BITS) | index;
}

/* The slot a handle names, or 0 if it names none. Table locked. */
static int live_index(int handle)
{
    if (handle <= 0)
        return 0;
    int index = handle & MAX_SLOTS;
    unsigned gen = (unsigned)handle >> INDEX_BITS;
    if (index == 0 || index > slots_used)
        return 0;
    if (slots[index].data == NULL || (slots[index].gen & GEN_MASK) != gen)
        return 0;
    return index;
}

/* A free slot index (grows the table), or 0. Table locked. */
static int take_slot(void)
{
    if (free_head != 0) {
        int index = free_head;
        free_head = slots[index].next_free;
        return index;
    }
    if (slots_used == MAX_SLOTS)
        return 0;
    if (slots_used + 1 >= slots_cap) {
        int cap = slots_cap ? slots_cap * 2 : INITIAL_SLOTS;
        if (cap > MAX_SLOTS + 1)
            cap = MAX_SLOTS + 1;
        struct slot *grown = realloc(slots, (size_t)cap * sizeof *grown);
        if (grown == NULL)
            return 0;
        memset(grown + slots_cap, 0, (size_t)(cap - slots_cap) * sizeof *grown);
        slots = grown;
        slots_cap = cap;
    }
    return ++slots_used;
}

int pxf_structcreate(const char *type_name, int *handle)
{
    const struct pxf_struct_type *type = pxf_struct_type_find(type_name);
    if (type == NULL)
        return PXF_ENONAME;
    void *data = calloc(1, type->size);
    if (data == NULL)
        return PXF_ENOHANDLE;
    lock_table();
    int index = take_slot();
    if (index == 0) {
        unlock_table();
        free(data);
        return PXF_ENOHANDLE;
    }
    slots[index].data = data;
    slots[index].type = type;
    *handle = make_handle(index);
    unlock_table();
    return 0;
}

int pxf_structfree(int handle)
{
    lock_table();
    int index = live_index(handle);
    if (index == 0) {
        unlock_table();
        return PXF_EBADHANDLE;
    }
    void *data = slots[index].data;
    const struct pxf_struct_type *type = slots[index].type;
    slots[index].data = NULL;
    slots[index].type = NULL;
    slots[index].gen = (slots[index].gen + 1) & GEN_MASK;
    slots[index].next_free = free_head;
    free_head = index;
    unlock_table();
    pxf_struct_free_owned(type, data);
    free(data);
    return 0;
}

int pxf_handle_acquire(int handle, const struct pxf_struct_type *type,
                       void **data, const struct pxf_struct_type **type_out)
{
    lock_table();
    int index = live_index(handle);
    if (index == 0 || (type != NULL && slots[index].type != type)) {
        unlock_table();
        return PXF_EBADHANDLE;
    }
    *data = slots[index].data;
    if (type_out != NULL)
        *type_out = slots[index].type;
    return 0;
}

void pxf_handle_release(void)
{
    unlock_table();
}

/* Exchange the bytes of two instances of one structure. */
static void swap_bytes(void *a, void *b, size_t n)
{
    unsigned char *p = a, *q = b;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        p[i] = q[i];
        q[i] = c;
    }
}

/* Free what `old` holds (an instance's former contents) and `old`. */
static void discard(const struct pxf_struct_type *type, void *old)
{
    if (old != NULL)
        pxf_struct_free_owned(type, old);
    free(old);
}

int pxf_handle_store(int handle, const char *type_name, const void *value)
{
    const struct pxf_struct_type *type = pxf_struct_type_find(type_name);
    if (type == NULL)
        return PXF_ENONAME;   /* a caller's typo: NULL would accept any type */
    /* The copy of the value's strings is made before the table is locked:
     * they are the caller's. */
    void *fresh = NULL;
    if (pxf_struct_owns_memory(type)) {
        fresh = malloc(type->size);
        if (fresh == NULL)
            return ENOMEM;
        if (pxf_struct_deep_copy(type, fresh, value) != 0) {
            free(fresh);
            return ENOMEM;
        }
    }
    void *data;
    int err = pxf_handle_acquire(handle, type, &data, NULL);
    if (err != 0) {
        discard(type, fresh);
        return err;
    }
    /* The instance gets the copy, `fresh` what the instance held, freed
     * once the table is unlocked. */
    if (fresh != NULL)
        swap_bytes(data, fresh, type->size);
    else
        memcpy(data, value, type->size);
    pxf_handle_release();
    discard(type, fresh);
    return 0;
}

int pxf_handle_check(int handle, const char *type_name)
{
    const struct pxf_struct_type *type = pxf_struct_type_find(type_name);
    if (type == NULL)
        return PXF_ENONAME;
    void *data;
    int err = pxf_handle_acquire(handle, type, &data, NULL);
    if (err == 0)
        pxf_handle_release();
    return err;
}

/* The converse of pxf_handle_store, for a structure that owns no memory
 * (its copy would share the instance's strings): the live instance copied
 * out, so that the caller can use it after the table's lock is released. */
int pxf_handle_load(int handle, const char *type_name, void *value)
{
    const struct pxf_struct_type *type = pxf_struct_type_find(type_name);
    if (type == NULL)
        return PXF_ENONAME;
    if (pxf_struct_owns_memory(type))
        return EINVAL;
    void *data;
    int err = pxf_handle_acquire(handle, type, &data, NULL);
    if (err != 0)
        return err;
    memcpy(value, data, type->size);
    pxf_handle_release();
    return 0;
}

int pxf_structcopy(const char *type_name, int from, int to)
{
    const struct pxf_struct_type *type = pxf_struct_type_find(type_name);
    if (type == NULL)
        return PXF_ENONAME;
    bool deep = pxf_struct_owns_memory(type);
    void *fresh = deep ? malloc(type->size) : NULL;
    if (deep && fresh == NULL)
        return ENOMEM;
    void *src, *dst;
    int err = pxf_handle_acquire(from, type, &src, NULL);
    if (err != 0) {
        free(fresh);
        return err;
    }
    /* The table lock is held: look the second handle up directly. */
    int index = live_index(to);
    if (index == 0 || slots[index].type != type) {
        pxf_handle_release();
        free(fresh);
        return PXF_EBADHANDLE;
    }
    dst = slots[index].data;
    if (dst == src) {
        pxf_handle_release();
        free(fresh);
        return 0;
    }
    if (!deep) {
        memcpy(dst, src, type->size);
        pxf_handle_release();
        return 0;
    }
    /* The source's strings are only stable while the table is locked. */
    if (pxf_struct_deep_copy(type, fresh, src) != 0) {
        pxf_handle_release();
        free(fresh);
        return ENOMEM;
    }
    swap_bytes(dst, fresh, type->size);
    pxf_handle_release();
    discard(type, fresh);
    return 0;
}

/* Locked access to one component of one of the expected kinds (a mask
 * of enum pxf_field_kind). */
static int acquire_field(int handle, const char *component,
                         unsigned kinds, char **base,
                         const struct pxf_field **field)
{
    const struct pxf_struct_type *type;
    void *data;
    int err = pxf_handle_acquire(handle, NULL, &data, &type);
    if (err != 0)
        return err;
    const struct pxf_field *f = pxf_struct_field_find(type, component);
    if (f == NULL || (f->kind & kinds) == 0) {
        pxf_handle_release();
        return PXF_ENONAME;
    }
    *base = (char *)data + f->offset;
    *field = f;
    return 0;
}

static long long load_int(const char *p, size_t size, bool is_signed)
{
    switch (size) {
    case 1: return is_signed ? (long long)*(const int8_t *)p : (long long)*(const uint8_t *)p;
    case 2: return is_signed ? (long long)*(const int16_t *)p : (long long)*(const uint16_t *)p;
    case 4: return is_signed ? (long long)*(const int32_t *)p : (long long)*(const uint32_t *)p;
    default: return *(const int64_t *)p;
    }
}

/* Whether v, just loaded from an integer of f, is an unsigned 64-bit
 * value at or above 2**63 (an st_ino from overlayfs' xino, say), which has
 * no long long: EOVERFLOW, never read back as a negative number. */
static bool beyond_long_long(const struct pxf_field *f, long long v)
{
    return f->size >= sizeof(long long) && !f->is_signed && v < 0;
}

static bool fits(long long v, size_t size, bool is_signed)
{
    if (size >= sizeof(long long))
        return is_signed || v >= 0;
    long long bits = (long long)size * CHAR_BIT;
    if (is_signed)
        return v >= -(1LL << (bits - 1)) && v < (1LL << (bits - 1));
    return v >= 0 && v < (1LL << bits);
}

static void store_int(char *p, size_t size, long long v)
{
    switch (size) {
    case 1: *(int8_t *)p = (int8_t)v; break;
    case 2: *(int16_t *)p = (int16_t)v; break;
    case 4: *(int32_t *)p = (int32_t)v; break;
    default: *(int64_t *)p = (int64_t)v; break;
    }
}

int pxf_intget(int handle, const char *component, long long *value)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_INT | PXF_FIELD_COUNT, &p, &f);
    if (err != 0)
        return err;
    if (f->kind == PXF_FIELD_COUNT) {
        *value = (long long)pxf_strvec_count(*(char **const *)p);
        pxf_handle_release();
        return 0;
    }
    *value = load_int(p, f->size, f->is_signed);
    bool too_big = beyond_long_long(f, *value);
    pxf_handle_release();
    if (too_big) {
        *value = -1;
        return EOVERFLOW;
    }
    return 0;
}

int pxf_intset(int handle, const char *component, long long value)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_INT | PXF_FIELD_COUNT, &p, &f);
    if (err != 0)
        return err;
    /* A count follows its strings: it cannot be set. */
    if (f->kind == PXF_FIELD_INT && fits(value, f->size, f->is_signed))
        store_int(p, f->size, value);
    else
        err = EINVAL;
    pxf_handle_release();
    return err;
}

int pxf_strget(int handle, const char *component, char *buf, size_t cap,
               size_t *len)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_STR | PXF_FIELD_STRPTR, &p, &f);
    if (err != 0)
        return err;
    if (f->kind == PXF_FIELD_STRPTR) {
        const char *s = *(char **)p;
        pxf_copy_out(s != NULL ? s : "", s != NULL ? strlen(s) : 0, buf, cap, len);
    } else {
        pxf_copy_out(p, strnlen(p, f->size), buf, cap, len);
    }
    pxf_handle_release();
    return 0;
}

int pxf_estrget(int handle, const char *component, long long index, char *buf,
                size_t cap, size_t *len)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_STRVEC, &p, &f);
    if (err != 0)
        return err;
    char **v = *(char ***)p;
    if (index >= 1 && (unsigned long long)index <= pxf_strvec_count(v))
        pxf_copy_out(v[index - 1], strlen(v[index - 1]), buf, cap, len);
    else
        err = EINVAL;
    pxf_handle_release();
    return err;
}

int pxf_strset(int handle, const char *component, const char *value,
               size_t len)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_STR | PXF_FIELD_STRPTR, &p, &f);
    if (err != 0)
        return err;
    char *old = NULL;
    /* The field must keep its terminating NUL; an embedded NUL would make
     * the stored value differ from what was asked. */
    if (memchr(value, '\0', len) != NULL) {
        err = EINVAL;
    } else if (f->kind == PXF_FIELD_STRPTR) {
        char *copy = strndup(value, len);
        if (copy == NULL) {
            err = ENOMEM;
        } else {
            old = *(char **)p;
            *(char **)p = copy;
        }
    } else if (len >= f->size) {
        err = EINVAL;
    } else {
        memcpy(p, value, len);
        memset(p + len, 0, f->size - len);
    }
    pxf_handle_release();
    free(old);
    return err;
}

/* Integer arrays (PXF_FIELD_INTARR). */

/* Load n elements from p into out; EOVERFLOW for one no long long holds. */
static int load_elements(const struct pxf_field *f, const char *p, long long *out,
                         size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = load_int(p + i * f->size, f->size, f->is_signed);
        if (beyond_long_long(f, out[i]))
            return EOVERFLOW;
    }
    return 0;
}

/* Store n values at p, all or nothing: EINVAL, and nothing stored, when
 * one does not fit the element type. */
static int store_elements(const struct pxf_field *f, char *p, const long long *in,
                          size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!fits(in[i], f->size, f->is_signed))
            return EINVAL;
    for (size_t i = 0; i < n; i++)
        store_int(p + i * f->size, f->size, in[i]);
    return 0;
}

/* The four accessors: the whole array (whole; `at` must be its number of
 * elements, else PXF_EARRAYLEN, so that exactly that many are moved:
 * Cray's moved one past both) or element `at` (1-based; outside the array
 * EINVAL), read into `out` or, where `in` is not NULL, written from it. */
static int transfer(int handle, const char *component, bool whole, long long at,
                    long long *out, const long long *in)
{
    char *p;
    const struct pxf_field *f;
    int err = acquire_field(handle, component, PXF_FIELD_INTARR, &p, &f);
    if (err != 0)
        return err;
    size_t n = whole ? f->count : 1;
    if (whole && at != (long long)f->count)
        err = PXF_EARRAYLEN;
    else if (!whole && (at < 1 || (unsigned long long)at > f->count))
        err = EINVAL;
    else if (!whole)
        p += (size_t)(at - 1) * f->size;
    if (err == 0)
        err = in != NULL ? store_elements(f, p, in, n) : load_elements(f, p, out, n);
    pxf_handle_release();
    return err;
}

int pxf_aintget(int handle, const char *component, long long *values, long long n)
{
    return transfer(handle, component, true, n, values, NULL);
}

int pxf_aintset(int handle, const char *component, const long long *values,
                long long n)
{
    return transfer(handle, component, true, n, NULL, values);
}

int pxf_eintget(int handle, const char *component, long long *value, long long index)
{
    return transfer(handle, component, false, index, value, NULL);
}

int pxf_eintset(int handle, const char *component, long long value, long long index)
{
    return transfer(handle, component, false, index, NULL, &value);
}
