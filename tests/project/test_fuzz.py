"""Every routine of pxf._fpxf called with generated arguments for a bounded
time (tests/project/fuzz_routines.py, hypothesis), as nobody under RLIMIT_NPROC,
in fresh PID and IPC namespaces: no crash, no hang, every IERROR an errno
or a 1003.9 code, after every failure the outputs docs/conventions.md
prescribes, every child reaped. PXF_FUZZ_SECONDS sets the time
(default: a quarter of a second per routine, at least 20 s); the case
counts close the pytest output."""
import ctypes
import importlib.metadata as metadata
import json
import os
import re
import resource
import shutil
import sys
from pathlib import Path

from pxf._routines import FORTRAN_ONLY, ROUTINES
from support import NOBODY, REPORT, as_unprivileged, run, sanitizer_env

# Routines with outputs that generated arguments do not make fail: no
# failure (PXFGETPID, PXFGETPPID, PXFGETPGRP, PXFCTERMID; PXFGETCWD unless
# the working directory is removed), nobody's ids and today's time fit (the
# id and time routines: EOVERFLOW only above 2**31 - 1), only when the
# process has no descriptor left (PXFPIPE), or no arguments and only with a
# broken topology; PXFLOCALTIME only for a malformed TZ (the workers have
# none) or a year beyond an int (no default INTEGER reaches one);
# PXFUCOMPARE has no IERROR.
CANNOT_FAIL_HERE = {"PXFGETPID", "PXFGETPPID", "PXFGETPGRP", "PXFCTERMID", "PXFGETCWD",
                    "PXFGETUID", "PXFGETEUID", "PXFGETGID", "PXFGETEGID", "PXFTIME",
                    "PXFPIPE", "PXFRADGETNUM", "PXFRADGETMAX", "PXFRADGETCURRENTHOME",
                    "PXFLOCALTIME", "PXFUCOMPARE"}
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000


def _requirements(name: str, seen: set[str]) -> None:
    """NAME and the installed distributions it needs, recursively."""
    key = name.lower().replace("_", "-")
    if key in seen:
        return
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return                         # an optional extra that is not installed
    seen.add(key)
    for req in dist.requires or []:
        if "extra ==" not in req:
            _requirements(re.split(r"[ ;<>=!~\[(]", req, maxsplit=1)[0], seen)


def nobody_site(dest: Path) -> Path:
    """A world-readable copy of pxf, numpy and hypothesis with what they
    need: the test environment may sit where nobody cannot enter."""
    names: set[str] = set()
    for top in ("pxf", "numpy", "hypothesis"):
        _requirements(top, names)
    for name in names:
        dist = metadata.distribution(name)
        for f in dist.files or []:
            src = Path(dist.locate_file(f))
            if f.parts[0] == ".." or not src.is_file():
                continue                # scripts installed outside site-packages
            target = dest / f
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    for d in [dest, *dest.rglob("*")]:
        d.chmod(0o755 if d.is_dir() or os.access(d, os.X_OK) else 0o644)
    return dest


def nobody_python(env) -> str:
    """An interpreter of this Python version that nobody can run: this one,
    unless it lives under a directory nobody cannot enter."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (os.path.realpath(sys.executable), f"/usr/bin/{version}"):
        try:
            rc, out, _ = run([candidate, "-c", "import sys; print(sys.version_info[:2])"],
                             env=env, preexec_fn=as_unprivileged())
        except OSError:  # PermissionError or FileNotFoundError
            continue
        if rc == 0 and out.strip() == str(tuple(sys.version_info[:2])):
            return candidate
    raise AssertionError(f"no {version} that nobody can run")


def nobody_processes() -> int:
    n = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            uid = re.search(r"^Uid:\s+(\d+)", status.read_text(), re.M)
        except OSError:
            continue
        n += bool(uid) and int(uid.group(1)) == NOBODY.pw_uid
    return n


def sandbox(nproc: int):
    """preexec_fn: new PID and IPC namespaces (as root), then nobody under
    RLIMIT_NPROC."""
    drop = as_unprivileged(nproc)

    def pre():
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(CLONE_NEWPID | CLONE_NEWIPC) != 0:
            raise OSError(ctypes.get_errno(), "unshare")
        drop()
    return pre


def test_fuzz_every_routine(workdir, tmp_path):
    # A quarter of a second per routine, at least 20 s: each routine's share
    # must not shrink as the catalog grows.
    default = max(20.0, len(ROUTINES) / 4)
    seconds = float(os.environ.get("PXF_FUZZ_SECONDS", default))
    site = nobody_site(workdir / "fuzz-site")
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, NOBODY.pw_uid, NOBODY.pw_gid)
    script = workdir / "fuzz_routines.py"
    shutil.copy(Path(__file__).parent / "fuzz_routines.py", script)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site), "HOME": str(home),
           "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8",
           # after unshare(CLONE_NEWPID) the driver cannot start threads
           "OPENBLAS_NUM_THREADS": "1", **sanitizer_env()}
    python = nobody_python(env)
    # nobody may already run processes on this machine; the limit is on top
    nproc = nobody_processes() + 24
    rc, out, err = run([python, script, str(seconds)], env=env, cwd=home,
                       preexec_fn=sandbox(nproc), timeout=seconds + 240)
    assert rc == 0, err
    report = json.loads(out.splitlines()[-1])
    results = report["results"]
    python_routines = [r for r in ROUTINES if r not in FORTRAN_ONLY]
    assert sorted(results) == sorted(python_routines)
    failures = {r: v for r, v in results.items() if "failure" in v}
    assert failures == {}
    idle = [r for r, v in results.items() if v["cases"] == 0]
    assert idle == []
    assert report["init_status"] == 0
    # The rule for outputs after a failure was checked on every failed call
    # (fuzz_routines.py); each routine with outputs must have failed at least
    # once in its first 50 cases or more (the rarest, PXFSPAWNE, fails about
    # one case in eight), unless generated arguments cannot make it fail.
    with_outputs = [r for r in python_routines
                    if any(i != "in" and n != "ierror" for n, _, i, _ in ROUTINES[r][3])]
    unchecked = {r for r in with_outputs if results[r]["failed"] == 0}
    assert {r for r in unchecked if results[r]["cases"] >= 50} <= CANNOT_FAIL_HERE
    failed = sum(results[r]["failed"] for r in with_outputs)
    total = sum(v["cases"] for v in results.values())
    least = min(results.items(), key=lambda kv: kv[1]["cases"])
    REPORT.append(f"fuzz: {total} cases over {len(results)} routines in {seconds:g} s "
                  f"(fewest: {least[0]} {least[1]['cases']}), as nobody, "
                  f"RLIMIT_NPROC {nproc}: no crash, no hang; outputs after a failure "
                  f"checked on {failed} failed calls of "
                  f"{len(with_outputs) - len(unchecked)} routines")
