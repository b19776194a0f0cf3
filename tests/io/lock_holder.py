"""Another process holding record locks, for tests/io/test_fcntl.py: the
program, and the test's side of it (LockHolder) with what the tests use to
watch locks (read_until, proc_locks, waits_for_lock).

    python lock_holder.py SECONDS PATH START:LEN [START:LEN ...]

takes a write lock on each range of PATH (at once, or it fails), prints
"held", and keeps them until its standard input is closed, or SECONDS have
passed: a failed test never leaves it (or a thread waiting for its lock)
waiting for good."""
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path


class LockHolder:
    """Another process holding write locks on PATH over RANGES ((start,
    length) ...) until release(), or for SECONDS at most."""

    def __init__(self, path, *ranges, seconds=30):
        self.proc = subprocess.Popen(
            [sys.executable, __file__, str(seconds), str(path),
             *(f"{s}:{n}" for s, n in ranges)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.pid = self.proc.pid
        try:
            read_until(self.proc.stdout.fileno(), b"held\n", 30)
        except BaseException:
            self.release()
            raise

    def release(self, wait=True):
        """Let the locks go: the holder exits when its stdin closes."""
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
        if wait:
            self.proc.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()
        self.proc.stdout.close()


def read_until(fd, marker: bytes, seconds: float) -> bytes:
    """What a pipe gives until MARKER, within SECONDS (else AssertionError)."""
    deadline = time.monotonic() + seconds
    got = b""
    while marker not in got:
        ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
        assert ready, f"no {marker!r} within {seconds} s: {got!r}"
        chunk = os.read(fd, 4096)
        assert chunk, f"the pipe ended before {marker!r}: {got!r}"
        got += chunk
    return got


def proc_locks(pid, first, last, blocked=False):
    """The lines of /proc/locks for PID's POSIX write lock on bytes
    FIRST..LAST: held, or (blocked=True) waited for."""
    arrow = r"-> " if blocked else ""
    rx = re.compile(rf"^\d+: {arrow}POSIX\s+ADVISORY\s+WRITE\s+{pid}\s+\S+\s+{first}\s+{last}$",
                    re.M)
    return rx.findall(Path("/proc/locks").read_text())


def waits_for_lock(pid, first, last, seconds=10.0) -> bool:
    """True once /proc/locks shows PID blocked on a write lock of
    FIRST..LAST (F_SETLKW waiting in the kernel), False after SECONDS."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc_locks(pid, first, last, blocked=True):
            return True
        time.sleep(0.02)
    return False


def main():
    import fcntl
    seconds, path, *ranges = sys.argv[1:]
    fd = os.open(path, os.O_RDWR)
    for spec in ranges:
        start, length = (int(x) for x in spec.split(":"))
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start, os.SEEK_SET)
    print("held", flush=True)
    select.select([sys.stdin], [], [], float(seconds))


if __name__ == "__main__":
    main()
