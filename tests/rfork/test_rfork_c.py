"""The C API of <pxf/rfork.h>: each flag's observable effect, measured by
tests/rfork/rfork_cases.c in real children (fd tables, memory, signal
handlers, exit signals, reparenting, process groups, mount namespaces)."""
import os
import signal

import pytest

from support import as_unprivileged, parse, run


@pytest.fixture(scope="module")
def cases(programs):
    exe = programs.c("rfork_cases", "-lpxf")

    def run_case(*args, **kw):
        _, out, _ = run([exe, *args], check_rc=0, **kw)
        return parse(out)
    return run_case


def test_fd_tables(cases):
    kv = cases("fds")
    # no RFFDG/RFCFDG: one table; what the child opens or closes is the
    # parent's too
    assert kv["share.child_fd_visible_in_parent"] == "1"
    assert kv["share.parent_fd_closed_by_child"] == "1"
    # RFFDG: a copy
    assert kv["copy.child_fd_visible_in_parent"] == "0"
    assert kv["copy.parent_fd_closed_by_child"] == "0"
    # RFCFDG: the child starts with no descriptor at all
    assert kv["clean.child_open_fds"] == "0"
    # a shared or copied table refers to the same open files: one offset
    assert kv["share.shared_offset"] == "5"
    assert kv["copy.shared_offset"] == "5"
    assert kv["clean.shared_offset"] == "0"
    for label in ("share", "copy", "clean"):
        assert kv[label + ".parent_fds_intact"] == "1"


def test_fd_tables_without_rfproc(cases):
    kv = cases("fds")
    # RFFDG alone: a child that shared its parent's table unshares it
    assert (kv["unshare.rc"], kv["unshare.errno"]) == ("0", "0")
    assert kv["unshare.opened_before_visible"] == "1"
    assert kv["unshare.opened_after_visible"] == "0"
    # RFCFDG alone: its own table, emptied (one fd opened after the call)
    assert kv["empty.child_open_fds"] == "1"
    assert kv["empty.parent_pipe_intact"] == "1"


def test_nowait(cases):
    kv = cases("nowait")
    assert kv["nowait.pid_positive"] == "1"
    assert kv["nowait.waitpid"] == "ECHILD"
    assert kv["nowait.wait"] == "ECHILD"
    # it ran to completion, no longer a child of the caller
    assert kv["nowait.child_report"] == "done 0"


@pytest.mark.parametrize("label,signum", [
    ("usr2", signal.SIGUSR2), ("none", 0), ("linuxthpn", signal.SIGUSR1),
    ("default", signal.SIGCHLD)])
def test_exit_signal(cases, label, signum):
    kv = cases("signals")
    assert kv[f"{label}.signal"] == str(int(signum))
    assert kv[f"{label}.si_pid_is_child"] == ("1" if signum else "0")
    assert kv[f"{label}.more_pending"] == "0"  # no SIGCHLD besides
    # plain waitid does not see a child with another exit signal ...
    assert kv[f"{label}.plain_waitid"] == ("0" if signum == signal.SIGCHLD else "ECHILD")
    # ... pxf_waitpid does
    assert kv[f"{label}.pxf_waitpid"] == "0"
    assert kv[f"{label}.exit_status"] == "7"


def test_rfmem_and_rfsigshare(cases):
    kv = cases("memory")
    assert kv["mem.exit_status"] == "3"  # func's return value
    assert kv["mem.parent_sees_word"] == "42"
    assert kv["mem.parent_sees_handler"] == "0"
    assert kv["mem.child_pthread_self_differs"] == "1"
    assert kv["mem_sigshare.parent_sees_word"] == "42"
    assert kv["mem_sigshare.parent_sees_handler"] == "1"
    # rfork_thread without RFMEM: a copy
    assert kv["copy.exit_status"] == "3"
    assert kv["copy.parent_sees_word"] == "0"
    assert kv["copy.parent_sees_handler"] == "0"


def test_rfspawn_resets_caught_signals(cases):
    kv = cases("spawn")
    # 10: the caught SIGUSR1 is default in the child; 1: ignored SIGUSR2
    # stays ignored
    assert kv["spawn.rfork_child"] == "11"
    assert kv["spawn.rfork_thread_child"] == "11"
    assert kv["spawn.parent_handler_kept"] == "1"


def test_errors(cases):
    kv = cases("errors")
    for name in ("fdg_cfdg", "plan9_bit", "unknown_bit", "kernel_only_stopped",
                 "spawn_plus", "signal_without_zmb", "signal_too_big",
                 "thread_without_proc", "thread_null_stack"):
        assert kv["errors." + name] == "EINVAL", name
    # what Linux cannot do exactly is refused, not approximated
    for name in ("sigshare_without_mem", "mem_without_stack", "nowait_thread",
                 "thread_nowait", "divorce"):
        assert kv["errors." + name] == "ENOTSUP", name
    assert kv["errors.no_divorce_with_rfmem"] == "0"
    assert kv["errors.unshare_after_child_gone"] == "0"


def test_eagain_from_rlimit_nproc(cases):
    kv = cases("eagain", preexec_fn=as_unprivileged(nproc=0))
    for path in ("fork", "clone3", "nowait", "spawn", "rfmem"):
        assert kv["eagain." + path] == "EAGAIN", path
    assert kv["eagain.children_left"] == "ECHILD"


@pytest.mark.parametrize("path", ["fork", "shared_fds", "exit_signal", "rfmem"])
def test_glibc_state_in_children(cases, path):
    # The child locks a robust process-shared mutex and exits holding it:
    # the parent gets EOWNERDEAD only if glibc's cached tid in the child is
    # the child's and its robust list is registered (with either missing the
    # kernel does not release it: the parent times out - checked by
    # removing CLONE_CHILD_SETTID). malloc/snprintf ran in the child,
    # and gettid() == getpid() there (status 11).
    kv = cases("glibc")
    assert kv[path + ".child_status"] == "11"
    assert kv[path + ".parent_lock"] == "EOWNERDEAD"


def test_rfthread_peer_dies_with_creator(cases):
    kv = cases("peer")
    assert kv["peer.gone_with_creator"] == "1"
    assert kv["peer_shared_fds.gone_with_creator"] == "1"
    assert kv["ordinary.gone_with_creator"] == "0"


def test_plan9(cases):
    kv = cases("plan9")
    for name in ("fdg_cfdg", "nameg_cnameg", "envg_cenvg", "mem_without_proc",
                 "nowait_without_proc", "freebsd_only_bit"):
        assert kv["plan9." + name] == "EINVAL", name
    assert kv["plan9.mem_with_proc"] == "ENOTSUP"
    assert kv["plan9.noteg_new_group"] == "1"
    assert kv["plan9.plain_new_group"] == "0"
    assert kv["plan9.noteg_in_place"] == "1"
    assert kv["plan9.cenvg_empty"] == "1"
    assert kv["plan9.parent_env_kept"] == "1"
    assert kv["plan9.nomnt_refuses"] == "11"  # mount and umount2: EPERM


@pytest.mark.skipif(os.getuid() != 0, reason="mounting needs root")
def test_plan9_rfnameg_private_mounts(cases, tmp_path):
    kv = cases("nameg", tmp_path)
    assert kv["nameg.rfork"] == "0"
    assert kv["nameg.child"] == "0"  # mounted a tmpfs, created a file in it
    assert kv["nameg.parent_sees_mount"] == "0"


def test_plan9_rfnameg_unprivileged(cases, workdir):
    kv = cases("nameg", workdir, preexec_fn=as_unprivileged())
    assert kv["nameg.rfork"] == "EPERM"
