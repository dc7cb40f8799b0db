"""Sums `twiggy top -n 100000 --format csv` (v0-mangled names) by crate and by our module.

usage: group.py top.csv [--items N]
Two attributions:
  * by crate: the crate whose code it is (yew's CompStateInner<OurComp>::view counts as yew);
  * by owner: generic code instantiated for one of our types counts for our module that is first
    named in it (so CompStateInner<widgets::matrix::app::MatrixApp>::view -> widgets::matrix::app).
"""
import csv, re, sys, collections, glob, os

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src")
MODS = set()
for f in glob.glob(SRC + "/**/*.rs", recursive=True):
    p = f[len(SRC) + 1:-3].replace("/", "::")
    p = re.sub(r"(::)?(mod|lib)$", "", p)
    if p: MODS.add(p)
OURS = "wsis_sdg_widgets"
STDISH = {"core", "alloc", "std", "compiler_builtins", "dlmalloc"}
PRIMS = set("bool char str f32 f64 i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize".split())

def clean(n):
    n = re.sub(r"\[[0-9a-f]{10,20}\]", "", n)
    n = re.sub(r"::h[0-9a-f]{16}$", "", n)
    return n

def split_impl(n):
    """'<X as Y>::rest' -> (X, Y); '<X>::rest' -> (X, None); else (None, None)."""
    if not n.startswith("<"): return None, None
    depth = 0
    for i, ch in enumerate(n):
        if ch == "<": depth += 1
        elif ch == ">":
            depth -= 1
            if depth == 0:
                inner = n[1:i]; break
    else:
        return None, None
    # find top-level " as "
    depth = 0
    for i in range(len(inner)):
        ch = inner[i]
        if ch in "<([": depth += 1
        elif ch in ">)]": depth -= 1
        elif depth == 0 and inner.startswith(" as ", i):
            return inner[:i], inner[i + 4:]
    return inner, None

def path_crate(p):
    p = p.strip()
    p = re.sub(r"^(&mut |&|\*const |\*mut |dyn |impl )+", "", p)
    if p.startswith("<"):
        x, y = split_impl(p)
        return path_crate(x) if x else "?"
    if p.startswith(("[", "(")): return "core"
    head = re.split(r"::|<", p, 1)[0]
    if head in PRIMS: return "core"
    return head

def crate_of(n):
    x, y = split_impl(n)
    if x is not None:
        cx = path_crate(x)
        cy = path_crate(y) if y else None
        if cx in STDISH and cy and cy not in STDISH: return cy, y
        return cx, (x if cx not in STDISH or not y else y)
    return path_crate(n), n

def our_module(text):
    m = re.search(OURS + r"((?:::[A-Za-z_][A-Za-z0-9_]*)+)", text)
    if not m: return None
    parts = m.group(1).strip(":").split("::")
    best = "(crate root)"
    for i in range(1, len(parts) + 1):
        cand = "::".join(parts[:i])
        if cand in MODS: best = cand
    return best

def std_group(n, crate, path):
    if crate == "zmij": return "zmij (serde_json float printing)"
    if crate == "itoa": return "itoa (serde_json integer printing)"
    if crate not in STDISH: return crate
    if crate == "compiler_builtins": return "compiler_builtins (memcpy, …)"
    if crate == "dlmalloc": return "dlmalloc (allocator)"
    t = n
    if re.search(r"core::fmt|flt2dec|core::num::fmt|core::panicking|fmt::Display|fmt::Debug|fmt::Write|alloc::fmt", t):
        return "core::fmt (formatting, float printing)"
    if "dec2flt" in t or "core::num" in t: return "core::num (number parsing)"
    if "drop_in_place" in t: return f"{crate} (drop glue)"
    return crate

def classify(name):
    n = clean(name)
    if n.startswith('"function names"') or n.startswith('"data names"') or n.startswith("custom section"):
        return None, None
    if n.startswith("data segment"): return "data segments (strings, stylesheet, tables)", "data segments"
    if not ("::" in n or n.startswith("<")):
        if n.startswith(("export ", "import ", "type[", "global[", "elem[", "table[", "memory[")):
            return "wasm structure (exports, types, table)", "wasm structure"
        return "wasm-bindgen shims, intrinsics", "wasm-bindgen shims"
    if n.startswith("import "): return "wasm structure (exports, types, table)", "wasm structure"
    crate, path = crate_of(n)
    crate = crate.replace("-", "_")
    if crate == OURS:
        g = "ours: " + (our_module(n) or "?")
    else:
        g = std_group(n, crate, path)
    owner_mod = our_module(n)
    owner = ("ours: " + owner_mod) if owner_mod else g
    return g, owner

def main():
    path = sys.argv[1]
    nitems = int(sys.argv[sys.argv.index("--items") + 1]) if "--items" in sys.argv else 15
    rows = list(csv.DictReader(open(path)))
    by_crate = collections.Counter(); by_owner = collections.Counter(); cnt = collections.Counter()
    inst = collections.Counter()  # generic code of other crates instantiated for our module
    items = []
    total = 0
    for r in rows:
        g, owner = classify(r["Name"])
        if g is None: continue
        s = int(r["ShallowSize"]); total += s
        by_crate[g] += s; by_owner[owner] += s; cnt[g] += 1
        if owner != g: inst[(owner, g)] += s
        items.append((s, clean(r["Name"])))
    def table(title, c, top=None):
        print(f"\n| {title} | raw kB | share |\n|---|---|---|")
        ours = sum(v for k, v in c.items() if k.startswith("ours:"))
        rows_ = sorted(c.items(), key=lambda kv: -kv[1])
        shown = 0
        for k, v in rows_:
            if k.startswith("ours:"): continue
            print(f"| {k} | {v/1000:.1f} | {100*v/total:.1f} % |")
        print(f"| **ours: wsis_sdg_widgets (total)** | **{ours/1000:.1f}** | **{100*ours/total:.1f} %** |")
        for k, v in rows_:
            if not k.startswith("ours:"): continue
            if v < 300: continue
            print(f"| &nbsp;&nbsp;{k[6:]} | {v/1000:.1f} | {100*v/total:.1f} % |")
        print(f"| **total (shipped wasm, no names)** | **{total/1000:.1f}** | 100 % |")
    table("group (code by defining crate)", by_crate)
    table("group (generic code counted for our module it is instantiated for)", by_owner)
    print("\nLargest generic instantiations of other crates' code for our modules:")
    print("| our module | instantiated code of | raw kB |\n|---|---|---|")
    for (o, g), v in inst.most_common(20):
        print(f"| {o[6:] if o.startswith('ours:') else o} | {g} | {v/1000:.1f} |")
    print(f"\nTop {nitems} items:\n| # | item | raw bytes |\n|---|---|---|")
    items.sort(reverse=True)
    for i, (s, n) in enumerate(items[:nitems], 1):
        n = n.replace(OURS + "::", "⋯::").replace("|", "\\|")
        if len(n) > 160: n = n[:157] + "…"
        print(f"| {i} | `{n}` | {s} |")

main()
