import brotli, sys, os, subprocess
d = sys.argv[1]
tot = 0
parts = []
for f in ["m_bg.wasm", "m.js", "elements.js"]:
    b = open(os.path.join(d, f), "rb").read()
    if f == "m_bg.wasm" and os.environ.get("KEEP"):
        # measure the shipped form: strip names/debug sections
        subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "node_modules", ".bin", "wasm-opt"), os.path.join(d, f), "--strip-debug", "--strip-producers", "-all", "-o", os.path.join(d, "stripped.wasm")], check=True)
        b = open(os.path.join(d, "stripped.wasm"), "rb").read()
    c = len(brotli.compress(b, quality=11, lgwin=22))
    tot += c
    parts.append(f"{f} raw {len(b)/1000:.1f} br {c/1000:.1f}")
print(d, "| total brotli %.1f kB |" % (tot/1000), "; ".join(parts))
