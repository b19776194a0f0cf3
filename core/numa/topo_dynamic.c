/* topo_dynamic.c - what changes on the machine between decisions: each
 * RAD's free memory (sysfs nodeN/meminfo, read every time) and its CPU
 * load (the busy share of its CPUs' time in /proc/stat since the previous
 * reading; readings closer than 0.1 s reuse the last value, as the
 * kernel's counters tick in 10 ms units; the first one covers the time
 * since boot). Runs with the topology locked. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "common/internal.h"
#include "topology.h"

/* The fields of a "cpuN" line of /proc/stat (proc(5)) that load counts. */
enum {
    STAT_USER, STAT_NICE, STAT_SYSTEM, STAT_IDLE, STAT_IOWAIT, STAT_IRQ,
    STAT_SOFTIRQ, STAT_STEAL, STAT_NFIELDS
};

/* Readings closer than this reuse the last load (0.1 s: ten ticks of the
 * kernel's 10 ms counters). */
#define MIN_WINDOW_NS (100 * PXF_NS_PER_MS)

/* read_file's first buffer (doubled as needed): /proc/stat takes about
 * 100 bytes per CPU. */
#define READ_FILE_INITIAL 16384

/* A node's meminfo: sizes in kB (of 1024 bytes); MemFree is its third
 * line, well within the head read. */
#define MEMINFO_KEY "MemFree:"
#define MEMINFO_UNIT 1024
#define MEMINFO_HEAD 512

struct cpu_times { unsigned long long busy, total; };
static struct cpu_times *prev;     /* [PXF_MAX_CPUS], allocated once */
static long long prev_ns = -1;

/* Read a whole small /proc or /sys file into a growing buffer. */
static char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = READ_FILE_INITIAL, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r <= 0) {
            if (r < 0) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        n += (size_t)r;
        if (n + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    close(fd);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static int refresh_load(struct numa_topology *topo)
{
    long long now = pxf_monotonic_ns();
    if (prev_ns >= 0 && now - prev_ns < MIN_WINDOW_NS)
        return 0;
    if (prev == NULL && (prev = calloc(PXF_MAX_CPUS, sizeof *prev)) == NULL)
        return ENOMEM;
    size_t len;
    char *stat = read_file("/proc/stat", &len);
    if (stat == NULL)
        return errno;
    unsigned long long *busy = calloc((size_t)topo->nrads * 2, sizeof *busy);
    if (busy == NULL) {
        free(stat);
        return ENOMEM;
    }
    unsigned long long *total = busy + topo->nrads;
    for (char *line = stat; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        size_t at = pxf_prefix(line, "cpu");     /* "cpuN", not the total */
        if (at == 0 || line[at] < '0' || line[at] > '9')
            continue;
        char *p;
        long cpu = strtol(line + at, &p, 10);
        unsigned long long v[STAT_NFIELDS] = {0};
        for (int i = 0; i < STAT_NFIELDS; i++)
            v[i] = strtoull(p, &p, 10);
        if (cpu < 0 || cpu >= PXF_MAX_CPUS)
            continue;
        struct cpu_times t = { v[STAT_USER] + v[STAT_NICE] + v[STAT_SYSTEM] + v[STAT_IRQ]
                               + v[STAT_SOFTIRQ] + v[STAT_STEAL], 0 };
        t.total = t.busy + v[STAT_IDLE] + v[STAT_IOWAIT];
        struct cpu_times d = { t.busy - prev[cpu].busy, t.total - prev[cpu].total };
        prev[cpu] = t;
        for (int r = 0; r < topo->nrads; r++)
            if (bit_test(topo->rads[r].cpus.bits, (int)cpu)) {
                busy[r] += d.busy;
                total[r] += d.total;
            }
    }
    for (int r = 0; r < topo->nrads; r++)
        topo->rads[r].load = total[r] ? (int)(NUMA_LOAD_MAX * busy[r] / total[r]) : 0;
    free(busy);
    free(stat);
    prev_ns = now;
    return 0;
}

static int refresh_freemem(struct numa_rad *rad)
{
    char path[64], buf[MEMINFO_HEAD];
    snprintf(path, sizeof path, "/sys/devices/system/node/node%d/meminfo", rad->node);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    int err = n < 0 ? errno : 0;
    close(fd);
    if (err)
        return err;
    buf[n] = '\0';
    const char *p = strstr(buf, MEMINFO_KEY);
    if (p == NULL)
        return EIO;
    rad->freemem = strtoll(p + strlen(MEMINFO_KEY), NULL, 10) * MEMINFO_UNIT;
    return 0;
}

int numa_refresh_machine(struct numa_topology *topo, int what)
{
    for (int r = 0; (what & REFRESH_FREEMEM) && r < topo->nrads; r++) {
        if (!topo->rads[r].online)
            continue;
        int err = refresh_freemem(&topo->rads[r]);
        if (err)
            return err;
    }
    return (what & REFRESH_LOAD) ? refresh_load(topo) : 0;
}
