/* consts_internal.h - the tables PXFCONST searches (not installed): its own,
 * generated from the system headers and <pxf/errors.h>, then those a fork
 * variant registers (rfork's RF* flags, numa's R_*, RAD_*, NSG_* ...), so
 * that this family names no variant and works, with its own table only, in
 * a build without them. */
#ifndef PXF_CONSTS_INTERNAL_H
#define PXF_CONSTS_INTERNAL_H

#include <stddef.h>

struct pxf_const_table {
    const char *owner;                /* "consts", "rfork", "numa" */
    const char *const *names;         /* sorted as strcmp() compares */
    size_t count;
    long long *values;                /* count slots, written by fill() */
    void (*fill)(long long *values);  /* evaluates every value, once, on
                                       * the table's first hit */
    /* Names with an argument, e.g. "RFTSIGFLAGS(12)": 0 and *value, an
     * error that is the lookup's result (EINVAL), or PXF_ENONAME: not one
     * of this table's, the next one is asked. NULL: none. */
    int (*parse)(const char *name, long long *value);
};

/* The descriptor of the table tools/gen_consts.py generated into the
 * header the .c file includes (PXF_CONST_COUNT, pxf_const_names,
 * pxf_const_values, pxf_const_fill). */
#define PXF_CONST_TABLE(owner, parse) \
    { owner, pxf_const_names, PXF_CONST_COUNT, pxf_const_values, pxf_const_fill, parse }

/* A fork variant registers its table from a constructor of its own. A
 * lookup searches this family's table, then the registered ones in the
 * order they were registered (by bsearch over each), then asks their
 * parse() in the same order; no two tables share a name (gen_consts.py
 * checks it when it generates them, and a registration that would make
 * one ambiguous is refused), so the order never changes a result. *table
 * must stay valid for the life of the process. 0, or EEXIST (the table,
 * or one of its names, is known already) or ENOSPC (PXF_CONST_TABLES_MAX
 * registered already). Thread-safe: pxf_const() sees a registered table
 * whole or not at all. */
#define PXF_CONST_TABLES_MAX 8
int pxf_const_register(const struct pxf_const_table *table);

#endif
