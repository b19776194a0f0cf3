/* pxf/structs.h - 1003.9 structure handles (clause 8.3) and their users.
 *
 * A handle is a positive int naming an instance of a C structure kept by the
 * library. Handles stay small: slot index in the low 16 bits, a reuse count
 * in the next 15, so the first handles are 1, 2, 3 ... and a freed slot is
 * reused under a new number. A freed, stale (slot reused), never-created or
 * wrong-type handle gives PXF_EBADHANDLE; an unknown structure or component
 * name PXF_ENONAME; no free slot or memory PXF_ENOHANDLE. All functions are
 * thread-safe, and the table stays usable in a fork child.
 */
#ifndef PXF_STRUCTS_H
#define PXF_STRUCTS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int pxf_structcreate(const char *type, int *handle);
int pxf_structfree(int handle);

/* Deep copy of instance `from` into instance `to`; both must be of `type`. */
int pxf_structcopy(const char *type, int from, int to);

/* Integer components, as 64-bit values. Setting a value the C field cannot
 * hold gives EINVAL; a string component name gives PXF_ENONAME. A count
 * (gr_nmem of 'group') is read-only: setting it gives EINVAL. */
int pxf_intget(int handle, const char *component, long long *value);
int pxf_intset(int handle, const char *component, long long value);

/* String components. get copies at most cap bytes (no NUL added) and sets
 * *len to the full length; set takes len bytes (no NUL needed) and gives
 * EINVAL if the field cannot hold them or they contain a NUL (ENOMEM if a
 * string the instance owns, such as pw_name, cannot be copied). */
int pxf_strget(int handle, const char *component, char *buf, size_t cap,
               size_t *len);
int pxf_strset(int handle, const char *component, const char *value,
               size_t len);

/* String `index` (1-based) of a string-array component (gr_mem of
 * 'group'), as pxf_strget; an index outside 1 .. the number of strings
 * gives EINVAL. */
int pxf_estrget(int handle, const char *component, long long index, char *buf,
                size_t cap, size_t *len);

/* Integer-array components (c_cc of 'termios'), as 64-bit values.
 * aint: the whole array; n must be its number of elements, else
 * PXF_EARRAYLEN with nothing read or written. aintset stores nothing
 * unless every value fits the C element type (EINVAL). eint: element
 * `index` (1-based; outside 1 .. n: EINVAL), value before index as in
 * Cray's PXFEINTGET. A component that is not an integer array:
 * PXF_ENONAME. An unsigned 64-bit element above 2**63 - 1 reads as
 * EOVERFLOW (no such component exists today). */
int pxf_aintget(int handle, const char *component, long long *values, long long n);
int pxf_aintset(int handle, const char *component, const long long *values,
                long long n);
int pxf_eintget(int handle, const char *component, long long *value, long long index);
int pxf_eintset(int handle, const char *component, long long value, long long index);

#ifdef __cplusplus
}
#endif

#endif
