/* numa_cases COMMAND ARGS: drive <pxf/numa.h> for real and print what was
 * observed as key=value lines (errno values by name); test_numa_c.py
 * asserts them. Exit status 0 unless the harness itself failed.
 *
 *   numa_cases machine                   the RAD queries
 *   numa_cases sets                      radset/cpuset operations
 *   numa_cases nloc TYPE DESCR DIST      nloc's set
 *   numa_cases choose TYPE DESCR DIST FLAGS   what nfork would choose
 *   numa_cases fork TYPE DESCR DIST FLAGS     nfork; the child reports its
 *                                        placement, and its own child's
 *   numa_cases radfork RAD FLAGS         rad_fork, reported the same way
 *   numa_cases migrate FLAGS             nfork onto the first RAD: does the
 *                                        child still share the parent's
 *                                        resident page, and is a page
 *                                        neither touched resident now?
 *   numa_cases nsg KEY FLAGS CMD...      nsg_init + attach/detach/destroy
 *                                        (FLAGS "noinit": the segment of
 *                                        KEY, without nsg_init), tamper
 *   numa_cases segment KEY SIZE|rm       a System V segment that is not a
 *                                        group: SIZE bytes ("nsg": a
 *                                        group's size) of 0xa5; rm: remove
 *   numa_cases secure                    whether the kernel runs us in
 *                                        secure mode (setgid), and
 *                                        rad_get_num
 *   numa_cases hwloc                     whether libhwloc is mapped at the
 *                                        start, after rad_get_num, and
 *                                        after pxf_numa_hwloc_status
 *
 * TYPE is RAD, FILDES, PATH, SHM, PID, MEM, NSG or a number; DESCR is a
 * RAD list (RAD), a path opened here (FILDES), a path (PATH), "touched"
 * (SHM: a new segment, touched) or an id, a pid or "self" (PID), "stack",
 * "null" or "bad" (MEM), a key (NSG: created); "null" gives a NULL
 * pointer, "bad" an invalid one. FLAGS: names joined by '|' (INSIST,
 * SMALLMEM, ...) or a number. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/mempolicy.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <pxf/numa.h>
#include "cases.h"


/* KEY=result and KEY.errno=name of a Tru64-style call: errno is read
 * only after a -1 (a success may leave anything in it), never in the same
 * argument list as the call. */
#define REPORT(key, expr) do {                                            \
        errno = 0;                                                        \
        long report_value_ = (long)(expr);                                \
        int report_errno_ = report_value_ == -1 ? errno : 0;              \
        printf("%s=%ld\n%s.errno=%s\n", key, report_value_, key,        \
               ename(report_errno_));                                     \
    } while (0)

static void print_set(const char *key, radset_t set)
{
    printf("%s=", key);
    rad_cursor_t c = SET_CURSOR_INIT;
    radid_t r;
    for (int n = 0; (r = rad_foreach(set, 0, &c)) != RAD_NONE; n++)
        printf(n ? ",%d" : "%d", r);
    printf("\n");
}

static void print_cpus(const char *key, cpuset_t set)
{
    printf("%s=", key);
    cpu_cursor_t c = SET_CURSOR_INIT;
    cpuid_t r;
    for (int n = 0; (r = cpu_foreach(set, 0, &c)) != CPU_NONE; n++)
        printf(n ? ",%d" : "%d", r);
    printf("\n");
}

static unsigned long parse_flags(const char *s)
{
    static const struct { const char *name; unsigned long v; } names[] = {
        {"INSIST", RAD_INSIST}, {"SMALLMEM", RAD_SMALLMEM},
        {"LARGEMEM", RAD_LARGEMEM}, {"WAIT", RAD_WAIT},
        {"MIGRATE", RAD_MIGRATE}, {"NO_MIGRATE", RAD_NO_MIGRATE},
        {"NO_INHERIT", RAD_NO_INHERIT}, {"ATTACH_TO_PARENT", RAD_ATTACH_TO_PARENT},
        {"CREATE", NSG_CREATE}, {"EXCL", NSG_EXCL}, {"GETBYPID", NSG_GETBYPID},
        {"CLEANUP", NSG_CLEANUP}, {"0", 0},
    };
    unsigned long flags = 0;
    char copy[256];
    snprintf(copy, sizeof copy, "%s", s);
    for (char *tok = strtok(copy, "|"); tok; tok = strtok(NULL, "|")) {
        size_t i;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(tok, names[i].name) == 0)
                break;
        flags |= i < sizeof names / sizeof names[0] ? names[i].v : strtoul(tok, NULL, 0);
    }
    return flags;
}

