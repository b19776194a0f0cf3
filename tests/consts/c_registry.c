/* The consts family alone, with its generated table (no fork variant
 * linked), and tables registered through consts_internal.h. Prints
 * NAME=result lines. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <pxf/consts.h>
#include <pxf/errors.h>
#include "consts/consts_internal.h"

static void show(const char *name)
{
    long long v = 0;
    int err = pxf_const(name, &v);
    if (err)
        printf("%s=error %d\n", name, err);
    else
        printf("%s=%lld\n", name, v);
}

static const char *const toy_names[] = { "TOY_A", "TOY_B" };
static long long toy_values[2];
static int fills;
static void toy_fill(long long *v) { v[0] = 1; v[1] = 2; fills++; }
static int toy_parse(const char *name, long long *value)
{
    if (strncmp(name, "TOY(", 4) != 0)
        return PXF_ENONAME;
    if (strcmp(name, "TOY(7)") != 0)
        return EINVAL;
    *value = 7;
    return 0;
}
static const struct pxf_const_table toy = { "toy", toy_names, 2, toy_values, toy_fill, toy_parse };

static const char *const clash_names[] = { "SIGTERM" };
static long long clash_values[1];
static void clash_fill(long long *v) { v[0] = -1; }
static const struct pxf_const_table clash = { "clash", clash_names, 1, clash_values, clash_fill, NULL };

/* Tables of one name each, to fill the registry. */
static const char *const more_names[] = { "M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7" };
static long long more_values[8];
static void more_fill(long long *v) { v[0] = 0; }

int main(void)
{
    show("SIGTERM");
    show("RFPROC");
    show("RFTSIGFLAGS(1)");
    show("TOY(7)");
    printf("register=%d\n", pxf_const_register(&toy));
    printf("again=%d\n", pxf_const_register(&toy));
    printf("clash=%d\n", pxf_const_register(&clash));
    show("TOY_A");
    show("TOY_B");
    show("TOY(7)");
    show("TOY(8)");
    show("TOY_C");
    show("SIGTERM");
    printf("fills=%d\n", fills);
    /* the family's table and toy are two slots of 1 + PXF_CONST_TABLES_MAX */
    static struct pxf_const_table more[8];
    for (int i = 0; i < 8; i++) {
        more[i] = (struct pxf_const_table){ "more", &more_names[i], 1, &more_values[i],
                                            more_fill, NULL };
        printf("more%d=%d\n", i, pxf_const_register(&more[i]));
    }
    show("M6");
    return 0;
}
