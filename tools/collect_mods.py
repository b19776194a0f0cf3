#!/usr/bin/env python3
"""Copy the named Fortran .mod files of libpxf out of meson's private
target directories, so they can be installed (meson has no install_modules).

usage: collect_mods.py BUILD_ROOT OUT_DIR NAME.mod...
Each name must be found exactly once under BUILD_ROOT (outside OUT_DIR).

flang's text module files record the checksum of every module they use
(`!need$ <sum> n <module>`), and flang 22 may keep an unchanged module file
after a rebuild, with a stale checksum: a program using the installed
modules would then fail to compile. That is refused here, with the cure.
"""
import os
import re
import shutil
import sys

SUM = re.compile(r"^!mod\$ v\d+ sum:([0-9a-f]+)", re.M)
NEED = re.compile(r"^!need\$ ([0-9a-f]+) n (\w+)$", re.M)


def check_flang_checksums(paths: dict[str, str], build_root: str) -> None:
    texts = {}
    for name, path in paths.items():
        with open(path, "rb") as f:
            head = f.read(4)
        if b"!mod" not in head:  # gfortran writes gzip: nothing to check
            return
        texts[name[:-4]] = open(path, encoding="utf-8-sig").read()
    sums = {m: SUM.search(t).group(1) for m, t in texts.items()}  # utf-8-sig drops the BOM
    for mod, text in texts.items():
        for need, used in NEED.findall(text):
            if used in sums and sums[used] != need:
                sys.exit(f"collect_mods: {mod}.mod records a stale checksum of {used}.mod "
                         f"(an incremental flang rebuild); remove {build_root} and build again")


def main():
    build_root, out_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    found = {n: [] for n in names}
    for root, _dirs, files in os.walk(build_root):
        if os.path.abspath(root) == os.path.abspath(out_dir):
            continue
        if not root.endswith(".p"):  # meson's private target dirs
            continue
        for f in files:
            if f in found:
                found[f].append(os.path.join(root, f))
    for name, paths in found.items():
        if len(paths) != 1:
            sys.exit(f"collect_mods: expected one {name} in {build_root}, found {paths}")
    check_flang_checksums({n: p[0] for n, p in found.items()}, build_root)
    for name, paths in found.items():
        shutil.copy2(paths[0], os.path.join(out_dir, name))


if __name__ == "__main__":
    main()