/* Build the attributes from TYPE DESCR DIST FLAGS. */
static void make_attr(char **argv, numa_attr_t *a)
{
    static const char *types[] = {"RAD", "FILDES", "PATH", "SHM", "PID", "MEM", "NSG"};
    static radset_t set;
    static int stack_word;
    const char *type = argv[0], *descr = argv[1];
    memset(a, 0, sizeof *a);
    a->nattr_type = (rsrctype_t)strtol(type, NULL, 0);
    for (int i = 0; i < 7; i++)
        if (strcmp(type, types[i]) == 0)
            a->nattr_type = (rsrctype_t)i;
    a->nattr_distance = strcmp(argv[2], "REMOTE") == 0 ? RAD_DIST_REMOTE : strtoul(argv[2], NULL, 0);
    a->nattr_flags = parse_flags(argv[3]);
    bool null = strcmp(descr, "null") == 0, bad = strcmp(descr, "bad") == 0;
    switch (a->nattr_type) {
    case R_RAD:
        if (set == NULL && radsetcreate(&set) != 0)
            die("radsetcreate");
        rademptyset(set);
        for (char *p = (char *)descr, *end; *p && !null && !bad; p = end + (*end == ',')) {
            long rad = strtol(p, &end, 10);
            if (end == p)
                break;                    /* not a list: an empty set */
            radaddset(set, (radid_t)rad);
        }
        a->nattr_descr.rd_radset = null ? NULL : bad ? (radset_t)8 : set;
        break;
    case R_FILDES:
        a->nattr_descr.rd_fd = bad ? 1000 : open(descr, O_RDONLY);
        break;
    case R_PATH:
        a->nattr_descr.rd_pathname = null ? NULL : bad ? (char *)8 : (char *)descr;
        break;
    case R_SHM:
        if (strcmp(descr, "touched") == 0) {
            int id = shmget(IPC_PRIVATE, 1 << 20, IPC_CREAT | 0600);
            char *p = shmat(id, NULL, 0);
            if (id < 0 || p == (void *)-1)
                die("shm");
            memset(p, 1, 1 << 20);
            /* removed when we exit; attached (so alive) until then */
            shmctl(id, IPC_RMID, NULL);
            a->nattr_descr.rd_shmid = id;
        } else {
            a->nattr_descr.rd_shmid = atoi(descr);
        }
        break;
    case R_PID:
        a->nattr_descr.rd_pid = strcmp(descr, "self") == 0 ? getpid() : atoi(descr);
        break;
    case R_MEM:
        a->nattr_descr.rd_addr = null ? NULL : bad ? (void *)8 : &stack_word;
        break;
    case R_NSG:
        a->nattr_descr.rd_nsg = nsg_init((key_t)strtol(descr, NULL, 0), NSG_CREATE);
        if (a->nattr_descr.rd_nsg < 0)
            die("nsg_init");
        break;
    default:
        break;
    }
}

static void status_line(const char *field, char *out, size_t cap)
{
    char line[512];
    FILE *f = fopen("/proc/self/status", "re");
    out[0] = '\0';
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0) {
            snprintf(out, cap, "%s", line + strlen(field) + 1 + strspn(line + strlen(field) + 1, " \t"));
            out[strcspn(out, "\n")] = '\0';
        }
    if (f)
        fclose(f);
}

static const char *mode_name(int mode)
{
    switch (mode & ~(MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES)) {
    case MPOL_DEFAULT: return "DEFAULT";
    case MPOL_PREFERRED: return "PREFERRED";
    case MPOL_BIND: return "BIND";
    case MPOL_INTERLEAVE: return "INTERLEAVE";
    case MPOL_LOCAL: return "LOCAL";
    }
    return "?";
}

