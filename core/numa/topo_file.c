/* topo_file.c - a topology override file (docs/numa.md, "Topology
 * override"): the same decision code runs on RADs that a file describes,
 * so 2-, 4- and 8-RAD machines can be tested on one node.
 *
 *   # comment
 *   rad 0 cpus=0-3 node=0 physmem=16G freemem=12G load=20 distance=10,21
 *   rad 1 cpus=4-7 node=1 physmem=16G freemem=2G load=95 distance=21,10
 *   rad 2 state=offline
 *   device 0000:3b:00.0 rads=1
 *
 * distance lists the SLIT values (10 = local) to every rad line, in the
 * order of the rad lines; node is the Linux node the RAD's memory policy
 * names (default: its id); sizes take K, M, G, T (powers of 1024). Any
 * error in the file is EINVAL, a number that does not fit included; a
 * file that is not a regular file is EINVAL too (/dev/zero or a FIFO
 * would be read forever), and one over MAX_FILE bytes is EFBIG. */
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/internal.h"
#include "topology.h"

#define MAX_LINE 8192
#define MAX_FILE (1 << 20)       /* far above any real machine's description */

/* The fields of a PCI bus id: 16-bit domain, 8-bit bus, 5-bit device,
 * 3-bit function. */
#define PCI_DOMAIN_MAX 0xffff
#define PCI_BUS_MAX 0xff
#define PCI_DEVICE_MAX 0x1f
#define PCI_FUNCTION_MAX 7

struct parsed_rad {
    struct numa_rad rad;
    char distance[MAX_LINE];   /* the raw list, checked once all are read */
};

/* Bytes, with an optional K, M, G or T; EINVAL for anything that does
 * not fit a long long (strtoll saturates, and 16777216T would wrap to 0). */
static int parse_size(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (end == s || v < 0 || errno == ERANGE)
        return EINVAL;
    static const char units[] = "KMGT";
    const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (*end && (u == NULL || end[1] != '\0'))
        return EINVAL;
    for (const char *p = units; u && p <= u; p++) {
        if (v > LLONG_MAX / 1024)
            return EINVAL;
        v *= 1024;
    }
    *out = v;
    return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi)
        return EINVAL;
    *out = (int)v;
    return 0;
}

/* "dddd:bb:dd.f" or "bb:dd.f" (domain 0), in lower case; EINVAL else.
 * The fields are read as unsigned long (which saturates): into unsigned
 * int, a domain of 100000000 would wrap to 0000. */
int numa_normalize_busid(const char *in, char out[NUMA_BUSID_SIZE])
{
    unsigned long dom = 0, bus, dev, fn;
    char tail;
    if (sscanf(in, "%lx:%lx:%lx.%lx%c", &dom, &bus, &dev, &fn, &tail) != 4) {
        dom = 0;
        if (sscanf(in, "%lx:%lx.%lx%c", &bus, &dev, &fn, &tail) != 3)
            return EINVAL;
    }
    if (dom > PCI_DOMAIN_MAX || bus > PCI_BUS_MAX || dev > PCI_DEVICE_MAX || fn > PCI_FUNCTION_MAX)
        return EINVAL;
    snprintf(out, NUMA_BUSID_SIZE, "%04lx:%02lx:%02lx.%lx", dom, bus, dev, fn);
    return 0;
}

static int parse_rad(char *args, struct parsed_rad *p)
{
    char *save, *tok = strtok_r(args, " \t", &save);
    if (tok == NULL || parse_int(tok, 0, PXF_MAX_RADS - 1, &p->rad.id))
        return EINVAL;
    p->rad.online = true;
    p->rad.node = p->rad.id;
    p->rad.freemem = -1;
    bool has_cpus = false;
    while ((tok = strtok_r(NULL, " \t", &save)) != NULL) {
        char *val = strchr(tok, '=');
        if (val == NULL)
            return EINVAL;
        *val++ = '\0';
        int err;
        if (strcmp(tok, "cpus") == 0) {
            err = bits_parse_list(p->rad.cpus.bits, PXF_MAX_CPUS, val);
            has_cpus = true;
        } else if (strcmp(tok, "node") == 0) {
            err = parse_int(val, 0, PXF_MAX_RADS - 1, &p->rad.node);
        } else if (strcmp(tok, "physmem") == 0) {
            err = parse_size(val, &p->rad.physmem);
        } else if (strcmp(tok, "freemem") == 0) {
            err = parse_size(val, &p->rad.freemem);
        } else if (strcmp(tok, "load") == 0) {
            err = parse_int(val, 0, NUMA_LOAD_MAX, &p->rad.load);
        } else if (strcmp(tok, "distance") == 0) {
            err = strlen(val) < sizeof p->distance ? 0 : EINVAL;
            if (!err)
                strcpy(p->distance, val);
        } else if (strcmp(tok, "state") == 0) {
            err = strcmp(val, "online") == 0 ? 0 : strcmp(val, "offline") == 0 ? 0 : EINVAL;
            p->rad.online = strcmp(val, "online") == 0;
        } else {
            err = EINVAL;
        }
        if (err)
            return err;
    }
    if (p->rad.online && !has_cpus)
        return EINVAL;
    if (p->rad.freemem < 0)
        p->rad.freemem = p->rad.physmem;
    return p->rad.freemem > p->rad.physmem ? EINVAL : 0;
}

