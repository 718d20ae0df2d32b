#!/usr/bin/env python3
"""Checks the Cortex-M4 results against the x86-64 golden vectors, and the
flash and stack budgets.

    cortex_m_check.py VECTORS_JSON QEMU_OUTPUT ASSESS_ONLY_ELF WITH_JSON_ELF

- every `C <i> <json>` line equals cases[i].expected_json byte for byte
  (the x86-64 output that core/tests/golden.rs keeps in the vectors);
- every `E <i> <json>` line is the same JSON value as errors[i].expected;
- flash of the assess-only firmware <= 16 KiB, of the JSON one (with the text
  scanner) <= 96 KiB: every section the part keeps in flash, i.e. allocated
  and with contents in the file (the vector table, `.text`, `.rodata`, and
  `.data`, whose initial values are copied from flash at start), read from
  the ELF section headers, no binutils needed; a firmware over its budget
  would have to stay within a ceiling (CEILINGS) until it fits (none is);
- stack high-water mark of assess <= 1 KiB, of parse_complaint <= 4 KiB.
Prints the figures; exits 1 on any failure.
"""
import json
import struct
import sys

BUDGETS = {"flash_assess": 16 * 1024, "flash_json": 96 * 1024, "stack_assess": 1024, "stack_parse": 4096}

# A firmware over its budget is held at a ceiling until it fits (a ratchet:
# lowered when the firmware shrank, never raised, dropped once the budget is
# met). The JSON firmware was held at 142 KiB when flash was first counted in
# full, then 113 KiB; it fits its 96 KiB since the scanner reads the numeral
# before a unit in code and the JSON reader keeps the contract's field names
# apart from its documentation (96 080 B), and again, after the text readers and
# category phrases took it to 106 160 B, since the pattern text is packed and the
# writer links codes alone (97 384 B); with 4.4 KiB to spare (93 796 B) since the
# firmware's pattern text is compact and its factor codes share their group
# parts (97 056 B with the look-alike masks and the staff conduct phrases); with
# 7.9 KiB to spare (90 172 B) since the string scans are shared, 64-bit divisions
# written out and the most frequent Chinese characters of the pattern text
# written in one byte (95 380 B, 2.9 KiB to spare, with the phrases of text
# understanding v5 and v6); with 5.8 KiB to spare (92 328 B) since the compact
# pattern text's one-byte codes stand for the pieces of text that save it most
# and the scanner's entries are three bytes, their cue kept once per group and
# bucket; with 1.5 KiB to spare (96 776 B) with the Traditional form of every
# Simplified phrase and that round's safety, category, privacy and number phrases;
# with 3.4 KiB to spare (94 820 B) since the scanner's small-flash table has 32
# buckets, not 128 (its cue runs spend a bit per group in every bucket), and its
# compact text 113 one-byte pieces, not 85, whose starts take a byte each; with
# 1.6 KiB to spare (96 692 B) with the next round's staff, category, claim,
# people-at-risk and trapped-in-a-lift phrases.
# Neither firmware has a ceiling now: one byte over budget fails. See
# RELIABILITY.md.
CEILINGS = {}


SHT_NOBITS = 8
SHF_ALLOC = 0x2


def sections(path):
    """(name, type, flags, size) of the ELF32 little-endian sections."""
    data = open(path, "rb").read()
    assert data[:4] == b"\x7fELF" and data[4] == 1 and data[5] == 1, f"{path}: not an ELF32 LE file"
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    headers = [struct.unpack_from("<IIIIIIIIII", data, shoff + i * shentsize) for i in range(shnum)]
    strtab_off = headers[shstrndx][4]
    out = []
    for h in headers:
        name_off = strtab_off + h[0]
        name = data[name_off:data.index(b"\0", name_off)].decode()
        out.append((name, h[1], h[2], h[5]))
    return out


def section_sizes(path):
    """Sizes of the ELF32 little-endian sections, by name."""
    return {name: size for name, _, _, size in sections(path)}


def flash_bytes(path):
    """Bytes the firmware needs in flash: every allocated section with contents in the
    file (`.bss` and the stack are RAM only)."""
    return sum(size for _, kind, flags, size in sections(path) if flags & SHF_ALLOC and kind != SHT_NOBITS)


def judge(checks, budgets=BUDGETS, ceilings=CEILINGS):
    """(lines to print, failures) for the measured `checks` against `budgets`:
    a figure over its budget fails, unless it has a ceiling and is within it;
    a figure within its budget that still has a ceiling fails too (drop it)."""
    lines, failures = [], []
    for k, v in checks.items():
        ceiling = ceilings.get(k)
        if v <= budgets[k]:
            lines.append(f"{k:13} {v:7} bytes (budget {budgets[k]}) ok")
            if ceiling is not None:
                failures.append(f"{k} = {v} is within its budget of {budgets[k]}: drop its ceiling")
        elif ceiling is not None and v <= ceiling:
            lines.append(f"{k:13} {v:7} bytes (budget {budgets[k]}) OVER BUDGET by {v - budgets[k]}, within the ceiling {ceiling} that keeps it from growing")
        else:
            limit = ceiling if ceiling is not None else budgets[k]
            lines.append(f"{k:13} {v:7} bytes (budget {budgets[k]}) OVER {'CEILING' if ceiling is not None else 'BUDGET'}")
            failures.append(f"{k} = {v} exceeds its {'ceiling' if ceiling is not None else 'budget'} of {limit}")
    return lines, failures


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
    figures["flash_assess"] = flash_bytes(assess_elf)
    figures["flash_json"] = flash_bytes(json_elf)
    for name, elf in (("assess", assess_elf), ("json", json_elf)):
        sizes = section_sizes(elf)
        for section in (".text", ".rodata", ".data"):
            figures[f"{section[1:]}_{name}"] = sizes.get(section, 0)
    checks = {
        "flash_assess": figures["flash_assess"],
        "flash_json": figures["flash_json"],
        "stack_assess": figures.get("stack_assess", 1 << 30),
        "stack_parse": figures.get("stack_parse", 1 << 30),
    }
    lines, budget_failures = judge(checks)
    for line in lines:
        print(line)
    failures.extend(budget_failures)
    for k in sorted(figures):
        if k not in checks:
            print(f"{k:13} {figures[k]:7} bytes")
    print(f"cortex-m4 golden: {len(seen_c)} cases byte-identical to x86-64, {len(seen_e)} errors equal" if not failures else "")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
