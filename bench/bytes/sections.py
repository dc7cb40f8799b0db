"""Sections of a wasm file: raw and brotli size each; data segments; string literals by source file."""
import sys, re, os, glob, brotli

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

NAMES = {0:"custom",1:"type",2:"import",3:"function",4:"table",5:"memory",6:"global",7:"export",8:"start",9:"elem",10:"code",11:"data",12:"datacount"}

def sections(b):
    i = 8
    out = []
    while i < len(b):
        sid = b[i]; i += 1
        n, i = leb(b, i)
        body = b[i:i+n]
        name = NAMES.get(sid, str(sid))
        if sid == 0:
            ln, j = leb(body, 0); name = "custom:" + body[j:j+ln].decode()
        out.append((name, body)); i += n
    return out

def data_segments(body):
    n, i = leb(body, 0)
    segs = []
    for _ in range(n):
        flag, i = leb(body, i)
        if flag == 0:
            # i32.const offset end
            assert body[i] == 0x41; i += 1
            off, i = leb(body, i)  # signed, but fine for small
            assert body[i] == 0x0b; i += 1
        elif flag == 1:
            off = None
        else:
            raise ValueError(flag)
        ln, i = leb(body, i)
        segs.append((off, body[i:i+ln])); i += ln
    return segs

def br(x): return len(brotli.compress(bytes(x), quality=11, lgwin=22))

def literals(path):
    src = open(path, encoding="utf-8").read()
    # strip line comments (doc comments contain quotes)
    src = re.sub(r'//[^\n]*', '', src)
    lits = []
    for m in re.finditer(r'r(#*)"(.*?)"\1|"((?:[^"\\]|\\.)*)"', src, re.S):
        if m.group(2) is not None:
            lits.append(m.group(2))
        else:
            s = m.group(3)
            try:
                s = s.encode('latin-1', 'backslashreplace').decode('unicode_escape').encode('latin-1').decode('utf-8')
            except Exception:
                pass
            # rust line continuation "\<newline> spaces"
            s = re.sub(r'\\\n\s*', '', m.group(3)) if '\\\n' in m.group(3) else s
            lits.append(s)
    return lits

if __name__ == "__main__":
    b = open(sys.argv[1], "rb").read()
    secs = sections(b)
    print("| section | raw kB | brotli alone kB |")
    print("|---|---|---|")
    for name, body in secs:
        print(f"| {name} | {len(body)/1000:.1f} | {br(body)/1000:.1f} |")
    data = b"".join(s for _, s in data_segments(dict(secs)["data"])) if "data" in dict(secs) else b""
    print(f"\nwhole file brotli {br(b)/1000:.1f} kB; data bytes {len(data)/1000:.1f} kB")
    # stylesheet
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src")
    m = re.search(r'const BASE: &str = r#"(.*?)"#;', open(root + "/ui/style.rs").read(), re.S)
    css = m.group(1).encode()
    pos = data.find(css)
    print(f"stylesheet BASE {len(css)/1000:.1f} kB raw, found in data: {pos>=0}, brotli alone {br(css)/1000:.1f} kB")
    # string literals per source file, found in data (longest first, each data range counted once)
    claimed = bytearray(len(data))
    per = {}
    items = []
    for f in sorted(glob.glob(root + "/**/*.rs", recursive=True)):
        for s in set(literals(f)):
            e = s.encode()
            if len(e) >= 4: items.append((len(e), f[len(root)+1:], e))
    items.sort(reverse=True)
    for ln, f, e in items:
        start = 0
        while True:
            p = data.find(e, start)
            if p < 0: break
            if not any(claimed[p:p+ln]):
                claimed[p:p+ln] = b"\x01" * ln
                per.setdefault(f, bytearray()).extend(e)
                break
            start = p + 1
    tot = sum(len(v) for v in per.values())
    print(f"\nstring literals of src/ found in data: {tot/1000:.1f} kB raw of {len(data)/1000:.1f} kB")
    print("| source file | literal bytes in data kB | brotli alone kB |")
    print("|---|---|---|")
    for f, v in sorted(per.items(), key=lambda kv: -len(kv[1])):
        if len(v) >= 100:
            print(f"| src/{f} | {len(v)/1000:.1f} | {br(v)/1000:.1f} |")
    rest = bytes(d for d, c in zip(data, claimed) if not c)
    print(f"\ndata not matched to our literals: {len(rest)/1000:.1f} kB raw, brotli alone {br(rest)/1000:.1f} kB; zero bytes in it: {rest.count(0)/1000:.1f} kB")
    if len(sys.argv) > 2:
        open(sys.argv[2], "wb").write(rest)
