#!/usr/bin/env python3
"""usage: elf_soname.py LIBRARY — print the DT_SONAME of a shared library
(an ELF file, 32 or 64 bits, either byte order; symlinks followed).

meson.build runs it on the libhwloc that hwloc's pkg-config names, so that
libpxf dlopens exactly the library whose headers it was compiled with. Exit
status 1 and a message when LIBRARY is no ELF shared library with a soname
(a static-only install, a linker script)."""
import struct
import sys


def soname(path: str) -> str:
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF":
        raise ValueError("not an ELF file")
    bits = {1: 32, 2: 64}[data[4]]
    end = {1: "<", 2: ">"}[data[5]]
    if bits == 64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        sh_fmt, dyn_fmt = end + "IIQQQQIIQQ", end + "qQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sh_fmt, dyn_fmt = end + "IIIIIIIIII", end + "iI"
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, *_ in sections:
        if kind != 6:                       # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        step = struct.calcsize(dyn_fmt)
        for at in range(offset, offset + size, step):
            tag, value = struct.unpack_from(dyn_fmt, data, at)
            if tag == 0:                    # DT_NULL
                break
            if tag == 14:                   # DT_SONAME
                return data[strtab + value:data.index(b"\0", strtab + value)].decode()
    raise ValueError("no DT_SONAME")


def main() -> int:
    try:
        print(soname(sys.argv[1]))
    except (OSError, ValueError, KeyError, struct.error) as e:
        print(f"elf_soname.py: {sys.argv[1]}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
