"""Brotli (q11, lgwin 22, KiB, as bench.rs measures) of each bundle in dist/: wasm + glue + loader;
then the stylesheet file every bundle fetches.
usage: python3 bench/bytes/dist.py [DIST]"""
import brotli, os, sys
d = sys.argv[1] if len(sys.argv) > 1 else "dist"
for loader, module in [("wsis-sdg-matrix.js", "wsis_sdg_matrix"), ("wsis-forum-outcomes.js", "wsis_forum_outcomes"),
                       ("p2c-pledges.js", "p2c_pledges"), ("wsis-sdg-widgets.js", "wsis_sdg_widgets"),
                       ("wsis-sdg-desk.js", "wsis_sdg_desk")]:
    sizes = [len(brotli.compress(open(os.path.join(d, f), "rb").read(), quality=11, lgwin=22))
             for f in (module + "_bg.wasm", module + ".js", loader)]
    print(f"{loader:24} wasm {sizes[0]/1024:6.1f}  glue {sizes[1]/1024:4.1f}  loader {sizes[2]/1024:4.1f}  total {sum(sizes)/1024:6.1f} kB")
# The desk's snippet module: no loader of its own, imported by the desk's on the first snippet download.
sizes = [len(brotli.compress(open(os.path.join(d, f), "rb").read(), quality=11, lgwin=22))
         for f in ("wsis_sdg_desk_snippet_bg.wasm", "wsis_sdg_desk_snippet.js")]
print(f"{'  desk snippet module':24} wasm {sizes[0]/1024:6.1f}  glue {sizes[1]/1024:4.1f}  (on first use)  total {sum(sizes)/1024:6.1f} kB")
css = len(brotli.compress(open(os.path.join(d, "wsis-sdg-widgets.css"), "rb").read(), quality=11, lgwin=22))
print(f"{'wsis-sdg-widgets.css':24} (fetched by every bundle, linked by pre-rendered snippets) {css/1024:6.1f} kB")
