/* ubsan_log_path.c - preloaded by tools/sanitize.sh after gcc's libasan and
 * libubsan: sends libubsan's reports to files named $PXF_UBSAN_LOG_PATH.<pid>.
 *
 * Both gcc runtimes carry their own copy of sanitizer_common, and both
 * export __sanitizer_set_report_path. When libubsan applies UBSAN_OPTIONS's
 * log_path it calls that function through the PLT, which resolves to
 * libasan's copy (loaded first): libubsan's own report file keeps writing
 * to stderr (GCC bug 94328, google/sanitizers#912). dlsym on libubsan's
 * handle finds libubsan's own copy, which is called here once at start. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>

__attribute__((constructor)) static void set_ubsan_log_path(void)
{
    const char *path = getenv("PXF_UBSAN_LOG_PATH");
    void *ubsan = dlopen("libubsan.so.1", RTLD_LAZY | RTLD_NOLOAD);
    if (path == NULL || ubsan == NULL)
        return;
    void (*set_path)(const char *) =
        (void (*)(const char *))dlsym(ubsan, "__sanitizer_set_report_path");
    if (set_path != NULL)
        set_path(path);
    dlclose(ubsan);
}
