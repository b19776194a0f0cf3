"""pxf-config, the sh script in the prefix's bin/ (packaging/pxf-config.in),
in the prefix the README's HPC commands installed: every option against
what pkg-config and the build say, with no Python anywhere on PATH, a
Fortran program built with its flags, and a copied (moved) prefix."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import pxf
from pxf import _config
from support import EXAMPLES, run

BARE = {"PATH": "/usr/bin:/bin"}  # env -i PATH=/usr/bin:/bin


@pytest.fixture(scope="module")
def prefix(readme_hpc):
    return readme_hpc.prefix


@pytest.fixture(scope="module")
def has_python(readme_hpc):
    """Whether the README's meson setup built the Python package."""
    setup = [line for line in readme_hpc.lines if "meson setup" in line]
    assert len(setup) == 1
    return "no" if "-Dpython=disabled" in setup[0] else "yes"


@pytest.fixture(scope="module")
def no_python_bin(tmp_path_factory):
    """A PATH of the only programs the script may run: sh and the POSIX
    tools it calls (no python)."""
    bin_dir = tmp_path_factory.mktemp("no-python-bin")
    for tool in ["sh", "dirname", "readlink", "cat"]:
        (bin_dir / tool).symlink_to(shutil.which(tool, path="/usr/bin:/bin"))
    return bin_dir


def pxf_config(prefix, *args, env=None, rc=0):
    _, out, err = run([prefix / "bin" / "pxf-config", *args], env=env or BARE, check_rc=rc)
    return out if rc == 0 else err


def pkg_config(prefix, *args):
    env = dict(os.environ, PKG_CONFIG_PATH=str(prefix / "lib/pkgconfig"))
    return run(["pkg-config", *args, "pxf"], env=env, check_rc=0)[1].strip()


def real_paths(flags: str) -> list[str]:
    """FLAGS with the paths in -I, -L and -Wl,-rpath, made real (pkg-config
    prints them through ${pcfiledir}/../..)."""
    out = []
    for flag in flags.split():
        for head in ("-I", "-L", "-Wl,-rpath,"):
            if flag.startswith(head):
                flag = head + os.path.realpath(flag[len(head):])
                break
        out.append(flag)
    return out


def test_every_option(prefix, has_python, no_python_bin):
    env = {"PATH": str(no_python_bin)}
    opt = {o: pxf_config(prefix, o, env=env).rstrip("\n") for o in
           ["--fc", "--fflags", "--flibs", "--cflags", "--libs", "--prefix", "--version",
            "--has-numa", "--has-python", "--has-static"]}
    assert opt["--fc"] == pkg_config(prefix, "--variable=fc") == _config.FC
    assert real_paths(opt["--fflags"]) == ["-I" + os.path.realpath(
        pkg_config(prefix, "--variable=moduledir"))]
    assert real_paths(opt["--cflags"]) == real_paths(pkg_config(prefix, "--cflags"))
    assert real_paths(opt["--libs"]) == real_paths(pkg_config(prefix, "--libs"))
    assert opt["--flibs"] == opt["--libs"]
    assert opt["--prefix"] == str(prefix)
    assert opt["--version"] == pkg_config(prefix, "--modversion") == pxf.__version__
    assert opt["--has-numa"] == ("yes" if _config.NUMA else "no")
    assert opt["--has-python"] == has_python
    assert (prefix / "lib" / "libpxf.a").is_file() and opt["--has-static"] == "yes"
    # several options: one line each, in the order asked
    assert pxf_config(prefix, "--version", "--fc", env=env).splitlines() == [
        opt["--version"], opt["--fc"]]


@pytest.mark.parametrize("args,message", [
    (["--frobnicate"], "pxf-config: unknown option '--frobnicate' (pxf-config --help lists them)"),
    (["--version", "-x"], "pxf-config: unknown option '-x' (pxf-config --help lists them)"),
    (["--has-cuda"], "pxf-config: unknown feature 'cuda' (features: numa python static)"),
])
def test_unknown_options_exit_2(prefix, args, message):
    assert pxf_config(prefix, *args, rc=2).splitlines()[-1] == message


def test_help_and_no_option(prefix):
    text = pxf_config(prefix, "--help")
    assert text.startswith("Usage: pxf-config OPTION...")
    for o in ["--fc", "--fflags", "--flibs", "--cflags", "--libs", "--prefix", "--version",
              "--has-FEATURE", "--help"]:
        assert f"\n  {o} " in text, o
    assert pxf_config(prefix, rc=2) == text


def build_and_run(prefix, tmp_path, env=BARE):
    """The README's one-liner, run by sh with PREFIX/bin first on PATH."""
    shutil.copy(EXAMPLES / "fork_wait.f90", tmp_path / "prog.f90")
    env = dict(env, PATH=f"{prefix}/bin:{env['PATH']}")
    line = "$(pxf-config --fc) $(pxf-config --fflags) prog.f90 $(pxf-config --flibs) -o prog"
    subprocess.run(["sh", "-c", line], cwd=tmp_path, env=env, check=True)
    _, out, _ = run([tmp_path / "prog"], env=env, check_rc=0)
    assert "exited with code 42" in out
    _, ldd, _ = run(["ldd", tmp_path / "prog"], check_rc=0)
    return [os.path.realpath(line.split()[2]) for line in ldd.splitlines()
            if line.split()[:1] == ["libpxf.so.0"]]


def test_builds_a_program(prefix, tmp_path):
    assert build_and_run(prefix, tmp_path) == [os.path.realpath(prefix / "lib/libpxf.so.0")]


def test_moved_prefix(prefix, tmp_path):
    """cp -a of the prefix elsewhere, the original made unreadable by
    renaming it: the copy's pxf-config points into the copy, also when
    called through a symbolic link on PATH."""
    moved = tmp_path / "elsewhere" / "pxf"
    moved.parent.mkdir()
    run(["cp", "-a", prefix, moved], check_rc=0)
    hidden = prefix.with_name(prefix.name + "-hidden")
    prefix.rename(hidden)
    try:
        assert pxf_config(moved, "--prefix").strip() == str(moved)
        assert pxf_config(moved, "--fflags").split() == [
            f"-I{moved}/include/pxf/{_config.COMPILER_TAG}"]
        work = tmp_path / "work"
        work.mkdir()
        assert build_and_run(moved, work) == [os.path.realpath(moved / "lib/libpxf.so.0")]
        links = tmp_path / "links"
        links.mkdir()
        (links / "pxf-config").symlink_to(moved / "bin" / "pxf-config")
        _, out, _ = run(["pxf-config", "--prefix"], env={"PATH": f"{links}:/usr/bin:/bin"},
                        check_rc=0)
        assert out.strip() == str(moved)
    finally:
        hidden.rename(prefix)
