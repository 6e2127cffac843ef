#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/images/<name>.svg with the bpmn-js viewer the app serves itself,
# in headless Chromium (Debian's `chromium`). Run it after changing a diagram: ./scripts/render-diagrams.sh
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "Chromium is needed (apt-get install chromium)." >&2; exit 1; }
viewer="$PWD/src/main/resources/static/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/images
for bpmn in processes/*.bpmn; do
  name=$(basename "$bpmn" .bpmn)
  python3 - "$bpmn" "$viewer" "$work/$name.html" <<'PY'
import json, sys
bpmn, viewer, page = sys.argv[1:]
xml = open(bpmn, encoding="utf-8").read()
open(page, "w", encoding="utf-8").write(f"""<!doctype html><html><body><div id="canvas" style="width:2000px;height:1200px"></div>
<pre id="out"></pre><script src="file://{viewer}"></script><script>
const viewer = new BpmnJS({{ container: '#canvas' }});
viewer.importXML({json.dumps(xml)})
  .then(() => viewer.saveSVG())
  .then(result => {{ document.getElementById('out').textContent = result.svg; document.getElementById('canvas').remove(); }})
  .catch(error => {{ document.getElementById('out').textContent = 'ERROR ' + error; }});
</script></body></html>""")
PY
  "$browser" --headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=10000 \
      --dump-dom "file://$work/$name.html" 2>/dev/null > "$work/$name.dom"
  python3 - "$work/$name.dom" "docs/images/$name.svg" <<'PY'
import html, re, sys
dom, target = sys.argv[1:]
found = re.search(r'<pre id="out">(.*?)</pre>', open(dom, encoding="utf-8").read(), re.S)
svg = html.unescape(found.group(1)) if found else ""
if not svg.startswith("<?xml") and not svg.startswith("<svg"):
    sys.exit(f"{target}: bpmn-js could not render the diagram: {svg[:200] or 'no output'}")
# bpmn-js names its arrow markers at random: number them so an unchanged diagram renders to the same file
ids = {}
svg = re.sub(r"marker-[0-9a-z]{20,}", lambda m: ids.setdefault(m.group(0), "marker-%d" % (len(ids) + 1)), svg)
open(target, "w", encoding="utf-8").write(svg + "\n")
PY
  echo "docs/images/$name.svg"
done
