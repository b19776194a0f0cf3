"""docs/porting.md runs as written: its Fortran programs are written to
<program name>.f90 in a fresh directory and its shell blocks run there,
line by line, in one shell (gfortran becomes the compiler this pxf was
built with), and the programs print what the guide says they print."""
import os
import re

from pxf import _config
from support import REPO, run_shell_lines

GUIDE = REPO / "docs" / "porting.md"


def blocks(lang):
    return re.findall(rf"^```{lang}\n(.*?)^```$", GUIDE.read_text(), flags=re.M | re.S)


def test_porting_guide_commands(tmp_path):
    programs = {}
    for source in blocks("fortran"):
        name = re.match(r"program (\w+)\n", source).group(1)
        (tmp_path / f"{name}.f90").write_text(source)
        programs[name] = source
    assert sorted(programs) == ["cray_style", "ifort_style"]
    lines = [line.replace("gfortran ", f"{_config.FC} ", 1) if line.startswith("gfortran ")
             else line for b in blocks("sh") for line in b.splitlines() if line.strip()]
    # the pkg-config line needs the Python package's directory (pxf config)
    assert any("pxf config --pkgconfig" in line for line in lines)
    out, _ = run_shell_lines(lines, cwd=tmp_path, env=dict(os.environ))
    got = out.splitlines()
    ifort = ["root is a directory: T", "unknown constant: ierror = -1"]
    assert got[:4] == ifort + ifort          # pxf run, then the pkg-config build
    assert re.fullmatch(r"pid [1-9]\d*, ierror 0", got[4])
    assert got[5:] == [os.path.realpath(tmp_path)]
    text = GUIDE.read_text()
    assert "It prints `root is a directory: T` and `unknown constant: ierror = -1`." in text
