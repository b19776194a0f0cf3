"""PXFEXECV, PXFEXECVE, PXFEXECVP: per-element lengths, real exec failures
(ENOENT, EACCES, ENOEXEC ...) that leave the process untouched, from
Fortran and Python."""
import errno

import pytest

from support import parse, python_snippet, run


def test_execv_argument_lengths(programs):
    _, out, _ = run([programs.fortran("t_exec"), "execv_echo"], check_rc=0)
    assert out == "trimmed kept   last\n"  # 'kept  ' kept its two blanks


def test_execve_exact_environment(programs):
    _, out, _ = run([programs.fortran("t_exec"), "execve_env"], check_rc=0)
    assert out == "A=1\nB=two words\n"


def test_execvp_path_search(programs):
    _, out, _ = run([programs.fortran("t_exec"), "execvp_echo"], check_rc=0)
    assert out == "via PATH\n"


def test_fork_then_exec(programs):
    kv = programs.run("t_exec", "fork_exec")
    assert kv["child_status"] == str(7 << 8)


@pytest.mark.errno("PXFEXECV", "ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                   "ELOOP", "ETXTBSY")
@pytest.mark.errno("PXFEXECVE", "ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                   "ELOOP", "ETXTBSY")
@pytest.mark.errno("PXFEXECVP", "ENOENT", "EACCES", "ENOTDIR", "ENAMETOOLONG", "ELOOP",
                   "ETXTBSY")
@pytest.mark.parametrize("name", ["ENOENT", "EACCES", "ENOEXEC", "ENOTDIR", "ENAMETOOLONG",
                                  "ELOOP", "ETXTBSY"])
def test_exec_failures(programs, unrunnable, name):
    rc, out, _ = run([programs.fortran("t_exec"), "fail", unrunnable[name]])
    kv = parse(out)
    code = getattr(errno, name)
    assert int(kv["execv_ierror"]) == code
    assert int(kv["execve_ierror"]) == code
    assert kv["same_pid"] == "1"  # the failed execs left the process as it was
    if name == "ENOEXEC":
        # execvp(3) hands a file without a magic number to /bin/sh, so that
        # exec succeeds and the shell fails on the garbage (exit 127).
        assert rc == 127 and "execvp_ierror" not in kv
    else:
        assert rc == 0 and int(kv["execvp_ierror"]) == code


@pytest.mark.errno("PXFEXECV", "E2BIG")
@pytest.mark.errno("PXFEXECVE", "E2BIG")
@pytest.mark.errno("PXFEXECVP", "E2BIG")
def test_exec_argument_too_long(programs):
    kv = programs.run("t_exec", "e2big")
    for routine in ("execv", "execve", "execvp"):
        assert int(kv[routine + "_ierror"]) == errno.E2BIG, routine


@pytest.mark.errno("PXFEXECV", "ENOMEM")
@pytest.mark.errno("PXFEXECVE", "ENOMEM")
@pytest.mark.errno("PXFEXECVP", "ENOMEM")
def test_exec_enomem_under_seccomp(programs):
    # the kernel's execve refusing for lack of memory, through a filter
    helper = programs.c("seccomp_fail", "-lseccomp")
    _, out, _ = run([helper, errno.ENOMEM, "execve", programs.fortran("t_exec"), "fail",
                     "/bin/true"], check_rc=0)
    kv = parse(out)
    for routine in ("execv", "execve", "execvp"):
        assert int(kv[routine + "_ierror"]) == errno.ENOMEM, routine
    assert kv["same_pid"] == "1"


@pytest.mark.errno("PXFEXECV", "EINVAL")
@pytest.mark.errno("PXFEXECVP", "EINVAL")
def test_exec_bad_lengths(programs):
    kv = programs.run("t_exec", "bad_lengths")
    for key in ("path_negative", "path_toolong", "arg_toolong", "arg_negative",
                "argc_negative"):
        assert int(kv[key]) == errno.EINVAL, key


@pytest.mark.errno("PXFEXECV", "ENOENT", "EACCES")
def test_python_exec_success_and_failure(unrunnable):
    code = f"""
import pxf
try:
    pxf.execv({str(unrunnable['ENOENT'])!r}, ['x'])
except FileNotFoundError as e:
    print('enoent', e.errno, e.filename, flush=True)
try:
    pxf.execv({str(unrunnable['EACCES'])!r}, ['x'])
except PermissionError as e:
    print('eacces', e.errno, flush=True)
print('before exec', flush=True)
pxf.execve('/usr/bin/env', ['env'], {{'ONLY': 'this'}})
"""
    _, out, err = python_snippet(code, check_rc=0)
    assert out.splitlines() == [
        f"enoent {errno.ENOENT} {unrunnable['ENOENT']}",
        f"eacces {errno.EACCES}",
        "before exec",
        "ONLY=this",
    ], err


def test_python_execvp_keeps_unflushed_output():
    code = "import sys, pxf\nsys.stdout.write('unflushed|')\npxf.execvp('echo', ['echo', 'done'])\n"
    _, out, _ = python_snippet(code, check_rc=0)
    assert out == "unflushed|done\n"


def test_python_exec_empty_and_blank_arguments():
    code = "import pxf\npxf.execv('/bin/echo', ['echo', '', 'second', '  ', 'third'])\n"
    _, out, _ = python_snippet(code, check_rc=0)
    assert out == " second    third\n"  # '' and '  ' are arguments of their own


@pytest.mark.errno("PXFGETENV", "EINVAL")
def test_embedded_nul_is_einval_trailing_nul_terminates(programs):
    kv = programs.run("t_exec", "nul_strings")
    assert int(kv["embedded_nul"]) == errno.EINVAL
    assert kv["c_style_terminator"] == "0"


@pytest.mark.errno("PXFEXECV", "EINVAL")
@pytest.mark.errno("PXFEXECVP", "EINVAL")
@pytest.mark.errno("PXFEXECVE", "EINVAL")
@pytest.mark.errno("PXFSPAWN", "EINVAL")
@pytest.mark.errno("PXFSPAWNP", "EINVAL")
@pytest.mark.errno("PXFSPAWNE", "EINVAL")
def test_counts_beyond_the_arrays_are_einval(programs):
    """USE pxf / USE ifposix check IARGC and IENVC against the arrays'
    sizes (the implicit-interface externals cannot: docs/conventions.md)."""
    _, out, _ = run([programs.fortran("t_arrays")], check_rc=0)
    kv = parse(out)
    for key in ("execv_argc_over_argv", "execv_argc_over_lengths", "execvp_argc_over_argv",
                "execve_envc_over_env", "spawnp_argc_over_argv", "spawne_envc_over_env",
                "spawn_i8_argc_over_argv", "ifposix_argc_over_argv"):
        assert int(kv[key]) == errno.EINVAL, key
    assert kv["spawn_argc_over_argv"] == f"{errno.EINVAL} ipid=-1"
    assert kv["spawn_exact"] == "0" and kv["exit_status"] == "0"
    assert "counted\n" in out


def test_python_exec_arguments_like_os():
    code = """
import pxf
for call in (lambda: pxf.execv('/bin/true', []), lambda: pxf.execvp('true', []),
             lambda: pxf.execv('/bin/tr\\0ue', ['true']),
             lambda: pxf.execve('/bin/true', ['true'], {'A=B': '1'})):
    try:
        call()
    except ValueError as e:
        print(e, flush=True)
pxf.execve('/usr/bin/env', ['env'], {})
"""
    _, out, err = python_snippet(code, check_rc=0)
    assert out.splitlines() == ["execv() arg 2 must not be empty",   # os.execv's and
                                "execv() arg 2 must not be empty",   # os.execvp's
                                "embedded null byte", "illegal environment variable name"], err
