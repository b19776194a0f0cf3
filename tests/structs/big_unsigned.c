/* big_unsigned LIBPXF: a 'stat' handle whose st_ino is 2**63 + 5, as
 * overlayfs with xino can report, read with PXFINT8GET (the Fortran
 * external, default INTEGER handle and IERROR) and pxf_intget: EOVERFLOW
 * and -1, never a negative inode number. The structure is filled through
 * the library's internal pxf_handle_store (a symbol of libpxf, on
 * purpose: no file on this machine has such an inode). key=value lines. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cases.h"

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL)
        return 99;
    int (*create)(const char *, int *) = (int (*)(const char *, int *))dlsym(lib, "pxf_structcreate");
    int (*store)(int, const char *, const void *) =
        (int (*)(int, const char *, const void *))dlsym(lib, "pxf_handle_store");
    int (*intget)(int, const char *, long long *) =
        (int (*)(int, const char *, long long *))dlsym(lib, "pxf_intget");
    void (*int8get)(int *, const char *, long long *, int *, size_t) =
        (void (*)(int *, const char *, long long *, int *, size_t))dlsym(lib, "pxfint8get_");
    if (!create || !store || !intget || !int8get)
        die("dlsym");
    int h;
    if (create("stat", &h) != 0)
        die("pxf_structcreate");
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_ino = ((ino_t)1 << 63) + 5;
    st.st_size = 7;
    printf("store=%s\n", ename(store(h, "stat", &st)));
    long long v = 12345;
    int err = intget(h, "st_ino", &v);
    printf("c=%lld %s\n", v, ename(err));
    int ierror = 0;
    v = 12345;
    int8get(&h, "st_ino", &v, &ierror, strlen("st_ino"));
    printf("fortran=%lld %s\n", v, ename(ierror));
    v = 12345;
    int8get(&h, "st_size", &v, &ierror, strlen("st_size"));
    printf("size=%lld %s\n", v, ename(ierror));
    return 0;
}
