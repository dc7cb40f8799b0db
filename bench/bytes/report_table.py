"""Per-bundle table: group -> raw kB, share of shipped wasm, marginal brotli kB (from brshare)."""
import sys, re, collections, csv
sys_argv = sys.argv
bundle = sys_argv[1]; owner = len(sys_argv) > 2 and sys_argv[2] == "--owner"
sys.argv = [sys.argv[0], "/dev/null"]
exec(open("./sizes/group.py").read().replace("\nmain()\n", "\n"))
rows = list(csv.DictReader(open(f"./sizes/out/{bundle}.top.csv")))
c = collections.Counter(); total = 0
for r in rows:
    g, o = classify(r["Name"])
    if g is None: continue
    k = o if owner else g
    c[k] += int(r["ShallowSize"]); total += int(r["ShallowSize"])
brf = f"./sizes/out/{bundle}.brshare{'-owner' if owner else ''}.md"
br = {}
try:
    for line in open(brf):
        m = re.match(r"\| (.+?) \| ([\d.]+) \| (-?[\d.]+) \|$", line.strip())
        if m: br[m.group(1)] = float(m.group(3))
except FileNotFoundError:
    pass
ALIAS = {"wasm-bindgen shims": "wasm-bindgen shims, intrinsics", "wasm structure": "wasm structure (exports, types, table)", "data segments": "data segments (strings, stylesheet, tables)"}
def brs(k):
    v = br.get(k, br.get(ALIAS.get(k, k)))
    return f"{v:.1f}" if v is not None else "–"
print(f"| group | raw kB | share | brotli kB (marginal) |\n|---|---|---|---|")
ours = {k: v for k, v in c.items() if k.startswith("ours:")}
other = {k: v for k, v in c.items() if not k.startswith("ours:")}
small = 0
for k, v in sorted(other.items(), key=lambda kv: -kv[1]):
    if v < 1500: small += v; continue
    print(f"| {k} | {v/1000:.1f} | {100*v/total:.1f} % | {brs(k)} |")
if small: print(f"| other crates < 1.5 kB each | {small/1000:.1f} | {100*small/total:.1f} % | |")
ot = sum(ours.values())
print(f"| **wsis_sdg_widgets (ours), total** | **{ot/1000:.1f}** | **{100*ot/total:.1f} %** | |")
small = 0
for k, v in sorted(ours.items(), key=lambda kv: -kv[1]):
    if v < (3000 if owner else 1500): small += v; continue
    print(f"| &nbsp;&nbsp;`{k[6:]}` | {v/1000:.1f} | {100*v/total:.1f} % | {brs(k)} |")
print(f"| &nbsp;&nbsp;other modules of ours | {small/1000:.1f} | {100*small/total:.1f} % | |")
print(f"| **shipped wasm (no names)** | **{total/1000:.1f}** | 100 % | |")