/* This process's placement as key=value lines with a prefix. */
static void report_placement(const char *who)
{
    char cpus[256];
    status_line("Cpus_allowed_list:", cpus, sizeof cpus);
    int mode = -1;
    unsigned long nodes[PXF_MAX_RADS / 64] = {0};
    if (syscall(SYS_get_mempolicy, &mode, nodes, PXF_MAX_RADS + 1UL, NULL, 0UL) != 0)
        die("get_mempolicy");
    printf("%s.cpus=%s\n%s.mode=%s\n%s.nodes=", who, cpus, who, mode_name(mode), who);
    for (int n = 0, i = 0; i < PXF_MAX_RADS; i++)
        if (nodes[i / 64] >> (i % 64) & 1)
            printf(n++ ? ",%d" : "%d", i);
    /* a freshly touched page: where the policy put it */
    char *page = malloc(1 << 16);
    page[0] = 1;
    int node = -1;
    if (syscall(SYS_get_mempolicy, &node, NULL, 0UL, page, (unsigned long)(MPOL_F_NODE | MPOL_F_ADDR)) != 0)
        die("get_mempolicy addr");
    printf("\n%s.page_node=%d\n%s.home=%d\n", who, node, who, rad_get_current_home());
    free(page);
}

/* After nfork/rad_fork: the child reports itself and a child of its own
 * (fork(), to see what RAD_NO_INHERIT leaves it). */
static void report_fork(pid_t pid)
{
    if (pid == 0) {
        report_placement("child");
        fflush(stdout);
        pid_t g = fork();
        if (g == 0) {
            report_placement("grandchild");
            fflush(stdout);
            _exit(0);
        }
        waitpid(g, NULL, 0);
        _exit(0);
    }
    printf("nfork=%s\n", pid < 0 ? ename(errno) : "ok");
    fflush(stdout);
    if (pid > 0)
        waitpid(pid, NULL, 0);
    report_placement("parent");     /* its own again, or never changed */
}

static int cmd_machine(void)
{
    REPORT("num", rad_get_num());
    REPORT("max", rad_get_max());
    cpuset_t cpus;
    cpusetcreate(&cpus);
    for (radid_t r = 0; r < rad_get_max(); r++) {
        char key[64];
        printf("rad%d.state=%d\n", r, rad_get_state(r));
        if (rad_get_state(r) != RAD_ONLINE)
            continue;
        rad_get_cpus(r, cpus);
        snprintf(key, sizeof key, "rad%d.cpus", r);
        print_cpus(key, cpus);
        printf("rad%d.physmem=%zd\nrad%d.freemem=%zd\n", r, rad_get_physmem(r), r, rad_get_freemem(r));
        rad_info_t info = { .rinfo_version = RAD_INFO_VERSION, .rinfo_cpuset = cpus };
        cpuemptyset(cpus);
        printf("rad%d.info=%d\n", r, rad_get_info(r, &info));
        printf("rad%d.info.radid=%d\nrad%d.info.state=%d\nrad%d.info.physmem=%zd\n",
               r, info.rinfo_radid, r, info.rinfo_state, r, info.rinfo_physmem);
        snprintf(key, sizeof key, "rad%d.info.cpus", r);
        print_cpus(key, cpus);
        for (radid_t o = 0; o < rad_get_max(); o++) {
            int d = -1;
            if (pxf_radgetdistance(r, o, &d) == 0)
                printf("dist.%d.%d=%d\n", r, o, d);
        }
        int load = -1;
        printf("rad%d.load_rc=%s\n", r, ename(pxf_radgetload(r, &load)));
        printf("rad%d.load_in_range=%d\n", r, load >= 0 && load <= 100);
    }
    long ncpu = sysconf(_SC_NPROCESSORS_CONF);
    for (int c = 0; c < ncpu; c++)
        printf("cpu%d.rad=%d\n", c, cpu_get_rad(c));
    printf("home=%d\n", rad_get_current_home());
    REPORT("bad.state", rad_get_state(rad_get_max()));
    REPORT("bad.cpu", cpu_get_rad(PXF_MAX_CPUS));
    REPORT("bad.freemem", rad_get_freemem(-1));
    rad_info_t old = { .rinfo_version = 0 };
    REPORT("bad.info", rad_get_info(0, &old));
    REPORT("fault.info", rad_get_info(0, (rad_info_t *)8));
    return 0;
}

