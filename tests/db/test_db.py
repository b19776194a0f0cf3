"""The db family: PXFGETPWUID, PXFGETPWNAM, PXFGETGRGID and PXFGETGRNAM
into 'passwd' and 'group' handles, and PXFESTRGET for a group's members.

From Fortran through both entry styles, one program text
(t_db_body.inc) built twice: t_db_ext (no USE, the default-INTEGER
externals) and t_db_mod (USE pxf, INTEGER(8)); each run does one operation
and its values are compared with pwd's and grp's. From Python, pxf.getpwnam
... against pwd and grp on every entry of the machine's databases.

Groups with several members, a member name longer than Python's buffer and
entries too large to read come from copies of /etc/passwd and /etc/group
with lines added, bind-mounted over the real ones in a private mount
namespace of the test's child (root only): the machine's files are never
changed, and nobody else sees the copies."""
import errno
import grp
import json
import os
import pwd
import subprocess

import pytest

import pxf
from pxf import _fpxf
from support import NOBODY, mount_namespace, parse, python_snippet

P = pytest.param
EINVAL, ENOENT, ENOMEM = errno.EINVAL, errno.ENOENT, errno.ENOMEM
STYLES = ["t_db_ext", "t_db_mod"]
HUGE = 17 * 1024 * 1024        # above PXF_DB_ENTRY_MAX (<pxf/db.h>, 16 MiB)
LONG_MEMBER = "m" * 5000       # above the 4096 bytes pxf._fpxf gives PXFESTRGET
BIG = 4 * 1024 * 1024          # a member to fill the address space with
MEMBERS = ["alice", "bob", "carol", "pxfuser", "a-much-longer-member-name"]


def unused(ids_in_use, start):
    """An id no entry has, at or above start (below 2**31: every style can
    pass it)."""
    i = start
    while i in ids_in_use:
        i += 1
    return i


UNKNOWN_UID = unused({p.pw_uid for p in pwd.getpwall()}, 2_000_000_007)
UNKNOWN_GID = unused({g.gr_gid for g in grp.getgrall()}, 2_000_000_011)
UNKNOWN_NAME = "no-such-entry-pxf"
# Tests that limit the address space cannot run under tools/sanitize.sh.
RLIMIT_AS = pytest.mark.no_sanitizer(reason="ASan reserves its shadow memory at start-up "
                                     "and aborts when RLIMIT_AS refuses it more")
# ... and they fix glibc's mmap threshold: every block from 128 KiB up is
# mapped when allocated and unmapped when freed, so the address space in
# use is what the live blocks take (a threshold that follows the frees, the
# default, keeps freed buffers in the heap, where a limited process can
# still allocate them).
MAPPED_BLOCKS = dict(os.environ, MALLOC_MMAP_THRESHOLD_=str(128 * 1024))


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """preexec_fn of a child that sees the machine's /etc/passwd and
    /etc/group with test entries added: pxfuser (uid pu, group pxfmany);
    groups pxfmany (MEMBERS), pxfnone (no member), pxflong (a 5000-byte
    member), pxfbig (a 4 MiB member); last, pxfhuge in both, an entry of more than 16 MiB (last: a
    lookup reads every line before the one it finds). Returns (pre, ids)."""
    d = tmp_path_factory.mktemp("db")
    uids = {p.pw_uid for p in pwd.getpwall()}
    gids = {g.gr_gid for g in grp.getgrall()}
    ids = {"pxfuser": unused(uids, 42420), "pxfhuge_uid": unused(uids, 42440),
           "pxfmany": unused(gids, 42430), "pxfnone": unused(gids, 42431),
           "pxflong": unused(gids, 42432), "pxfbig": unused(gids, 42433),
           "pxfhuge_gid": unused(gids, 42434)}
    assert len(set(ids.values())) == len(ids)
    with open("/etc/passwd") as f:
        passwd = f.read().rstrip("\n").split("\n")
    with open("/etc/group") as f:
        group = f.read().rstrip("\n").split("\n")
    passwd += [f"pxfuser:x:{ids['pxfuser']}:{ids['pxfmany']}:PXF Test,,,:/home/pxf user:/bin/sh",
               f"pxfhuge:x:{ids['pxfhuge_uid']}:{ids['pxfhuge_uid']}:{'g' * HUGE}:/:/bin/sh"]
    group += [f"pxfmany:x:{ids['pxfmany']}:{','.join(MEMBERS)}",
              f"pxfnone:x:{ids['pxfnone']}:",
              f"pxflong:x:{ids['pxflong']}:{LONG_MEMBER}",
              f"pxfbig:x:{ids['pxfbig']}:{'b' * BIG}",
              f"pxfhuge:x:{ids['pxfhuge_gid']}:{'m' * HUGE}"]
    (d / "passwd").write_text("\n".join(passwd) + "\n")
    (d / "group").write_text("\n".join(group) + "\n")
    ms_bind = 4096
    pre = mount_namespace((d / "passwd", "/etc/passwd", None, ms_bind),
                          (d / "group", "/etc/group", None, ms_bind))
    return pre, ids


