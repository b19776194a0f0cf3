#!/usr/bin/env python3
"""Copy the named Fortran .mod files of libpxf out of meson's private
target directories, so they can be installed (meson has no install_modules).

usage: collect_mods.py BUILD_ROOT OUT_DIR NAME.mod...
Each name must be found exactly once under BUILD_ROOT (outside OUT_DIR).
"""
import os
import shutil
import sys


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
        shutil.copy2(paths[0], os.path.join(out_dir, name))


if __name__ == "__main__":
    main()
