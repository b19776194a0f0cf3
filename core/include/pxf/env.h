/* pxf/env.h - the process environment (1003.9 clause 4.6). */
#ifndef PXF_ENV_H
#define PXF_ENV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Copy at most cap bytes of the value of `name` into buf (no NUL added) and
 * set *len to the value's full length. EINVAL when the variable is unset or
 * the name is empty or contains '='. */
int pxf_getenv(const char *name, char *buf, size_t cap, size_t *len);

/* setenv(3): overwrite == 0 keeps an existing value. */
int pxf_setenv(const char *name, const char *value, int overwrite);

/* Remove every variable. */
int pxf_clearenv(void);

/* uname(2) into a 'utsname' structure handle (<pxf/structs.h>). */
int pxf_uname(int handle);

#ifdef __cplusplus
}
#endif

#endif
