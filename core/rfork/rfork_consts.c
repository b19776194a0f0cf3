/* rfork_consts.c - the RF* flags of <pxf/rfork.h> and RFTSIGFLAGS(n) for
 * PXFCONST, registered with core/consts when the library is loaded
 * (core/consts names no fork variant). libpxf.a is prelinked
 * (meson.build), so a static program has this file, and runs its
 * constructor, whatever it calls. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/consts.h>
#include <pxf/errors.h>
#include <pxf/rfork.h>
#include "common/internal.h"
#include "consts/consts_internal.h"
#include "rfork/rfork_consts_table.h"  /* generated in the build tree */
#include "rfork_plan.h"

/* "RFTSIGFLAGS(12)" or "RFTSIGFLAGS(SIGUSR2)": the bits rfork's RFTSIGZMB
 * reads the exit signal from, as the C macro makes them, so Fortran can
 * IOR them into the flags. Signal numbers above MAX_EXIT_SIGNAL are EINVAL. */
#define RFTSIG_PREFIX "RFTSIGFLAGS("
/* The longest argument: a signal name (SIGRTMIN+30) or number, with room. */
#define RFTSIG_ARG_MAX 32
static int rftsigflags(const char *name, long long *value)
{
    size_t skip = pxf_prefix(name, RFTSIG_PREFIX);
    if (skip == 0)
        return PXF_ENONAME;
    const char *arg = name + skip;
    size_t len = strlen(arg);
    char inner[RFTSIG_ARG_MAX];
    if (len < 2 || arg[len - 1] != ')' || len - 1 >= sizeof inner)
        return PXF_ENONAME;
    memcpy(inner, arg, len - 1);
    inner[len - 1] = '\0';
    long long sig;
    char *end;
    if (inner[0] >= '0' && inner[0] <= '9') {
        sig = strtoll(inner, &end, 10);
        if (*end != '\0')
            return PXF_ENONAME;
    } else if (pxf_prefix(inner, "SIG") == 0 || pxf_const(inner, &sig) != 0) {
        return PXF_ENONAME;
    }
    if (sig < 0 || sig > MAX_EXIT_SIGNAL)
        return EINVAL;
    *value = RFTSIGFLAGS(sig);
    return 0;
}

static const struct pxf_const_table pxf_rfork_consts = PXF_CONST_TABLE("rfork", rftsigflags);

__attribute__((constructor)) static void register_consts(void)
{
    pxf_const_register(&pxf_rfork_consts);
}