static int cmd_sets(void)
{
    radset_t a, b, d;
    radsetcreate(&a);
    radsetcreate(&b);
    radsetcreate(&d);
    radaddset(a, 0); radaddset(a, 3); radaddset(a, 64); radaddset(a, 1023);
    radaddset(b, 3); radaddset(b, 5);
    print_set("a", a);
    printf("a.count=%d\na.has3=%d\na.has4=%d\n", radcountset(a), radismember(a, 3), radismember(a, 4));
    radorset(a, b, d);   print_set("or", d);
    radandset(a, b, d);  print_set("and", d);
    raddiffset(a, b, d); print_set("diff", d);
    radxorset(a, b, d);  print_set("xor", d);
    radcopyset(b, d);    print_set("copy", d);
    raddelset(d, 5);     print_set("del", d);
    printf("copy.empty=%d\n", radisemptyset(d));
    rademptyset(d);
    printf("emptied.empty=%d\n", radisemptyset(d));
    radfillset(d);       print_set("fill", d);
    rad_cursor_t c = SET_CURSOR_INIT;
    radid_t first = rad_foreach(a, SET_CURSOR_CONSUME, &c);
    printf("consume.first=%d\n", first);
    print_set("consumed", a);
    REPORT("add.out_of_range", radaddset(a, PXF_MAX_RADS));
    REPORT("add.negative", radaddset(a, -1));
    REPORT("count.null", radcountset(NULL));
    c = SET_CURSOR_INIT;
    REPORT("foreach.badflags", rad_foreach(a, 4, &c));
    /* a cursor at the top of its type: the end, not a wrap to the start */
    c = INT_MAX;
    REPORT("foreach.intmax", rad_foreach(a, 0, &c));
    printf("foreach.intmax.cursor=%d\n", c);
    cpu_cursor_t cc = INT_MAX;
    cpuset_t all;
    cpusetcreate(&all);
    cpuaddset(all, 0);
    REPORT("cpu_foreach.intmax", cpu_foreach(all, 0, &cc));
    radsetdestroy(&a);
    printf("destroyed.null=%d\n", a == NULL);
    REPORT("destroy.twice", radsetdestroy(&a));
    cpuset_t x, y;
    cpusetcreate(&x);
    cpusetcreate(&y);
    cpuaddset(x, 1); cpuaddset(x, 4095); cpuaddset(y, 1); cpuaddset(y, 2);
    cpuxorset(x, y, y);
    print_cpus("cpuxor", y);
    printf("cpu.count=%d\n", cpucountset(y));
    cpufillset(x);
    print_cpus("cpufill", x);
    return 0;
}

static int cmd_nloc(char **argv)
{
    numa_attr_t a;
    make_attr((char *[]){argv[0], argv[1], argv[2], "0"}, &a);
    radset_t out;
    radsetcreate(&out);
    int rc = nloc(&a, out);
    printf("rc=%s\n", rc == 0 ? "0" : ename(errno));
    if (rc == 0)
        print_set("set", out);
    return 0;
}

static int cmd_choose(char **argv)
{
    numa_attr_t a;
    make_attr(argv, &a);
    radset_t cands;
    radsetcreate(&cands);
    radid_t home = RAD_NONE;
    int over = -1;
    int err = pxf_numa_choose(&a, &home, cands, &over);
    printf("rc=%s\n", ename(err));
    if (err == 0) {
        printf("home=%d\noverridden=%d\n", home, over);
        print_set("candidates", cands);
    }
    return 0;
}

static int cmd_fork(char **argv)
{
    numa_attr_t a;
    make_attr(argv, &a);
    report_fork(nfork(strcmp(argv[1], "attrnull") == 0 ? NULL
                      : strcmp(argv[1], "attrbad") == 0 ? (numa_attr_t *)16 : &a));
    return 0;
}

/* The physical frame of the page at p (/proc/self/pagemap; 0 if not
 * present or not visible to us). */
static unsigned long long frame_of(const void *p)
{
    unsigned long long entry = 0;
    long page = sysconf(_SC_PAGESIZE);
    int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0 || pread(fd, &entry, sizeof entry,
                        (off_t)((unsigned long)p / (unsigned long)page * sizeof entry)) != sizeof entry)
        die("pagemap");
    close(fd);
    return (entry >> 63) & 1 ? entry & ((1ULL << 55) - 1) : 0;
}

