"""Every command line the README shows is run, as written, by a test.

Each shell block of README.md is claimed by exactly one test below, found
by its first line; a block no test claims fails
test_every_readme_block_is_run. What a test changes in the text is said
where it does it: the prefix /opt/pxf/<version> becomes a private one,
gfortran becomes the compiler this pxf was built with, .venv/bin/python
the interpreter running the tests."""
import ast
import os
import re
import sys
import textwrap

from pxf import _config
from support import (EXAMPLES, README, REPO, command_lines, readme_block, readme_blocks,
                     readme_text, run, run_shell_lines)

# First line of each README shell block -> the test that runs it.
RUNNERS = {
    "tools/quickstart.sh": "test_quickstart_commands_are_what_ci_runs",
    "tools/test.sh": "test_quickstart_commands_are_what_ci_runs",
    "pxf run prog.f90": "test_pxf_command_block",
    "tools/install-deps.sh": "test_hpc_build_blocks",
    "FC=gfortran meson setup": "test_hpc_build_blocks",
    "module use": "test_module_block",
    "export PATH=/opt/pxf/": "test_pxf_config_block",
    ".venv/bin/python benchmarks/": "test_benchmark_commands",
    "tools/sanitize.sh": "test_sanitizer_command_is_what_ci_runs",
}


def test_every_readme_block_is_run():
    blocks = readme_blocks("sh")
    assert blocks, "no sh blocks in README.md"
    unclaimed = [b.splitlines()[0] for b in blocks
                 if not any(b.startswith(first) for first in RUNNERS)]
    assert unclaimed == []
    for name in RUNNERS.values():
        assert callable(globals().get(name)), name
    # No command hides in an unmarked fence or an indented block.
    text = README.read_text()
    fences = [line[3:] for line in text.splitlines() if line.startswith("```")]
    assert set(fences) <= {"sh", "fortran", "python", ""}, fences
    outside = re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)
    assert not re.search(r"\n\n    \S", outside), "indented code block in README.md"


def test_quickstart_commands_are_what_ci_runs():
    """The two quick-start commands are run by .ci/run, inside a brand-new
    Debian 12 root, exactly as the README shows them (running them here
    would install into the machine running the tests)."""
    ci = (REPO / ".ci" / "run").read_text()
    for first in ("tools/quickstart.sh", "tools/test.sh"):
        lines = command_lines(readme_block(first))
        assert lines == [first]
        assert re.search(rf"^in_root {re.escape(first)}( |$)", ci, flags=re.M), first
    assert "debootstrap --variant=minbase --include=python3,ca-certificates,git" in ci


def test_sanitizer_command_is_what_ci_runs():
    """The sanitizer job is run by .ci/run in the same brand-new root, after
    the test suite, exactly as the README shows it (running it here would
    run the test suite inside itself)."""
    ci = (REPO / ".ci" / "run").read_text()
    assert command_lines(readme_block("tools/sanitize.sh")) == ["tools/sanitize.sh"]
    runs = re.findall(r"^in_root (\S+)", ci, flags=re.M)
    assert "tools/sanitize.sh" in runs
    assert runs.index("tools/sanitize.sh") > runs.index("tools/test.sh")


PROG = textwrap.dedent("""\
    program prog
      implicit none
      integer :: i, n
      character(len=64) :: arg
      n = command_argument_count()
      do i = 1, n
        call get_command_argument(i, arg)
        print '(a,i0,2a)', 'arg', i, '=', trim(arg)
      end do
    end program prog
    """)


def test_pxf_command_block(tmp_path):
    """pxf run / config / info / where as the README shows them, in a directory
    holding prog.f90 (which prints its arguments)."""
    (tmp_path / "prog.f90").write_text(PROG)
    lines = command_lines(readme_block("pxf run prog.f90"))
    out, _ = run_shell_lines(lines, cwd=tmp_path, env=dict(os.environ),
                             after=lambda i, line: "./prog one two" if "-o prog" in line else None)
    got = out.splitlines()
    assert got[0] == "arg1=args"
    ran = got.index("arg1=one")  # the program the one-liner built
    assert " ".join(got[1:ran]).split() == [
        _config.FC, "-I" + _config.MODDIR,
        "-L" + _config.LIBDIR, "-Wl,-rpath," + _config.LIBDIR, "-lpxf"]
    assert got[ran:ran + 3] == ["arg1=one", "arg2=two", os.path.join(_config.LIBDIR, "cmake", "pxf")]
    assert os.path.isfile(os.path.join(got[ran + 2], "pxf-config.cmake"))
    assert f"pxf {_config.VERSION}" in got[ran + 3:]
    assert "  docs:    docs/process.md" in got[ran + 3:]  # pxf where pxffork
    assert got[-1] == f"pxf {_config.VERSION}"              # pxf --version


