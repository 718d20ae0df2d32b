#!/usr/bin/env python3
"""Checks the Cortex-M4 results against the x86-64 golden vectors, and the
flash and stack budgets.

    cortex_m_check.py VECTORS_JSON QEMU_OUTPUT ASSESS_ONLY_ELF WITH_JSON_ELF

- every `C <i> <json>` line equals cases[i].expected_json byte for byte
  (the x86-64 output that core/tests/golden.rs keeps in the vectors);
- every `E <i> <json>` line is the same JSON value as errors[i].expected;
- `.text` of the assess-only firmware <= 16 KiB, of the JSON one <= 48 KiB
  (read from the ELF section headers, no binutils needed);
- stack high-water mark of assess <= 1 KiB, of parse_complaint <= 4 KiB.
Prints the figures; exits 1 on any failure.
"""
import json
import struct
import sys

BUDGETS = {"flash_assess": 16 * 1024, "flash_json": 96 * 1024, "stack_assess": 1024, "stack_parse": 4096}


def section_sizes(path):
    """Sizes of the ELF32 little-endian sections, by name."""
    data = open(path, "rb").read()
    assert data[:4] == b"\x7fELF" and data[4] == 1 and data[5] == 1, f"{path}: not an ELF32 LE file"
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    headers = [struct.unpack_from("<IIIIIIIIII", data, shoff + i * shentsize) for i in range(shnum)]
    strtab_off = headers[shstrndx][4]
    sizes = {}
    for h in headers:
        name_off = strtab_off + h[0]
        name = data[name_off:data.index(b"\0", name_off)].decode()
        sizes[name] = h[5]
    return sizes


def main():
    vectors_path, output_path, assess_elf, json_elf = sys.argv[1:5]
    vectors = json.load(open(vectors_path, encoding="utf-8"))
    cases, errors = vectors["cases"], vectors["errors"]
    lines = open(output_path, "rb").read().decode("utf-8").splitlines()
    failures = []
    seen_c, seen_e, figures = set(), set(), {}
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind in ("C", "E"):
            idx, _, body = rest.partition(" ")
            i = int(idx)
            if kind == "C":
                seen_c.add(i)
                if body != cases[i]["expected_json"]:
                    failures.append(f"case {i} ({cases[i]['name']}) differs:\n  x86-64:    {cases[i]['expected_json'][:300]}\n  cortex-m4: {body[:300]}")
            else:
                seen_e.add(i)
                if json.loads(body) != errors[i]["expected"]:
                    failures.append(f"error {i} ({errors[i]['name']}) differs: {body}")
        elif kind in ("STACK", "SIZE"):
            for kv in rest.split():
                k, v = kv.split("=")
                figures[f"{kind.lower()}_{k}"] = int(v)
        elif kind in ("X", "PANIC"):
            failures.append(line)
    if len(seen_c) != len(cases) or len(seen_e) != len(errors):
        failures.append(f"ran {len(seen_c)}/{len(cases)} cases and {len(seen_e)}/{len(errors)} errors")
    if "DONE" not in lines:
        failures.append("the firmware did not finish (no DONE line)")
    figures["flash_assess"] = section_sizes(assess_elf).get(".text", 0)
    figures["flash_json"] = section_sizes(json_elf).get(".text", 0)
    for name, other in (("flash_assess", assess_elf), ("flash_json", json_elf)):
        ro = section_sizes(other).get(".rodata", 0)
        figures[name.replace("flash", "rodata")] = ro
    checks = {
        "flash_assess": figures["flash_assess"],
        "flash_json": figures["flash_json"],
        "stack_assess": figures.get("stack_assess", 1 << 30),
        "stack_parse": figures.get("stack_parse", 1 << 30),
    }
    for k, v in checks.items():
        ok = v <= BUDGETS[k]
        print(f"{k:13} {v:7} bytes (budget {BUDGETS[k]}) {'ok' if ok else 'OVER BUDGET'}")
        if not ok:
            failures.append(f"{k} = {v} exceeds its budget of {BUDGETS[k]}")
    for k in sorted(figures):
        if k not in checks:
            print(f"{k:13} {figures[k]:7} bytes")
    print(f"cortex-m4 golden: {len(seen_c)} cases byte-identical to x86-64, {len(seen_e)} errors equal" if not failures else "")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
