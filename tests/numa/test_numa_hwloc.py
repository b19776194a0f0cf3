"""hwloc is loaded at run time, not linked (issue 11: every mapping a
linked library adds is copied by every fork): libpxf has no dependency on
it, loads it on the first call that needs the machine's topology, and when
it cannot be loaded those calls fail with ENOSYS while an override file
keeps working."""
import os
import re
import subprocess
import sys

import pytest

from pxf import _config
from support import REPO, run
from test_numa_c import FOUR, numa  # noqa: F401  (numa: the fixture)

LIBPXF = os.path.join(_config.LIBDIR, "libpxf.so")


def test_libpxf_does_not_link_hwloc():
    _, dynamic, _ = run(["objdump", "-p", LIBPXF], check_rc=0)
    assert "NEEDED" in dynamic and "hwloc" not in dynamic and "udev" not in dynamic
    _, undefined, _ = run(["nm", "-D", "--undefined-only", LIBPXF], check_rc=0)
    assert not re.search(r"\bhwloc_", undefined)
    _, static, _ = run(["nm", os.path.join(_config.LIBDIR, "libpxf.a")], check_rc=0)
    assert not re.search(r" U hwloc_", static)


def test_loaded_by_the_first_machine_query(numa):
    kv = numa("hwloc")
    assert kv["mapped.start"] == "0"
    assert kv["num.errno"] == "0" and int(kv["num"]) >= 1
    assert kv["mapped.num"] == "1"
    assert (kv["status"], kv["status.text"]) == ("0", _config.HWLOC_SONAME)
    assert re.fullmatch(r"libhwloc\.so\.\d+", _config.HWLOC_SONAME)


def test_an_override_file_does_not_load_it(numa, tmp_path):
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    kv = numa("hwloc", topology=topo)
    assert (kv["num"], kv["num.errno"], kv["mapped.num"]) == ("4", "0", "0")
    assert kv["status"] == "0" and kv["mapped.status"] == "1"


@pytest.fixture
def no_hwloc(tmp_path, monkeypatch):
    """LD_LIBRARY_PATH (searched before the loader's cache) leads to a
    libhwloc of the right soname that cannot be loaded: an empty file."""
    fake = tmp_path / "nohwloc"
    fake.mkdir()
    (fake / _config.HWLOC_SONAME).write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(fake))
    return fake


def test_without_hwloc_machine_calls_are_enosys(numa, no_hwloc):
    kv = numa("hwloc")
    assert (kv["num"], kv["num.errno"]) == ("-1", "ENOSYS")
    assert kv["status"] == "ENOSYS"
    assert kv["status.text"].startswith(str(no_hwloc / _config.HWLOC_SONAME) + ": ")
    assert kv["mapped.status"] == "0"
    kv = numa("nloc", "RAD", "0", "100")
    assert kv["rc"] == "ENOSYS"


def test_without_hwloc_an_override_file_works(numa, no_hwloc, tmp_path):
    topo = tmp_path / "four"
    topo.write_text(FOUR)
    kv = numa("hwloc", topology=topo)
    assert (kv["num"], kv["num.errno"], kv["status"]) == ("4", "0", "ENOSYS")
    assert numa("nloc", "RAD", "1", "160", topology=topo) == {"rc": "0", "set": "0,1"}


def stub_hwloc(tmp_path, monkeypatch, api_version: int | None) -> str:
    """A libhwloc of the right soname exporting hwloc_get_api_version
    (returning api_version) and, if api_version is given, every other
    function pxf looks up; first on LD_LIBRARY_PATH."""
    header = (REPO / "core/numa/hwloc_load.h").read_text()
    names = re.findall(r"^\s+X\((\w+)\)", header, flags=re.M)
    assert "get_api_version" in names and len(names) > 5
    body = [f"unsigned hwloc_get_api_version(void) {{ return {api_version or 0x20000}; }}"]
    if api_version is not None:
        body += [f"void hwloc_{n}(void) {{}}" for n in names if n != "get_api_version"]
    src = tmp_path / "stub.c"
    src.write_text("\n".join(body) + "\n")
    lib = tmp_path / "stub"
    lib.mkdir()
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(lib / _config.HWLOC_SONAME),
                    "-Wl,-soname," + _config.HWLOC_SONAME, str(src)], check=True)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(lib))
    return str(lib / _config.HWLOC_SONAME)


def test_another_major_version_is_refused(numa, tmp_path, monkeypatch):
    stub_hwloc(tmp_path, monkeypatch, 0x30000)
    kv = numa("hwloc")
    assert kv["num.errno"] == "ENOSYS" and kv["status"] == "ENOSYS"
    assert re.fullmatch(rf"{re.escape(_config.HWLOC_SONAME)} is hwloc API 0x30000, "
                        r"pxf was built for 0x2[0-9a-f]{4}", kv["status.text"])


def test_a_library_without_the_functions_is_refused(numa, tmp_path, monkeypatch):
    stub_hwloc(tmp_path, monkeypatch, None)
    kv = numa("hwloc")
    assert kv["num.errno"] == "ENOSYS" and kv["status"] == "ENOSYS"
    assert re.fullmatch(rf"{re.escape(_config.HWLOC_SONAME)}: no hwloc_\w+", kv["status.text"])


def test_python_reports_it(no_hwloc, tmp_path):
    import pxf
    code = ("import errno, pxf\n"
            "try:\n    pxf.numa.hwloc_status()\nexcept OSError as e:\n"
            "    print(e.errno == errno.ENOSYS, e.strerror)\n"
            "try:\n    pxf.numa.topology()\nexcept OSError as e:\n"
            "    print(e.errno == errno.ENOSYS)\n")
    _, out, _ = run([sys.executable, "-c", code], check_rc=0)
    first, second = out.splitlines()
    assert first.startswith("True Function not implemented: " + str(no_hwloc))
    assert second == "True"
    assert pxf.numa.hwloc_status() == _config.HWLOC_SONAME   # this process: unaffected
