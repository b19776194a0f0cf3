/* migrate.c - RAD_MIGRATE in an nfork child: its already-resident private
 * pages move to its home node.
 *
 * Right after fork every private page is shared copy-on-write with the
 * parent, and the kernel migrates a shared page only for a caller with
 * CAP_SYS_NICE, moving it for the parent too. So the child first writes
 * each resident page of its private writable mappings back to itself:
 * the copy the kernel makes lands on the home node by the child's memory
 * policy, and the parent keeps its own page. migrate_pages(2) then moves
 * what the child alone maps. The child is single-threaded here; signals
 * are blocked while pages are touched. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "common/internal.h"
#include "kernel.h"
#include "numa_internal.h"

static bool movable(const char *perms, const char *path)
{
    if (perms[1] != 'w' || perms[3] != 'p')
        return false;              /* read-only or shared by design */
    /* device memory (GPU, MMIO) is not the kernel's to copy */
    return !pxf_prefix(path, "/dev/") || pxf_prefix(path, "/dev/zero");
}

/* mincore(2) over at most this many pages at a time: a mapping may be
 * a reservation of terabytes with few pages resident. */
#define MINCORE_CHUNK ((size_t)1 << 20)
/* mincore(2): bit 0 of a page's byte says it is resident. */
#define MINCORE_RESIDENT 1

/* A line of /proc/self/maps (proc(5)): the address range, permissions,
 * offset, device and inode take under MAPS_FIELDS_MAX bytes, then the path
 * (read up to MAPS_PATH_WIDTH bytes: PATH_MAX with its NUL). */
#define MAPS_FIELDS_MAX 128
#define MAPS_PATH_WIDTH 4095
#define MAPS_STR(n) #n
#define MAPS_WIDTH(n) MAPS_STR(n)

/* Writing each resident page back to itself reads and writes memory the
 * program does not own in the C sense (heap redzones and freed blocks,
 * AddressSanitizer's shadow of the whole address space): a page-level
 * operation, like a garbage collector's scan, that a sanitized build must
 * not check byte by byte. */
#if defined(__has_attribute)
#if __has_attribute(no_sanitize_address)
__attribute__((no_sanitize_address))
#endif
#endif
static void touch_resident(char *start, size_t len, size_t page, unsigned char *vec)
{
    for (size_t done = 0; done < len;) {
        size_t pages = (len - done) / page;
        if (pages > MINCORE_CHUNK)
            pages = MINCORE_CHUNK;
        if (mincore(start + done, pages * page, vec) != 0)
            return;
        for (size_t i = 0; i < pages; i++)
            if (vec[i] & MINCORE_RESIDENT) {
                volatile char *p = start + done + i * page;
                *p = *p;
            }
        done += pages * page;
    }
}

int numa_migrate_self(int node)
{
    FILE *maps = fopen("/proc/self/maps", "re");
    if (maps == NULL)
        return errno;
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *vec = malloc(MINCORE_CHUNK);
    char line[MAPS_FIELDS_MAX + MAPS_PATH_WIDTH + 1];
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[5] = "", path[MAPS_PATH_WIDTH + 1] = "";
        if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %" MAPS_WIDTH(MAPS_PATH_WIDTH) "s",
                   &lo, &hi, perms, path) < 3)
            continue;
        if (movable(perms, path) && vec != NULL)
            touch_resident((char *)lo, hi - lo, page, vec);
    }
    free(vec);
    fclose(maps);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return migrate_all_to(0, node) < 0 ? errno : 0;
}
