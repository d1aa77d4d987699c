// Page weight per kind of page on a built site: what a first visit transfers (gzip -9, as a
// server would send it) — the HTML, the stylesheets and the scripts it loads — before any WASM,
// and the WASM module separately for the pages that have one (issue #9: a guide page ≤ 30 KB,
// a module ≤ 150 KB).
//
//   node benches/page-weight.mjs <site>/public [page path ...]
//
// Without paths it weighs one page of each kind of the repository's own site. Prints Markdown.
import { readFileSync, existsSync } from "node:fs";
import { join, dirname, normalize } from "node:path";
import zlib from "node:zlib";

const pub = process.argv[2];
if (!pub) {
  console.error("usage: node benches/page-weight.mjs <site>/public [page path ...]");
  process.exit(2);
}
const kinds = process.argv.slice(3).length
  ? process.argv.slice(3).map((p) => [p, p])
  : [
      ["home", "/"],
      ["section", "/esia/"],
      ["guide with a checklist and the ЕСИА wizard", "/esia/privyazka/"],
      ["guide with the archive validator", "/fioko/dokumenty-ekspertov/"],
      ["guide (plain)", "/shkola-testiruyushchaya/vnutrennyaya-pochta/"],
      ["regulation table with calculator", "/gis-obrazovanie/etap-1/"],
      ["role page", "/gis-obrazovanie/roli/mouo/"],
      ["search page", "/poisk/"],
      ["low-vision guide", "/lv/esia/privyazka/"],
    ];

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

// Relative URLs in the page (the build writes them page-relative) → files under public/.
function resolve(pagePath, url) {
  const clean = url.split(/[?#]/)[0];
  return normalize(join(pub, dirname(join(pagePath.replace(/^\//, ""), "index.html")), clean));
}

console.log(`# Page weight, ${pub}\n`);
console.log("| kind | page | HTML KB | CSS KB | JS KB | total before WASM KB | WASM modules KB |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
for (const [kind, path] of kinds) {
  const file = join(pub, path.replace(/^\//, ""), "index.html");
  if (!existsSync(file)) {
    console.log(`| ${kind} | ${path} | (missing) | | | | |`);
    continue;
  }
  const html = readFileSync(file);
  const text = html.toString("utf8");
  let css = 0, js = 0, wasm = 0;
  const seen = new Set();
  for (const m of text.matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/g)) {
    const href = m[0].match(/\bhref=["']?([^"' >]+)/);
    if (href && !seen.has(href[1])) { seen.add(href[1]); css += gz(readFileSync(resolve(path, href[1]))); }
  }
  for (const m of text.matchAll(/<script\b[^>]*>/g)) {
    const src = m[0].match(/\bsrc=["']?([^"' >]+)/);
    if (src && !seen.has(src[1])) { seen.add(src[1]); js += gz(readFileSync(resolve(path, src[1]))); }
    // the WASM module a widget's script loads (after the content is visible)
    const w = m[0].match(/\bdata-wasm=["']?([^"' >]+)/);
    if (w && !seen.has(w[1])) { seen.add(w[1]); wasm += gz(readFileSync(resolve(path, w[1]))); }
  }
  const h = gz(html);
  console.log(`| ${kind} | ${path} | ${kb(h)} | ${kb(css)} | ${kb(js)} | ${kb(h + css + js)} | ${wasm ? kb(wasm) : "—"} |`);
}