def call(programs, style, *args, pre=None, env=None):
    """Run STYLE (t_db_ext or t_db_mod) with OP ARG...; its key=value
    output."""
    r = subprocess.run([str(programs.fortran(style)), *map(str, args)], capture_output=True,
                       text=True, preexec_fn=pre, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return parse(r.stdout)


def passwd_lines(p: pwd.struct_passwd) -> dict[str, str]:
    """What t_db prints for a passwd entry: component=IERROR VALUE."""
    return {f: f"0 {getattr(p, f)}" for f in
            ("pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell")}


def group_lines(g: grp.struct_group) -> dict[str, str]:
    """What t_db prints for a group entry: its components, each member,
    then EINVAL one past the last (value blank, length -1) and at 0."""
    out = {f: f"0 {getattr(g, f)}" for f in ("gr_name", "gr_passwd", "gr_gid")}
    out["gr_nmem"] = str(len(g.gr_mem))
    out.update({f"mem{i}": f"0 {m}" for i, m in enumerate(g.gr_mem, 1)})
    out["past"] = f"{EINVAL} -1 T"
    out["zero"] = f"{EINVAL} -1"
    return out


def without_ierror(kv):
    assert kv.pop("ierror") == "0"
    return kv


# --- Fortran --------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_users_as_pwd_has_them(programs, style):
    for p in (pwd.getpwnam("root"), NOBODY):
        assert without_ierror(call(programs, style, "user", p.pw_name)) == passwd_lines(p)
        assert without_ierror(call(programs, style, "uid", p.pw_uid)) == passwd_lines(p)
    # a name given with its length keeps what follows it out
    assert call(programs, style, "user_exact", "root") == {"ierror": "0", "pw_name": "0 root"}


@pytest.mark.parametrize("style", STYLES)
def test_groups_as_grp_has_them(programs, style):
    for g in (grp.getgrgid(0), grp.getgrgid(NOBODY.pw_gid)):
        assert without_ierror(call(programs, style, "group", g.gr_name)) == group_lines(g)
        assert without_ierror(call(programs, style, "gid", g.gr_gid)) == group_lines(g)


@pytest.mark.errno("PXFESTRGET", "EINVAL")
@pytest.mark.parametrize("style", STYLES)
def test_group_members_one_by_one(programs, style, databases):
    """Several members, none, a 5000-byte one: each read with PXFESTRGET
    up to gr_nmem; one past the last and index 0 are EINVAL."""
    pre, ids = databases
    for name, members in [("pxfmany", MEMBERS), ("pxfnone", []), ("pxflong", [LONG_MEMBER[:256]])]:
        kv = without_ierror(call(programs, style, "group", name, pre=pre))
        g = grp.struct_group((name, "x", ids[name], members))
        want = group_lines(g)
        if name == "pxflong":       # t_db reads into 256 characters: ETRUNC, the full length
            want["mem1"] = f"{pxf.ETRUNC} {LONG_MEMBER[:256]}"
        assert kv == want
    kv = without_ierror(call(programs, style, "uid", ids["pxfuser"], pre=pre))
    assert kv["pw_dir"] == "0 /home/pxf user" and kv["pw_gecos"] == "0 PXF Test,,,"


@pytest.mark.errno("PXFGETPWUID", "ENOENT")
@pytest.mark.errno("PXFGETPWNAM", "ENOENT")
@pytest.mark.errno("PXFGETGRGID", "ENOENT")
@pytest.mark.errno("PXFGETGRNAM", "ENOENT")
@pytest.mark.parametrize("style", STYLES)
def test_unknown_user_or_group(programs, style):
    for op, key in [("user", UNKNOWN_NAME), ("uid", UNKNOWN_UID),
                    ("group", UNKNOWN_NAME), ("gid", UNKNOWN_GID)]:
        assert call(programs, style, op, key) == {"ierror": str(ENOENT)}, op


@pytest.mark.errno("PXFGETPWUID", "EINVAL")
@pytest.mark.errno("PXFGETPWNAM", "EINVAL")
@pytest.mark.errno("PXFGETGRGID", "EINVAL")
@pytest.mark.errno("PXFGETGRNAM", "EINVAL")
@pytest.mark.parametrize("style", STYLES)
def test_bad_lengths_and_ids(programs, style):
    assert call(programs, style, "badlen", "root") == {
        "pwnam_negative": str(EINVAL), "pwnam_beyond": str(EINVAL),
        "grnam_negative": str(EINVAL), "grnam_beyond": str(EINVAL)}
    ids = [-1, -2**31] + ([2**32, 2**62] if style == "t_db_mod" else [])
    for op in ("uid", "gid"):
        for i in ids:
            assert call(programs, style, op, i) == {"ierror": str(EINVAL)}, (op, i)


@pytest.mark.errno("PXFGETPWUID", "EBADHANDLE")
@pytest.mark.errno("PXFGETPWNAM", "EBADHANDLE")
@pytest.mark.errno("PXFGETGRGID", "EBADHANDLE")
@pytest.mark.errno("PXFGETGRNAM", "EBADHANDLE")
@pytest.mark.errno("PXFESTRGET", "EBADHANDLE")
@pytest.mark.parametrize("style", STYLES)
def test_bad_handles(programs, style):
    """A freed handle, one never created (before the database is asked: an
    unknown user with it is EBADHANDLE too) and one of the other
    structure; the freed slot, reused by PXFSTRUCTCREATE, then works."""
    kv = call(programs, style, "handles")
    bad = str(pxf.EBADHANDLE)
    assert kv.pop("reused") == "0" and kv.pop("pw_name") == "0 root"
    assert kv == dict.fromkeys(
        ["pwnam_freed", "pwuid_freed", "grnam_freed", "grgid_freed", "estrget_freed",
         "unknown_user_bad_handle", "grnam_passwd_handle", "grgid_passwd_handle",
         "pwnam_group_handle", "pwuid_group_handle"], bad)


@pytest.mark.parametrize("style", STYLES)
def test_a_handle_keeps_its_entry(programs, style):
    """Deep copies: root's entry stays in its handle while nobody is looked
    up into another, which is then filled again; a PXFSTRUCTCOPY of it
    outlives the original's PXFSTRUCTFREE (tools/sanitize.sh checks the
    freed memory is never read; the leak test is below)."""
    root = pwd.getpwnam("root")
    assert call(programs, style, "deep", "root") == {
        "pw_name": "0 root", "pw_dir": f"0 {root.pw_dir}", "pw_gecos": f"0 {NOBODY.pw_gecos}",
        "pw_passwd": f"0 {root.pw_passwd}", "copy": "0", "pw_shell": f"0 {root.pw_shell}"}


@pytest.mark.parametrize("style", STYLES)
def test_a_group_copy_keeps_its_members(programs, style, databases):
    pre, ids = databases
    kv = call(programs, style, "deep_group", "pxfmany", pre=pre)
    assert kv.pop("copy") == "0" and kv.pop("self_copy") == "0"
    assert kv == group_lines(grp.struct_group(("pxfmany", "x", ids["pxfmany"], MEMBERS)))


@pytest.mark.errno("PXFESTRGET", "ENONAME", "EINVAL")
@pytest.mark.errno("PXFINTSET", "EINVAL")
@pytest.mark.parametrize("style", STYLES)
def test_components(programs, style):
    """A fresh 'passwd' has empty strings; PXFESTRGET takes only gr_mem
    (ENONAME for a string component) and a 'group' without members has
    none to give (EINVAL); gr_nmem, counted from gr_mem, cannot be set
    (EINVAL); gr_mem is no PXFSTRGET component (ENONAME); pw_shell can be
    set like any string component."""
    assert call(programs, style, "components") == {
        "pw_name": "0 ", "estrget_string": str(pxf.ENONAME), "estrget_gr_name": str(pxf.ENONAME),
        "estrget_empty": str(EINVAL), "nmem_set": str(EINVAL),
        "strget_gr_mem": str(pxf.ENONAME), "strset": "0", "pw_shell": "0 /bin/pxf"}


@pytest.mark.errno("PXFESTRGET", "ETRUNC")
@pytest.mark.errno("PXFSTRGET", "ETRUNC")
@pytest.mark.parametrize("style", STYLES)
def test_short_variables(programs, style, databases):
    pre, _ = databases
    kv = call(programs, style, "short", "pxfmany", pre=pre)
    assert kv["strget"] == f"[{NOBODY.pw_dir[:4]:4}] {len(NOBODY.pw_dir)} {pxf.ETRUNC}"
    assert kv["estrget"] == f"[alic] 5 {pxf.ETRUNC}"


@pytest.mark.errno("PXFGETPWUID", "ENOMEM")
@pytest.mark.errno("PXFGETPWNAM", "ENOMEM")
@pytest.mark.errno("PXFGETGRGID", "ENOMEM")
@pytest.mark.errno("PXFGETGRNAM", "ENOMEM")
@pytest.mark.parametrize("style", STYLES)
def test_an_entry_too_large(programs, style, databases):
    """An entry of 17 MiB: the buffer grows to 16 MiB (PXF_DB_ENTRY_MAX)
    and no further, ENOMEM; ERANGE never comes out."""
    pre, ids = databases
    for op, key in [("user", "pxfhuge"), ("uid", ids["pxfhuge_uid"]),
                    ("group", "pxfhuge"), ("gid", ids["pxfhuge_gid"])]:
        assert call(programs, style, op, key, pre=pre) == {"ierror": str(ENOMEM)}, op


def test_refilled_and_copied_handles_leak_nothing(programs, databases):
    """tests/db/db_churn.c, 5000 rounds of lookups into the same handles,
    copies over a copy, PXFSTRSET over an owned string, free and create:
    malloc's bytes in use do not grow (one string leaked per round would
    add 5000 strings). tools/sanitize.sh runs ASan without its leak check,
    so this is the test that would see a copy or a refill that leaks."""
    pre, _ = databases
    r = subprocess.run([programs.c("db_churn", "-lpxf"), "pxfmany"], capture_output=True,
                       text=True, preexec_fn=pre, timeout=120)
    assert r.returncode == 0, r.stderr
    kv = parse(r.stdout)
    assert kv["members"] == str(len(MEMBERS))
    assert int(kv["grew"]) < int(kv["rounds"])     # less than a byte a round


@pytest.mark.errno("PXFSTRUCTCOPY", "ENOMEM")
@pytest.mark.errno("PXFGETGRNAM", "ENOMEM")
@RLIMIT_AS
@pytest.mark.parametrize("style", STYLES)
def test_copies_without_memory(programs, style, databases):
    """Catalog section 7, defect 7 (Cray's PXFGETGRGID tested the wrong
    pointer after a malloc): with the address space limited (RLIMIT_AS)
    the copy of a 4 MiB member cannot be made, by PXFSTRUCTCOPY or by a
    lookup whose buffer could be had, and the lookup's buffer itself not
    either: ENOMEM each time, the target handle unchanged; with the limit
    lifted the copy is made."""
    pre, _ = databases
    assert call(programs, style, "nomem", "pxfbig", pre=pre, env=MAPPED_BLOCKS) == {
        "lookup": "0", "copy": str(ENOMEM), "lookup_buffer": str(ENOMEM),
        "lookup_copy": str(ENOMEM), "kept": grp.getgrgid(0).gr_name, "copy_unlimited": "0",
        "gr_name": "0 pxfbig"}


# --- Python ---------------------------------------------------------------


def test_python_every_entry_as_pwd_and_grp():
    users, groups = pwd.getpwall(), grp.getgrall()
    assert users and groups
    for p in users:
        assert pxf.getpwnam(p.pw_name) == pwd.getpwnam(p.pw_name)
        assert pxf.getpwuid(p.pw_uid) == pwd.getpwuid(p.pw_uid)
        assert type(pxf.getpwuid(p.pw_uid)) is pwd.struct_passwd
    for g in groups:
        assert pxf.getgrnam(g.gr_name) == grp.getgrnam(g.gr_name)
        assert pxf.getgrgid(g.gr_gid) == grp.getgrgid(g.gr_gid)
        assert type(pxf.getgrgid(g.gr_gid)) is grp.struct_group


def raised(f, *args):
    with pytest.raises(Exception) as e:
        f(*args)
    return type(e.value), e.value.args


@pytest.mark.errno("PXFGETPWUID", "ENOENT")
@pytest.mark.errno("PXFGETPWNAM", "ENOENT")
@pytest.mark.errno("PXFGETGRGID", "ENOENT")
@pytest.mark.errno("PXFGETGRNAM", "ENOENT")
def test_python_unknown_is_keyerror_as_in_pwd_and_grp():
    """ENOENT becomes pwd's and grp's KeyError, message and all; so does an
    id no entry can have (grp raises OverflowError there: pxf keeps to
    KeyError). The raw routines give ENOENT."""
    for mine, theirs, key in [(pxf.getpwnam, pwd.getpwnam, UNKNOWN_NAME),
                              (pxf.getpwnam, pwd.getpwnam, ""),
                              (pxf.getpwuid, pwd.getpwuid, UNKNOWN_UID),
                              (pxf.getpwuid, pwd.getpwuid, -5),
                              (pxf.getpwuid, pwd.getpwuid, 2**32),
                              (pxf.getgrnam, grp.getgrnam, UNKNOWN_NAME),
                              (pxf.getgrgid, grp.getgrgid, UNKNOWN_GID)]:
        assert raised(mine, key) == raised(theirs, key)
        assert raised(mine, key)[0] is KeyError
    assert raised(pxf.getgrgid, -5) == (KeyError, ("getgrgid(): gid not found",))
    assert raised(pxf.getpwnam, "a\0b") == raised(pwd.getpwnam, "a\0b")   # ValueError
    assert raised(pxf.getpwuid, "0")[0] is TypeError
    with pxf.Struct("passwd") as p, pxf.Struct("group") as g:
        name = UNKNOWN_NAME.encode()
        assert _fpxf.pxfgetpwnam(name, len(name), p.handle) == ENOENT
        assert _fpxf.pxfgetpwuid(UNKNOWN_UID, p.handle) == ENOENT
        assert _fpxf.pxfgetgrnam(name, len(name), g.handle) == ENOENT
        assert _fpxf.pxfgetgrgid(UNKNOWN_GID, g.handle) == ENOENT


def test_python_ids_beyond_the_externals():
    """An id from 2**31 to 2**32 - 1 is a real id that the default-INTEGER
    externals cannot carry: OverflowError, as pxf.setuid gives."""
    for f in (pxf.getpwuid, pxf.getgrgid):
        assert raised(f, 2**31)[0] is OverflowError


@pytest.mark.errno("PXFGETPWUID", "EINVAL")
@pytest.mark.errno("PXFGETPWNAM", "EINVAL")
@pytest.mark.errno("PXFGETGRGID", "EINVAL")
@pytest.mark.errno("PXFGETGRNAM", "EINVAL")
@pytest.mark.errno("PXFESTRGET", "EINVAL", "ENONAME")
def test_python_einval_and_enoname():
    """The public functions cannot pass a bad length or a negative id (they
    raise KeyError or ValueError first); the raw routines get EINVAL."""
    with pxf.Struct("passwd") as p, pxf.Struct("group") as g:
        assert _fpxf.pxfgetpwnam(b"root", 5, p.handle) == EINVAL     # beyond the string
        assert _fpxf.pxfgetpwnam(b"root", -1, p.handle) == EINVAL
        assert _fpxf.pxfgetgrnam(b"root", 5, g.handle) == EINVAL
        assert _fpxf.pxfgetpwuid(-1, p.handle) == EINVAL
        assert _fpxf.pxfgetgrgid(-1, g.handle) == EINVAL
        assert _fpxf.pxfgetgrgid(0, g.handle) == 0
        n = g.get_int("gr_nmem")
        for index in (0, n + 1, -1):
            with pytest.raises(OSError) as e:
                g.get_estr("gr_mem", index)
            assert e.value.errno == EINVAL
        with pytest.raises(pxf.PXFError) as e:
            g.get_estr("gr_name", 1)
        assert e.value.errno == pxf.ENONAME


@pytest.mark.errno("PXFGETPWUID", "EBADHANDLE")
@pytest.mark.errno("PXFGETPWNAM", "EBADHANDLE")
@pytest.mark.errno("PXFGETGRGID", "EBADHANDLE")
@pytest.mark.errno("PXFGETGRNAM", "EBADHANDLE")
@pytest.mark.errno("PXFESTRGET", "EBADHANDLE")
def test_python_bad_handles():
    freed = pxf.struct_create("group")
    pxf.struct_free(freed)
    with pxf.Struct("passwd") as p:
        assert _fpxf.pxfgetpwnam(b"root", 4, freed) == pxf.EBADHANDLE
        assert _fpxf.pxfgetpwuid(0, freed) == pxf.EBADHANDLE
        assert _fpxf.pxfgetgrnam(b"root", 4, p.handle) == pxf.EBADHANDLE    # a 'passwd'
        assert _fpxf.pxfgetgrgid(0, p.handle) == pxf.EBADHANDLE
    with pytest.raises(pxf.PXFError) as e:
        pxf.estr_get(freed, "gr_mem", 1)
    assert e.value.errno == pxf.EBADHANDLE


NAMESPACE_CODE = r"""
import errno, grp, json, pwd, pxf
from pxf import _fpxf
out = {}
out["groups_as_grp"] = [g.gr_name for g in grp.getgrall()
                        if g.gr_name not in ("pxfhuge", "pxflong", "pxfbig") and pxf.getgrnam(g.gr_name) != g]
out["users_as_pwd"] = [p.pw_name for p in pwd.getpwall()
                       if p.pw_name != "pxfhuge" and pxf.getpwnam(p.pw_name) != p]
out["many"] = list(pxf.getgrnam("pxfmany"))
out["pwd_reads_huge"] = len(pwd.getpwnam("pxfhuge").pw_gecos)
huge_ids = pwd.getpwnam("pxfhuge").pw_uid, grp.getgrnam("pxfhuge").gr_gid
for f, key in [(pxf.getpwnam, "pxfhuge"), (pxf.getpwuid, huge_ids[0]),
               (pxf.getgrnam, "pxfhuge"), (pxf.getgrgid, huge_ids[1]),
               (pxf.getgrnam, "pxflong")]:
    try:
        f(key)
    except OSError as e:
        out[f"{f.__name__} {key}"] = e.errno
with pxf.Struct("group") as g:
    _fpxf.pxfgetgrnam(b"pxflong", 7, g.handle)
    value, ilen, ierror = _fpxf.pxfestrget(g.handle, b"gr_mem", 1)
    out["raw_long"] = [len(value), ilen, ierror]
print(json.dumps(out))
"""


@pytest.mark.errno("PXFGETPWUID", "ENOMEM")
@pytest.mark.errno("PXFGETPWNAM", "ENOMEM")
@pytest.mark.errno("PXFGETGRGID", "ENOMEM")
@pytest.mark.errno("PXFGETGRNAM", "ENOMEM")
@pytest.mark.errno("PXFESTRGET", "ETRUNC")
def test_python_with_added_entries(databases):
    """In the namespace with the test entries: every entry as pwd and grp
    have it (several members too); the 17 MiB entries, which pwd reads,
    are ENOMEM here (PXF_DB_ENTRY_MAX); a member longer than the 4096
    bytes pxf._fpxf gives PXFESTRGET is PXFError(ETRUNC) with its full
    length."""
    pre, ids = databases
    _, out, _ = python_snippet(NAMESPACE_CODE, preexec_fn=pre, check_rc=0, timeout=120)
    kv = json.loads(out)
    assert kv["groups_as_grp"] == [] and kv["users_as_pwd"] == []
    assert kv["many"] == ["pxfmany", "x", ids["pxfmany"], MEMBERS]
    assert kv["pwd_reads_huge"] == HUGE
    assert kv["getpwnam pxfhuge"] == ENOMEM and kv["getgrnam pxfhuge"] == ENOMEM
    assert kv[f"getpwuid {ids['pxfhuge_uid']}"] == ENOMEM
    assert kv[f"getgrgid {ids['pxfhuge_gid']}"] == ENOMEM
    assert kv["getgrnam pxflong"] == pxf.ETRUNC
    assert kv["raw_long"] == [4096, len(LONG_MEMBER), pxf.ETRUNC]


NOMEM_CODE = r"""
import resource, pxf
from pxf import _fpxf
with pxf.Struct("group") as big, pxf.Struct("group") as root:
    assert _fpxf.pxfgetgrnam(b"pxfbig", 6, big.handle) == 0
    assert _fpxf.pxfgetgrgid(0, root.handle) == 0
    with open("/proc/self/statm") as f:
        in_use = int(f.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (in_use + 2**21, resource.RLIM_INFINITY))
    ierror = _fpxf.pxfstructcopy(b"group", big.handle, root.handle)
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    print(ierror, root.get_str("gr_name"))
"""


@pytest.mark.errno("PXFSTRUCTCOPY", "ENOMEM")
@RLIMIT_AS
def test_python_copy_without_memory(databases):
    """PXFSTRUCTCOPY of a 4 MiB member with 2 MiB of address space left:
    ENOMEM, and the target keeps its entry."""
    pre, _ = databases
    _, out, _ = python_snippet(NOMEM_CODE, preexec_fn=pre, env=MAPPED_BLOCKS, check_rc=0,
                               timeout=120)
    assert out.split() == [str(ENOMEM), grp.getgrgid(0).gr_name]
