"""Compressed (brotli) share per group: brotli(shipped wasm) - brotli(wasm without that group's
function bodies / data).  Needs the names build (wasm-opt -g); strips names before measuring.
usage: brshare.py named.wasm [--owner]"""
import sys, collections, brotli, csv, io
sys.argv, args = [sys.argv[0], "/dev/null"], sys.argv[1:]
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "group.py")).read().replace("\nmain()\n", "\n")
exec(src)
from sections import leb, sections

def br(x): return len(brotli.compress(bytes(x), quality=11, lgwin=22))

path = args[0]; use_owner = "--owner" in args
b = open(path, "rb").read()
secs = sections(b)
# imported function count
nimp = 0
for name, body in secs:
    if name == "import":
        n, i = leb(body, 0)
        for _ in range(n):
            l, i = leb(body, i); i += l
            l, i = leb(body, i); i += l
            kind = body[i]; i += 1
            if kind == 0: _, i = leb(body, i); nimp += 1
            elif kind == 1: i += 1; fl, i = leb(body, i); _, i = leb(body, i); i = leb(body, i)[1] if fl & 1 else i
            elif kind == 2: fl, i = leb(body, i); _, i = leb(body, i); i = leb(body, i)[1] if fl & 1 else i
            elif kind == 3: i += 2
            elif kind == 4: i += 1; _, i = leb(body, i)
names = {}
for name, body in secs:
    if name == "custom:name":
        ln, i = leb(body, 0); i += ln
        while i < len(body):
            sid = body[i]; i += 1
            sz, i = leb(body, i); end = i + sz
            if sid == 1:
                n, j = leb(body, i)
                for _ in range(n):
                    idx, j = leb(body, j); l, j = leb(body, j)
                    names[idx] = body[j:j+l].decode("utf-8", "replace"); j += l
            i = end
code = dict(secs)["code"]
n, i = leb(code, 0)
bodies = []
for k in range(n):
    sz, j = leb(code, i)
    bodies.append((names.get(nimp + k, f"func[{nimp+k}]"), code[i:j+sz]))
    i = j + sz
others = [(nm, body) for nm, body in secs if nm not in ("code",) and not nm.startswith("custom:name") and nm != "custom:producers"]
groups = collections.defaultdict(list)
for k, (nm, body) in enumerate(bodies):
    g, owner = classify(nm)
    if g is None: g = owner = "?"
    groups[owner if use_owner else g].append(k)
def assemble(skip=set(), skip_data=False):
    out = bytearray()
    for nm, body in others:
        if skip_data and nm == "data": continue
        out += body
    for k, (nm, body) in enumerate(bodies):
        if k not in skip: out += body
    return out
full = assemble()
base = br(full)
rows = []
for g, ks in groups.items():
    raw = sum(len(bodies[k][1]) for k in ks)
    if raw < 1500: continue
    rows.append((base - br(assemble(set(ks))), raw, g))
rows.append((base - br(assemble(skip_data=True)), len(dict(secs)["data"]), "data segments (strings, stylesheet, tables)"))
rows.sort(reverse=True)
print(f"brotli of sections concatenated: {base/1000:.1f} kB")
print("| group | raw kB | brotli kB (marginal) |\n|---|---|---|")
for d, raw, g in rows:
    print(f"| {g.replace('ours: ', 'ours: ')} | {raw/1000:.1f} | {d/1000:.1f} |")
