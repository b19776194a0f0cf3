"""pxf's process functions take and refuse what os's take and refuse:
whole seconds, argv, and annotations that say exit and exec do not
return."""
import os
import signal
import time
import typing

import pytest

import pxf


@pytest.mark.parametrize("call", [pxf.sleep, pxf.alarm])
def test_seconds_are_whole_numbers(call):
    """PXFSLEEP and PXFALARM take an INTEGER: a float is refused, as
    os.setuid(1.0) is, rather than cut (sleep(0.9) slept 0 s)."""
    pxf.alarm(0)
    start = time.monotonic()
    for seconds in (0.9, 1.5, 0.0):
        with pytest.raises(TypeError) as e:
            call(seconds)
        assert str(e.value) == "'float' object cannot be interpreted as an integer"
    with pytest.raises(TypeError):
        os.setuid(1.0)
    assert time.monotonic() - start < 0.5   # nothing slept
    assert pxf.alarm(0) == 0                # and no alarm was set


def test_bool_and_integer_types_are_whole_numbers():
    """What os takes as an int (bool, numpy integers: operator.index)."""
    np = pytest.importorskip("numpy")
    # a 1 s alarm is set below: ignored, should the test be that slow
    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        assert pxf.alarm(np.int64(100)) == 0
        assert pxf.alarm(True) == 100
        assert pxf.alarm(0) == 1
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert pxf.sleep(False) == 0


@pytest.mark.parametrize("func", [pxf.exit, pxf.fastexit, pxf.execv, pxf.execve,
                                  pxf.execvp])
def test_no_return_annotations(func):
    assert typing.get_type_hints(func)["return"] is typing.NoReturn


# (pxf call, os call, os's message prefix); execvp's are execv's, as in os
ARGV_CASES = [
    (lambda a: pxf.execv("/bin/true", a), lambda a: os.execv("/bin/true", a),
     "execv() arg 2"),
    (lambda a: pxf.execvp("true", a), lambda a: os.execvp("true", a), "execv() arg 2"),
    (lambda a: pxf.execve("/bin/true", a, {}), lambda a: os.execve("/bin/true", a, {}),
     "execve: argv"),
    (lambda a: pxf.spawn("/bin/true", a), lambda a: os.posix_spawn("/bin/true", a, {}),
     None),
    (lambda a: pxf.spawn("/bin/true", a, {}), lambda a: os.posix_spawn("/bin/true", a, {}),
     None),
    (lambda a: pxf.spawnp("true", a), lambda a: os.posix_spawnp("true", a, {}), None),
]


@pytest.mark.parametrize("ours,theirs,prefix", ARGV_CASES)
@pytest.mark.parametrize("argv,what", [([], "must not be empty"), ((), "must not be empty"),
                                       ([""], "first element cannot be empty"),
                                       ([b"", "x"], "first element cannot be empty")])
def test_argv_refused_as_os_does(ours, theirs, prefix, argv, what):
    """Nothing is exec'd or spawned (the test process goes on, no child
    is left: conftest checks that); the message is os's for the same call,
    spawn and spawnp using their own names as posix_spawn does."""
    with pytest.raises(ValueError) as mine:
        ours(argv)
    with pytest.raises(ValueError) as os_error:
        theirs(argv)
    assert str(os_error.value).endswith(what)
    if prefix is not None:
        assert str(mine.value) == str(os_error.value) == f"{prefix} {what}"
    else:   # "posix_spawn: argv ..." there, "spawn: argv ..." here
        assert str(mine.value) == str(os_error.value).replace("posix_", "")