def test_hpc_build_blocks(readme_hpc):
    """The prerequisites and the build blocks, run line by line (see the
    readme_hpc fixture): the three programs built from the prefix run, the
    one linked with libpxf.a does not load libpxf, the -static one loads
    nothing."""
    assert len(readme_hpc.programs) == 3
    for exe in readme_hpc.programs:
        assert "exited with code 42" in exe.with_suffix(".out").read_text()
    shared, static, fully_static = readme_hpc.programs
    loaded = [line.split()[2] for line in run(["ldd", shared], check_rc=0)[1].splitlines()
              if line.split()[:1] == ["libpxf.so.0"]]
    assert [os.path.realpath(p) for p in loaded] == [
        os.path.realpath(readme_hpc.prefix / "lib" / "libpxf.so.0")]
    assert "libpxf" not in run(["ldd", static], check_rc=0)[1]
    assert "statically linked" in run(["file", fully_static], check_rc=0)[1]


def test_pxf_config_block(readme_hpc, tmp_path):
    """The pxf-config lines in a shell with nothing but PATH=/usr/bin:/bin
    (env -i: no venv, no Python set up): the program builds and runs, and
    the last line prints the prefix, the version and whether NUMA is in."""
    import pxf
    (tmp_path / "prog.f90").write_text((EXAMPLES / "fork_wait.f90").read_text())
    lines = command_lines(readme_text(readme_block("export PATH=/opt/pxf/"), readme_hpc.prefix))
    out, _ = run_shell_lines(lines, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"},
                             after=lambda i, line: "./a.out" if "prog.f90" in line else None)
    got = out.splitlines()
    assert "exited with code 42" in got[-4]
    assert got[-3:] == [str(readme_hpc.prefix), pxf.__version__, "yes" if _config.NUMA else "no"]


def test_module_block(readme_hpc, tmp_path):
    """`module use/load` and the build line, in a shell where Lmod is set
    up as Debian's /etc/profile.d/lmod.sh does it; the program runs."""
    (tmp_path / "prog.f90").write_text((EXAMPLES / "fork_wait.f90").read_text())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LMOD", "_ModuleTable"))}
    env.update(LMOD_ALLOW_ROOT_USE="yes")
    env.pop("MODULEPATH", None)
    lines = ["source /usr/share/lmod/lmod/init/bash"] + command_lines(
        readme_text(readme_block("module use"), readme_hpc.prefix))
    out, _ = run_shell_lines(lines, cwd=tmp_path, env=env,
                             after=lambda i, line: "./a.out" if "prog.f90" in line else None)
    assert "exited with code 42" in out


def test_benchmark_commands(tmp_path):
    """Each benchmark command line, with PXF_BENCH_SMOKE=1 (a few
    iterations, small sizes: the figures mean nothing here)."""
    lines = [line for b in readme_blocks("sh") if b.startswith(".venv/bin/python benchmarks/")
             for line in command_lines(b)]
    assert len(lines) == 3
    env = dict(os.environ, PXF_BENCH_SMOKE="1")
    for line in lines:
        out, _ = run_shell_lines([line.replace(".venv/bin/python", sys.executable)],
                                 cwd=REPO, env=env, timeout=300)
        assert "target" in out, (line, out)


def test_python_block():
    """The README's Python example, with each `# value` comment checked as
    the value of its expression and `# raises X` as the exception."""
    (block,) = readme_blocks("python")
    checked, checks = [], 0
    for line in block.splitlines():
        code, _, comment = line.partition("#")
        comment = comment.strip()
        if comment.startswith("raises "):
            checked.append(f"try:\n    {code.strip()}\nexcept {comment.split()[1]}:\n"
                           f"    pass\nelse:\n    raise AssertionError({line!r})")
            checks += 1
        elif comment and _is_literal(comment):
            checked.append(f"assert ({code.strip()}) == {comment}, {line!r}")
            checks += 1
        else:
            checked.append(line)
    assert checks >= 3
    _, _, err = run([sys.executable, "-c", "\n".join(checked)], check_rc=0)
    assert err == ""


def _is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
        return True
    except (ValueError, SyntaxError):
        return False
