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

/* The process's identity (1003.9 clauses 4.2 and 4.3) and time(2): 0 or an
 * errno value. Ids and the time are long long so that no value is cut:
 * setuid/setgid take 0 .. 2^32 - 1 (else EINVAL). */
int pxf_getuid(long long *uid);
int pxf_geteuid(long long *uid);
int pxf_getgid(long long *gid);
int pxf_getegid(long long *gid);
int pxf_setuid(long long uid);
int pxf_setgid(long long gid);
int pxf_getpgrp(int *pgrp);
int pxf_setsid(int *sid);
int pxf_setpgid(int pid, int pgid);
int pxf_time(long long *seconds);

/* getgroups(2): size 0 sets only *ngroups; a list of size entries too
 * short for every group: EINVAL. */
int pxf_getgroups(int size, long long *list, int *ngroups);

/* getlogin_r(3): at most cap bytes of the login name (no NUL), *len its
 * full length; no login name: ENXIO, ENOTTY or ENOENT. */
int pxf_getlogin(char *buf, size_t cap, size_t *len);

/* localtime_r(3) of `seconds` in the zone TZ names, as PXFLOCALTIME fills
 * IATIME: sec, min, hour, mday, month 1-12, full year, wday 0 = Sunday,
 * yday 1-366, isdst. A TZ that is neither a zoneinfo file nor of the
 * POSIX form: EINVAL. */
int pxf_localtime(long long seconds, int fields[9]);

/* sysconf(3): *value is -1 for a variable without a limit; EINVAL for a
 * bad selector. */
int pxf_sysconf(int name, long long *value);

/* times(2) into a 'tms' structure handle; *ticks the clock ticks since an
 * arbitrary point in the past (sysconf(_SC_CLK_TCK) per second). */
int pxf_times(int handle, long long *ticks);

/* ctermid(3): at most cap bytes of the name (no NUL), *len its full length
 * (0: none known). */
int pxf_ctermid(char *buf, size_t cap, size_t *len);

/* isatty(3): *yes 1 or 0; EBADF for a descriptor that is not open. */
int pxf_isatty(int fd, int *yes);

/* The command line: *count the arguments after the program name; argument
 * index (0: the program name) copied as at most cap bytes (no NUL), *len
 * its full length; EINVAL for a negative index or one past the last. */
int pxf_argc(int *count);
int pxf_getarg(int index, char *buf, size_t cap, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
