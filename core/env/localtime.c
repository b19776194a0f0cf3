/* localtime.c - PXFLOCALTIME (1003.9 clause 8.1.1): a time in seconds since
 * the Epoch broken down in the local time zone that TZ names.
 *
 * glibc quietly falls back to UTC for a TZ it cannot understand; Cray's
 * library validated TZ and gave EINVAL, which is what a program needs to
 * notice a typo before it stamps every record an hour off. So TZ is checked
 * here first, as glibc reads it (a leading ':' dropped): unset or empty
 * (glibc's default zone, and UTC), a zoneinfo file ("Europe/Paris",
 * "/etc/localtime": the file must exist and start with the TZif magic),
 * the POSIX form std offset [dst [offset] [,start[/time],end[/time]]], or
 * one of the names of UTC glibc knows without a file (UTC, GMT ...). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pxf/env.h>
#include "common/internal.h"

/* The default zoneinfo directory when TZDIR is unset (glibc's). */
#define ZONEINFO_DIR "/usr/share/zoneinfo"

/* A number of at most max_digits digits from min to max; advances *s. */
static bool number(const char **s, int max_digits, long min, long max)
{
    long v = 0;
    int digits = 0;
    while (isdigit((unsigned char)**s) && digits < max_digits) {
        v = v * 10 + (**s - '0');
        (*s)++;
        digits++;
    }
    return digits > 0 && v >= min && v <= max;
}

/* A zone abbreviation: three or more letters, or <...> of three or more
 * letters, digits, '+' or '-'. */
static bool zone_name(const char **s)
{
    const char *p = *s;
    if (*p == '<') {
        const char *q = ++p;
        while (isalnum((unsigned char)*q) || *q == '+' || *q == '-')
            q++;
        if (*q != '>' || q - p < 3)
            return false;
        *s = q + 1;
        return true;
    }
    while (isalpha((unsigned char)*p))
        p++;
    if (p - *s < 3)
        return false;
    *s = p;
    return true;
}

/* [+-]hh[:mm[:ss]], hours at most max_hours (24 for an offset, 167 for a
 * transition time). */
static bool clock_time(const char **s, int max_hours)
{
    if (**s == '+' || **s == '-')
        (*s)++;
    if (!number(s, 3, 0, max_hours))
        return false;
    for (int i = 0; i < 2 && **s == ':'; i++) {
        (*s)++;
        if (!number(s, 2, 0, 59))
            return false;
    }
    return true;
}

/* Jn (1-365), n (0-365) or Mm.w.d, then an optional /time. */
static bool rule_date(const char **s)
{
    bool ok;
    if (**s == 'J') {
        (*s)++;
        ok = number(s, 3, 1, 365);
    } else if (**s == 'M') {
        (*s)++;
        ok = number(s, 2, 1, 12) && *(*s)++ == '.' && number(s, 1, 1, 5)
             && *(*s)++ == '.' && number(s, 1, 0, 6);
    } else {
        ok = number(s, 3, 0, 365);
    }
    if (ok && **s == '/') {
        (*s)++;
        ok = clock_time(s, 167);
    }
    return ok;
}

static bool posix_form(const char *s)
{
    if (!zone_name(&s) || !clock_time(&s, 24))
        return false;
    if (*s == '\0')
        return true;
    if (!zone_name(&s))
        return false;
    if (*s != ',' && *s != '\0' && !clock_time(&s, 24))
        return false;
    if (*s == '\0')
        return true;
    return *s++ == ',' && rule_date(&s) && *s++ == ',' && rule_date(&s) && *s == '\0';
}

/* A compiled zone file: the path as glibc resolves it, starting "TZif". */
static bool zone_file(const char *name)
{
    if (*name == '\0')
        return false;
    char path[PATH_MAX];
    const char *dir = getenv("TZDIR");
    int n = name[0] == '/' ? snprintf(path, sizeof path, "%s", name)
                           : snprintf(path, sizeof path, "%s/%s",
                                      dir && *dir ? dir : ZONEINFO_DIR, name);
    if (n < 0 || (size_t)n >= sizeof path)
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    char magic[4];
    bool ok = read(fd, magic, sizeof magic) == sizeof magic && memcmp(magic, "TZif", 4) == 0;
    close(fd);
    return ok;
}

/* The names of UTC that glibc knows without a zone file (a minimal image
 * without tzdata, where TZ=UTC is common). */
static bool utc_name(const char *name)
{
    static const char *const names[] = {"UTC", "UCT", "GMT", "Universal", "Zulu"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

/* As glibc reads TZ: a leading ':' dropped, then a zone file, then the
 * POSIX form. */
static bool tz_valid(void)
{
    const char *tz = getenv("TZ");
    if (tz == NULL)
        return true;
    const char *name = tz + (*tz == ':');
    return *name == '\0' || zone_file(name) || posix_form(name) || utc_name(name);
}

int pxf_localtime(long long seconds, int fields[9])
{
    if (!tz_valid())
        return EINVAL;
    time_t t = (time_t)seconds;
    if ((long long)t != seconds)
        return EOVERFLOW;
    /* localtime_r need not read TZ again (glibc's reads it once): tzset
     * makes a TZ changed since (PXFSETENV, setenv) count. */
    tzset();
    struct tm tm;
    if (localtime_r(&t, &tm) == NULL || tm.tm_year > INT_MAX - 1900)
        return EOVERFLOW;                        /* a year beyond int */
    int out[9] = {tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon + 1,
                  tm.tm_year + 1900, tm.tm_wday, tm.tm_yday + 1, tm.tm_isdst};
    memcpy(fields, out, sizeof out);
    return 0;
}
