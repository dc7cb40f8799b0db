"""Categorise the data section's bytes that are not our literals (printable runs by pattern)."""
import re, sys, brotli, collections
rest = open(sys.argv[1], "rb").read()
cats = collections.defaultdict(bytearray)
pos = 0
for m in re.finditer(rb"[\x20-\x7e\x80-\xff\t\n]{4,}", rest):
    cats["binary (vtables, tables, numbers, padding)"] += rest[pos:m.start()]
    pos = m.end()
    s = m.group()
    # split path runs out of mixed runs
    for part in re.split(rb"(/root/\.cargo/registry/src/[^ ]*?\.rs|/rustc/[0-9a-f]{40}/library/[^ ]*?\.rs|src/[a-z_/]+\.rs)", s):
        if not part: continue
        if part.endswith(b".rs") and (b"/" in part):
            k = "panic locations: registry paths" if b".cargo" in part else "panic locations: /rustc/ paths" if part.startswith(b"/rustc") else "panic locations: our src/ paths"
        elif re.search(rb"onclick|onblur|onauxclick|onkey", part): k = "yew event names"
        elif re.search(rb"entity not found|permission denied|connection refused", part): k = "std::io error kind texts"
        elif re.search(rb"EOF while parsing|expected value|invalid type|invalid value|missing field|unknown field|duplicate field|unknown variant", part): k = "serde / serde_json error texts"
        elif re.search(rb"struct Raw|struct [A-Z]", part): k = "serde derive: names, field lists"
        elif re.search(rb"unwrap|borrow|assertion|panick|overflow|index out of|closure invoked|null pointer", part): k = "panic/assert messages"
        else: k = "other text"
        cats[k] += part
cats["binary (vtables, tables, numbers, padding)"] += rest[pos:]
tot = len(rest)
print("| data (not our literals) | raw kB | brotli alone kB |\n|---|---|---|")
for k, v in sorted(cats.items(), key=lambda kv: -len(kv[1])):
    print(f"| {k} | {len(v)/1000:.1f} | {len(brotli.compress(bytes(v), quality=11))/1000:.1f} |")
if len(sys.argv) > 2:
    print(bytes(cats["other text"])[:3000])
