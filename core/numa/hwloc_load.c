/* hwloc_load.c - dlopen of libhwloc on the first machine-topology query
 * and the table of its functions (see hwloc_load.h for why). */
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#include <pxf/numa.h>
#include "pxf_build_config.h"
#include "hwloc_load.h"

#if !PXF_HAVE_HWLOC || !defined(PXF_HWLOC_SONAME)
#error "meson builds this file only with hwloc, and sets PXF_HWLOC_SONAME, the soname of the libhwloc whose headers are used"
#endif

/* hwloc's symbol names, after its optional renaming (hwloc/rename.h). */
/* hwloc's API versions are 0xMMmmrr: the major version in the top byte. */
#define HWLOC_API_MAJOR(v) ((unsigned)(v) >> 16)

#define SYMBOL_STRING(s) #s
#define SYMBOL(s) SYMBOL_STRING(s)
#define HWLOC_LOOKUP(name) \
    if (err == 0) \
        err = set_function(lib, SYMBOL(hwloc_##name), &table.name, sizeof table.name);

static struct hwloc_api table;
static int load_error;
static char message[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Set the function pointer at slot to symbol (POSIX's way to turn
 * dlsym's void * into a function pointer). */
static int set_function(void *lib, const char *symbol, void *slot, size_t size)
{
    void *fn = dlsym(lib, symbol);
    if (fn == NULL || size != sizeof fn) {
        snprintf(message, sizeof message, "%s: no %s", PXF_HWLOC_SONAME, symbol);
        return ENOSYS;
    }
    memcpy(slot, &fn, sizeof fn);
    return 0;
}

/* Whether the program was linked statically (-static, -static-pie): then
 * it has no PT_INTERP, the kernel started it without ld.so. */
static int statically_linked(void)
{
    const ElfW(Phdr) *phdr = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    size_t count = getauxval(AT_PHNUM);
    if (phdr == NULL)
        return 0;
    for (size_t i = 0; i < count; i++)
        if (phdr[i].p_type == PT_INTERP)
            return 0;
    return 1;
}

static void load_hwloc(void)
{
    /* glibc's dlopen in a static program loads a second libc.so next to
     * the one linked in, and works only if both are the very same glibc
     * version: a static program moved to another system could crash
     * inside hwloc. So it does not load hwloc at all (ENOSYS, as without
     * hwloc); a topology file (PXF_NUMA_TOPOLOGY) still works. */
    if (statically_linked()) {
        snprintf(message, sizeof message, "%s",
                 "a statically linked program does not load " PXF_HWLOC_SONAME
                 " (dlopen from a static program needs the glibc it was linked with);"
                 " PXF_NUMA_TOPOLOGY can name a topology file");
        load_error = ENOSYS;
        return;
    }
    /* RTLD_LOCAL: hwloc's symbols stay out of the program's namespace. */
    void *lib = dlopen(PXF_HWLOC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *why = dlerror();
        snprintf(message, sizeof message, "%s", why ? why : PXF_HWLOC_SONAME ": cannot load");
        load_error = ENOSYS;
        return;
    }
    int err = 0;
    HWLOC_FUNCTIONS(HWLOC_LOOKUP)
    /* hwloc's rule: the same major API version as the headers (the
     * structures pxf reads are those of that major version). */
    if (err == 0 && HWLOC_API_MAJOR(table.get_api_version()) != HWLOC_API_MAJOR(HWLOC_API_VERSION)) {
        snprintf(message, sizeof message, "%s is hwloc API %#x, pxf was built for %#x",
                 PXF_HWLOC_SONAME, table.get_api_version(), (unsigned)HWLOC_API_VERSION);
        err = ENOSYS;
    }
    if (err) {
        dlclose(lib);
        load_error = err;
    }
}

int numa_hwloc(const struct hwloc_api **api)
{
    pthread_once(&once, load_hwloc);
    if (load_error)
        return load_error;
    *api = &table;
    return 0;
}

const char *numa_hwloc_error(void)
{
    pthread_once(&once, load_hwloc);
    return message;
}

int pxf_numa_hwloc_status(char *buf, size_t len)
{
    const struct hwloc_api *api;
    int err = numa_hwloc(&api);
    if (buf != NULL && len > 0)
        snprintf(buf, len, "%s", err ? numa_hwloc_error() : PXF_HWLOC_SONAME);
    return err;
}
