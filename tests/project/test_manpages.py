"""The man pages of a prefix install (tools/gen_manpages.py, installed by
packaging/meson.build): found by man, one per implemented routine and per
C call of <pxf/rfork.h> and <pxf/numa.h>, valid roff, their SYNOPSIS and
ERRORS the routine table's, and found after `module load`."""
import os
import re
import sys

import pytest

import pxf
from support import REPO, SANITIZER_ENV, run

sys.path.insert(0, str(REPO / "tools"))
import gen_reference  # noqa: E402

TABLE = gen_reference.load(REPO, "pxf_table")
PLANNED = gen_reference.load(REPO, "catalog_planned")
LMOD = "/usr/share/lmod/lmod/libexec/lmod"
# man, groff and Lmod run without the sanitizer runtimes tools/sanitize.sh
# preloads (groff, a C++ program, trips ASan's alloc-dealloc check itself):
# they read files, and load no part of pxf.
TOOLS_ENV = {k: v for k, v in os.environ.items() if k not in SANITIZER_ENV}


@pytest.fixture(scope="module")
def man(readme_hpc):
    """share/man of the prefix the README's HPC commands installed."""
    return readme_hpc.prefix / "share" / "man"


def built_rows():
    from pxf import _routines
    return [r for r in TABLE.ROUTINES if r.family in _routines.FAMILIES]


def sections(text: str) -> dict[str, str]:
    """.SH heading -> the roff source under it."""
    parts = re.split(r"^\.SH (.*)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_man_finds_the_pages(man):
    env = dict(TOOLS_ENV, MANPATH=str(man))
    _, out, _ = run(["man", "-w", "pxffork", "pxfstructcreate", "rfork", "pxf"], env=env, check_rc=0)
    assert out.split() == [str(man / "man3/pxffork.3f"), str(man / "man3/pxfstructcreate.3f"),
                           str(man / "man3/rfork.3"), str(man / "man7/pxf.7")]
    _, out, _ = run(["man", "-w", "3f", "pxfwaitpid"], env=env, check_rc=0)
    assert out.strip() == str(man / "man3/pxfwaitpid.3f")


def test_one_page_per_implemented_routine_none_for_planned(man):
    pages = {p.name for p in (man / "man3").glob("*.3f")}
    assert pages == {f"{r.lname}.3f" for r in built_rows()}
    assert not {f"{p.name.lower()}.3f" for p in PLANNED.PLANNED} & pages
    assert [p.name for p in (man / "man7").iterdir()] == ["pxf.7"]


def test_c_pages_are_the_headers_calls(man):
    """Section 3: every call <pxf/rfork.h> and <pxf/numa.h> declare for C
    code to port (FreeBSD, Plan 9, Tru64 names), none of the core's pxf_*."""
    from pxf import _config
    headers = ["rfork.h"] + (["numa.h"] if _config.NUMA else [])
    declared = set()
    for h in headers:
        text = (REPO / "core/include/pxf" / h).read_text()
        declared |= set(re.findall(r"^(?:pid_t|int|radid_t|cpuid_t|ssize_t|nsgid_t) (\w+)\(",
                                   text, flags=re.M))
    declared = {d for d in declared if not d.startswith("pxf_")}
    assert {"rfork", "rfork_thread", "rfork_plan9"} <= declared
    assert not _config.NUMA or {"nfork", "rad_fork", "nloc", "radsetcreate", "nsg_init"} <= declared
    assert {p.stem for p in (man / "man3").glob("*.3")} == declared


def test_pages_are_valid_roff(man):
    """groff renders every page without a warning (-ww) or an error."""
    pages = sorted((man / "man3").iterdir()) + [man / "man7/pxf.7"]
    for page in pages:
        _, out, err = run(["groff", "-man", "-Tutf8", "-ww", "-z", page], env=TOOLS_ENV,
                          check_rc=0)
        assert err == "", f"{page.name}: {err}"


def test_synopsis_and_errors_are_the_rows(man):
    for r in built_rows():
        text = (man / "man3" / f"{r.lname}.3f").read_text()
        part = sections(text)
        synopsis = part["SYNOPSIS"]
        for style in ("Without a module", "USE pxf\n", "USE ifposix\n"):
            assert style in synopsis, r.name
        for a in r.args:
            # each argument declared in each of the three entry styles
            assert len(re.findall(rf"\b{a.name.upper()}\b( |\()", synopsis)) >= 3, (r.name, a.name)
        listed = re.findall(r"^\.TP\n\.B (\w+)$", part["ERRORS"], flags=re.M)
        assert listed == list(r.errnos), r.name
        # the user guide, installed with the pages
        guide = man.parent / "doc" / "pxf" / f"{r.family}.md"
        assert guide.exists() and str(guide) in part["DESCRIPTION"].replace("\\-", "-"), r.name


def test_rendered_page(man):
    """What a user reads: `man pxfwaitpid`, with its call, kinds and the
    meaning of its errnos."""
    env = dict(TOOLS_ENV, MANPATH=str(man), MANWIDTH="100")
    _, out, _ = run(["man", "-P", "cat", "pxfwaitpid"], env=env, check_rc=0)
    assert "CALL PXFWAITPID(IPID, ISTAT, IOPTIONS, IRETPID, IERROR)" in out
    assert "INTEGER(KIND=K) :: ISTAT" in out and "USE ifposix" in out
    assert re.search(r"ECHILD\s+No child processes", out)
    _, out, _ = run(["man", "-P", "cat", "pxf"], env=env, check_rc=0)
    assert re.search(r"ENONAME\s+4850: unknown structure, component or constant name", out)
    assert f"pxf {pxf.__version__}" in out


@pytest.mark.parametrize("subdir", ["lmod", "modulefiles"])
def test_module_load_sets_manpath(man, subdir):
    """After `module load pxf/<version>` (Lmod, reading the Lua and the Tcl
    file), `man pxffork` finds the page, and MANPATH keeps an empty element
    so man's default path is still searched."""
    if not os.path.exists(LMOD):
        pytest.skip("Lmod is not installed (tools/install-deps.sh installs it)")
    prefix = man.parent.parent
    env = {k: v for k, v in TOOLS_ENV.items()
           if not k.startswith(("LMOD", "_ModuleTable")) and k != "MANPATH"}
    env.update(MODULEPATH=str(prefix / "share" / subdir), LMOD_ALLOW_ROOT_USE="yes")
    script = (f"eval \"$({LMOD} bash load pxf/{pxf.__version__})\" && "
              "echo \"MANPATH=$MANPATH\" && man -w pxffork")
    _, out, _ = run(["bash", "-c", script], env=env, check_rc=0)
    assert out.split() == [f"MANPATH={man}::", str(man / "man3/pxffork.3f")]