static int parse_device(char *args, struct numa_device *d)
{
    char *save, *tok = strtok_r(args, " \t", &save);
    if (tok == NULL || numa_normalize_busid(tok, d->busid))
        return EINVAL;
    tok = strtok_r(NULL, " \t", &save);
    size_t at = tok ? pxf_prefix(tok, "rads=") : 0;
    if (at == 0 || strtok_r(NULL, " \t", &save))
        return EINVAL;
    return bits_parse_list(d->rads.bits, PXF_MAX_RADS, tok + at);
}

static int by_id(const void *a, const void *b)
{
    return ((const struct parsed_rad *)a)->rad.id - ((const struct parsed_rad *)b)->rad.id;
}

/* Distances of RAD position i from its raw list (SLIT units). */
static int fill_distances(struct numa_topology *topo, const struct parsed_rad *p,
                          const int *line_order, int i)
{
    int n = topo->nrads;
    for (int j = 0; j < n; j++)
        topo->dist[i * n + j] = NUMA_DIST_DEFAULT(i, j);
    if (p->distance[0] == '\0')
        return 0;
    char list[MAX_LINE];
    strcpy(list, p->distance);
    char *save, *tok = strtok_r(list, ",", &save);
    for (int k = 0; k < n; k++, tok = strtok_r(NULL, ",", &save)) {
        int slit;
        if (tok == NULL || parse_int(tok, NUMA_SLIT_MIN, NUMA_SLIT_MAX, &slit))
            return EINVAL;
        topo->dist[i * n + line_order[k]] = slit * NUMA_SLIT_SCALE;
    }
    return tok == NULL ? 0 : EINVAL;
}

static int build(struct numa_topology *topo, struct parsed_rad *rads, int n)
{
    /* distance lists are in line order; positions are by id */
    int *line_order = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (line_order == NULL)
        return ENOMEM;
    int *ids = malloc(sizeof(int) * (size_t)(n ? n : 1));
    for (int k = 0; ids && k < n; k++)
        ids[k] = rads[k].rad.id;
    qsort(rads, (size_t)n, sizeof *rads, by_id);
    int err = ids ? 0 : ENOMEM;
    for (int k = 0; !err && k < n; k++) {
        if (k > 0 && rads[k].rad.id == rads[k - 1].rad.id)
            err = EINVAL;                       /* a RAD twice */
        for (int pos = 0; pos < n; pos++)
            if (rads[pos].rad.id == ids[k])
                line_order[k] = pos;
    }
    topo->nrads = n;
    topo->max_id = n ? rads[n - 1].rad.id + 1 : 0;
    topo->rads = calloc((size_t)(n ? n : 1), sizeof *topo->rads);
    topo->dist = calloc((size_t)(n ? n * n : 1), sizeof *topo->dist);
    if (!err && (topo->rads == NULL || topo->dist == NULL))
        err = ENOMEM;
    for (int i = 0; !err && i < n; i++) {
        topo->rads[i] = rads[i].rad;
        err = fill_distances(topo, &rads[i], line_order, i);
    }
    free(ids);
    free(line_order);
    return err;
}

/* The file, if it is a regular file of at most MAX_FILE bytes, opened
 * for reading. O_NONBLOCK: opening a FIFO must not wait for a writer;
 * O_NOCTTY: naming a terminal must not make it ours. */
static int open_file(const char *path, FILE **out)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno
            : !S_ISREG(st.st_mode) ? EINVAL
            : st.st_size > MAX_FILE ? EFBIG : 0;
    FILE *f = err ? NULL : fdopen(fd, "r");
    if (!err && f == NULL)
        err = errno;
    if (err) {
        close(fd);
        return err;
    }
    *out = f;
    return 0;
}

int numa_load_file(struct numa_topology *topo, const char *path)
{
    FILE *f = NULL;
    int err = open_file(path, &f);
    if (err)
        return err;
    struct parsed_rad *rads = NULL;
    int nrads = 0;
    char line[MAX_LINE];
    topo->from_file = true;
    while (!err && fgets(line, sizeof line, f)) {
        if (ftell(f) > MAX_FILE) {       /* it grew after the fstat */
            err = EFBIG;
            break;
        }
        /* A line fgets had to split would be read as two: refused whole. */
        if (strchr(line, '\n') == NULL && !feof(f)) {
            err = EINVAL;
            break;
        }
        line[strcspn(line, "\n#")] = '\0';
        char *p = line + strspn(line, " \t");
        if (*p == '\0')
            continue;
        size_t at;
        if ((at = pxf_prefix(p, "rad ")) != 0) {
            struct parsed_rad *more = realloc(rads, sizeof *rads * (size_t)(nrads + 1));
            if (more == NULL) {
                err = ENOMEM;
                break;
            }
            rads = more;
            memset(&rads[nrads], 0, sizeof *rads);
            err = parse_rad(p + at, &rads[nrads++]);
        } else if ((at = pxf_prefix(p, "device ")) != 0) {
            struct numa_device *more = realloc(topo->devices,
                sizeof *more * (size_t)(topo->ndevices + 1));
            if (more == NULL) {
                err = ENOMEM;
                break;
            }
            topo->devices = more;
            memset(&more[topo->ndevices], 0, sizeof *more);
            err = parse_device(p + at, &more[topo->ndevices++]);
        } else {
            err = EINVAL;
        }
    }
    fclose(f);
    if (!err && nrads == 0)
        err = EINVAL;
    if (!err)
        err = build(topo, rads, nrads);
    free(rads);
    return err;
}

int numa_file_device_rads(const struct numa_topology *topo, const char *busid,
                          struct pxf_radset *out)
{
    for (int i = 0; i < topo->ndevices; i++)
        if (strcmp(topo->devices[i].busid, busid) == 0) {
            *out = topo->devices[i].rads;
            return 0;
        }
    return EINVAL;
}
