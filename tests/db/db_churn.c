/* db_churn: the deep copies free what they replace. Handles filled again
 * and again (PXFGETGRNAM and PXFGETPWUID into the same handle,
 * PXFSTRUCTCOPY over a copy, PXFSTRSET over an owned string, PXFSTRUCTFREE
 * and a new handle) leave the heap as it was: after a warm-up, the bytes
 * malloc has handed out (mallinfo2) do not grow. A leak of one string per
 * round would grow them by ROUNDS strings.
 *   db_churn GROUP   prints rounds=N grew=BYTES members=M, exits 0
 * (1 and a message when a call fails). */
#include <malloc.h>
#include <stdio.h>

#include <pxf/pxf.h>

#define WARMUP 100
#define ROUNDS 5000

static int fail(const char *what, int err)
{
    fprintf(stderr, "%s: %s\n", what, pxf_strerror(err));
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int group, copy, user, err;
    long long members = -1;
    size_t before = 0;
    if ((err = pxf_structcreate("group", &group)) != 0 ||
        (err = pxf_structcreate("group", &copy)) != 0 ||
        (err = pxf_structcreate("passwd", &user)) != 0)
        return fail("structcreate", err);
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
        if (round == WARMUP)
            before = mallinfo2().uordblks;
        if ((err = pxf_getgrnam(argv[1], group)) != 0)
            return fail("getgrnam", err);
        if ((err = pxf_structcopy("group", group, copy)) != 0)
            return fail("structcopy", err);
        if ((err = pxf_getpwuid(0, user)) != 0)
            return fail("getpwuid", err);
        if ((err = pxf_strset(user, "pw_shell", "/bin/churn", 10)) != 0)
            return fail("strset", err);
        if ((err = pxf_structfree(copy)) != 0 ||
            (err = pxf_structcreate("group", &copy)) != 0)
            return fail("free and create", err);
    }
    size_t after = mallinfo2().uordblks;
    if ((err = pxf_intget(group, "gr_nmem", &members)) != 0)
        return fail("intget", err);
    printf("rounds=%d\ngrew=%zd\nmembers=%lld\n", ROUNDS, (ssize_t)(after - before), members);
    return 0;
}