static int cmd_migrate(char **argv)
{
    long page = sysconf(_SC_PAGESIZE);
    char *buf = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED)
        die("mmap");
    buf[0] = 1;                     /* resident; the second page is not */
    unsigned long long parent_frame = frame_of(buf);
    printf("frame_visible=%d\n", parent_frame != 0);
    radset_t set;
    radsetcreate(&set);
    radfillset(set);
    rad_cursor_t c = SET_CURSOR_INIT;
    radid_t first = rad_foreach(set, 0, &c);
    rademptyset(set);
    radaddset(set, first);
    numa_attr_t a = { R_RAD, { .rd_radset = set }, 0, parse_flags(argv[0]) };
    fflush(stdout);
    pid_t pid = nfork(&a);
    if (pid == 0) {
        unsigned char vec[2];
        if (mincore(buf, (size_t)page * 2, vec) != 0)
            die("mincore");
        printf("child.shares_page=%d\nchild.value=%d\nchild.untouched_resident=%d\n",
               frame_of(buf) == parent_frame, buf[0], vec[1] & 1);
        fflush(stdout);
        _exit(0);
    }
    printf("nfork=%s\n", pid < 0 ? ename(errno) : "ok");
    if (pid > 0)
        waitpid(pid, NULL, 0);
    printf("parent.frame_kept=%d\n", frame_of(buf) == parent_frame);
    return 0;
}

static int cmd_radfork(char **argv)
{
    report_fork(rad_fork(atoi(argv[0]), parse_flags(argv[1])));
    return 0;
}

/* The layout of a group's segment (core/numa/nsg.c), to tamper with it
 * as any process that may write the segment can. */
struct nsg_image {
    int lock;
    unsigned long long magic;
    int home_plus1, cleanup, nmembers;
    struct { int pid; unsigned long long start; } members[1024];
};

/* Write VALUE into FIELD of group g's segment: lock (a pid, "self" for
 * ours), magic, home_plus1, cleanup, nmembers, pid0 (the first member). */
static void tamper(nsgid_t g, const char *field, const char *value)
{
    struct nsg_image *im = shmat(g, NULL, 0);
    if (im == (void *)-1)
        die("shmat");
    long long v = strcmp(value, "self") == 0 ? getpid() : strtoll(value, NULL, 0);
    if (strcmp(field, "lock") == 0)
        im->lock = (int)v;
    else if (strcmp(field, "magic") == 0)
        im->magic = (unsigned long long)v;
    else if (strcmp(field, "home_plus1") == 0)
        im->home_plus1 = (int)v;
    else if (strcmp(field, "cleanup") == 0)
        im->cleanup = (int)v;
    else if (strcmp(field, "nmembers") == 0)
        im->nmembers = (int)v;
    else if (strcmp(field, "pid0") == 0)
        im->members[0].pid = (int)v;
    else
        die("tamper: unknown field");
    shmdt(im);
    printf("tamper=ok\n");
}

/* nsg KEY FLAGS then steps: attach PID|self FLAGS, detach PID|self,
 * home, byself, destroy, sleep SECONDS, placement, fork, tamper FIELD
 * VALUE */
static long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static int cmd_nsg(int argc, char **argv)
{
    key_t key = (key_t)strtol(argv[0], NULL, 0);
    nsgid_t g;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (strcmp(argv[1], "noinit") == 0) {
        g = shmget(key, 0, 0);
        printf("init=%s\n", g < 0 ? ename(errno) : "noinit");
    } else {
        g = nsg_init(key, parse_flags(argv[1]));
        printf("init=%s\ninit.ms=%ld\n", g < 0 ? ename(errno) : "ok", ms_since(&t0));
    }
    printf("nsgid=%d\n", (int)g);
    for (int i = 2; i < argc; i++) {
        const char *step = argv[i];
        if (strcmp(step, "tamper") == 0) {
            tamper(g, argv[i + 1], argv[i + 2]);
            i += 2;
        } else if (strcmp(step, "attach") == 0) {
            pid_t pid = strcmp(argv[i + 1], "self") == 0 ? 0 : atoi(argv[i + 1]);
            clock_gettime(CLOCK_MONOTONIC, &t0);
            int rc = nsg_attach_pid(g, pid, parse_flags(argv[i + 2]));
            printf("attach=%s\nattach.ms=%ld\n", rc ? ename(errno) : "0", ms_since(&t0));
            i += 2;
        } else if (strcmp(step, "detach") == 0) {
            pid_t pid = strcmp(argv[i + 1], "self") == 0 ? 0 : atoi(argv[i + 1]);
            int rc = nsg_detach_pid(pid);
            printf("detach=%s\n", rc ? ename(errno) : "0");
            i += 1;
        } else if (strcmp(step, "byself") == 0) {
            nsgid_t f = nsg_init(getpid(), NSG_GETBYPID);
            printf("byself=%s\n", f < 0 ? ename(errno) : f == g ? "same" : "other");
        } else if (strcmp(step, "destroy") == 0) {
            printf("destroy=%s\n", nsg_destroy(g) ? ename(errno) : "0");
        } else if (strcmp(step, "sleep") == 0) {
            fflush(stdout);
            usleep((useconds_t)(atof(argv[++i]) * 1e6));
        } else if (strcmp(step, "placement") == 0) {
            report_placement("self");
        } else if (strcmp(step, "fork") == 0) {
            numa_attr_t a = { .nattr_type = R_NSG, .nattr_descr.rd_nsg = g };
            report_fork(nfork(&a));
        }
    }
    return 0;
}

