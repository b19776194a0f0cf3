/* cmdline.c - the command line (PXFGETARG, IPXFARGC): the process's own
 * arguments from /proc/self/cmdline, which is what the Fortran runtime's
 * GET_COMMAND_ARGUMENT reads in a Fortran program, and, in a Python
 * process, the interpreter's argv. Read whole on each call (bounded by
 * the kernel's ARG_MAX), so a long argument is never cut. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pxf/env.h>
#include "common/internal.h"

/* The NUL-separated arguments, malloc'ed; *len their total length. */
static int read_cmdline(char **out, size_t *len)
{
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return errno;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int err = buf ? 0 : ENOMEM;
    while (err == 0) {
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                err = ENOMEM;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno != EINTR)
            err = errno;
        else if (got == 0)
            break;
        else if (got > 0)
            n += (size_t)got;
    }
    close(fd);
    if (err != 0) {
        free(buf);
        return err;
    }
    *out = buf;
    *len = n;
    return 0;
}

int pxf_argc(int *count)
{
    char *buf;
    size_t len;
    int err = read_cmdline(&buf, &len);
    if (err != 0)
        return err;
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += buf[i] == '\0';
    free(buf);
    *count = n > 0 ? n - 1 : 0;   /* the program name is not counted */
    return 0;
}

int pxf_getarg(int index, char *out, size_t cap, size_t *outlen)
{
    if (index < 0)
        return EINVAL;
    char *buf;
    size_t len;
    int err = read_cmdline(&buf, &len);
    if (err != 0)
        return err;
    size_t at = 0;
    for (int i = 0; i < index && at < len; i++)
        at += strnlen(buf + at, len - at) + 1;
    if (at >= len) {
        free(buf);
        return EINVAL;           /* past the last argument */
    }
    pxf_copy_out(buf + at, strnlen(buf + at, len - at), out, cap, outlen);
    free(buf);
    return 0;
}