static int cmd_segment(char **argv)
{
    key_t key = (key_t)strtol(argv[0], NULL, 0);
    if (strcmp(argv[1], "rm") == 0) {
        int id = shmget(key, 0, 0);
        printf("rm=%s\n", id < 0 || shmctl(id, IPC_RMID, NULL) != 0 ? ename(errno) : "0");
        return 0;
    }
    size_t size = strcmp(argv[1], "nsg") == 0 ? sizeof(struct nsg_image)
                                              : (size_t)strtoul(argv[1], NULL, 0);
    int id = shmget(key, size, IPC_CREAT | IPC_EXCL | 0600);
    char *p = id < 0 ? (void *)-1 : shmat(id, NULL, 0);
    if (p == (void *)-1)
        die("segment");
    memset(p, 0xa5, size);
    shmdt(p);
    printf("segment=ok\n");
    return 0;
}

/* Run setgid: the environment is the caller's, so PXF_NUMA_TOPOLOGY must
 * not be obeyed (secure_getenv). */
static int cmd_secure(void)
{
    printf("at_secure=%lu\n", getauxval(AT_SECURE));
    REPORT("num", rad_get_num());
    return 0;
}

/* Whether a libhwloc is mapped in this process. */
static int hwloc_mapped(void)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (f == NULL)
        die("/proc/self/maps");
    char line[4096];
    int found = 0;
    while (fgets(line, sizeof line, f))
        found |= strstr(line, "/libhwloc") != NULL;
    fclose(f);
    return found;
}

static int cmd_hwloc(void)
{
    printf("mapped.start=%d\n", hwloc_mapped());
    REPORT("num", rad_get_num());
    printf("mapped.num=%d\n", hwloc_mapped());
    char why[512] = "unset";
    printf("status=%s\n", ename(pxf_numa_hwloc_status(why, sizeof why)));
    printf("status.text=%s\n", why);
    printf("mapped.status=%d\n", hwloc_mapped());
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2)
        return 2;
    const char *cmd = argv[1];
    if (strcmp(cmd, "machine") == 0)
        return cmd_machine();
    if (strcmp(cmd, "sets") == 0)
        return cmd_sets();
    if (strcmp(cmd, "nloc") == 0 && argc == 5)
        return cmd_nloc(argv + 2);
    if (strcmp(cmd, "choose") == 0 && argc == 6)
        return cmd_choose(argv + 2);
    if (strcmp(cmd, "fork") == 0 && argc == 6)
        return cmd_fork(argv + 2);
    if (strcmp(cmd, "migrate") == 0 && argc == 3)
        return cmd_migrate(argv + 2);
    if (strcmp(cmd, "radfork") == 0 && argc == 4)
        return cmd_radfork(argv + 2);
    if (strcmp(cmd, "segment") == 0 && argc == 4)
        return cmd_segment(argv + 2);
    if (strcmp(cmd, "secure") == 0)
        return cmd_secure();
    if (strcmp(cmd, "hwloc") == 0)
        return cmd_hwloc();
    if (strcmp(cmd, "nsg") == 0 && argc >= 4)
        return cmd_nsg(argc - 2, argv + 2);
    fprintf(stderr, "harness: bad usage\n");
    return 2;
}
