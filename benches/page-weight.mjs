// Page weight per kind of page on a built site: what a first visit transfers (gzip -9, as a
// server would send it) — the HTML, the stylesheets and the scripts it loads — before any WASM,
// and the WASM module separately for the pages that have one (issue #9: a guide page ≤ 30 KB,
// a module ≤ 150 KB); and the images a phone loads for the page (issue #23): for each
// `<picture>`/`<img>`, the file a 390 px wide phone at 2× picks from its `srcset` (the WebP
// source first, as a browser that has it does), as it is (images are not gzipped), lazy ones
// included (a reader who scrolls loads them).
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
// The phone the images are weighed for: its CSS width and pixel ratio.
const PHONE_WIDTH = 390, PHONE_DPR = 2;

/** The width in CSS px an image takes on the phone, by its `sizes` (`calc(100vw - 2rem)`, `46rem`…). */
function slotWidth(sizes) {
  const parts = (sizes || "100vw").split(",").map((p) => p.trim());
  for (const part of parts) {
    const m = part.match(/^\(min-width:\s*([\d.]+)(rem|px)\)\s+(.+)$/);
    if (m && PHONE_WIDTH < +m[1] * (m[2] === "rem" ? 16 : 1)) continue;
    const len = m ? m[3] : part;
    const calc = len.match(/^calc\(100vw - ([\d.]+)rem\)$/);
    if (calc) return PHONE_WIDTH - calc[1] * 16;
    const v = len.match(/^([\d.]+)(vw|rem|px)$/);
    if (v) return v[2] === "vw" ? (PHONE_WIDTH * v[1]) / 100 : v[2] === "rem" ? v[1] * 16 : +v[1];
  }
  return PHONE_WIDTH;
}

/** The candidate of a `srcset` a browser picks for `need` device pixels: the narrowest that is wide enough. */
function pick(srcset, need) {
  const list = srcset.split(",").map((c) => c.trim().split(/\s+/)).filter((c) => c[0]).map(([url, w]) => ({ url, w: parseInt(w, 10) || 0 }));
  list.sort((a, b) => a.w - b.w);
  return (list.find((c) => c.w >= need) || list[list.length - 1])?.url;
}

/** The bytes of the images a phone loads for the page, and how many. */
function phoneImages(path, text) {
  let bytes = 0, count = 0;
  for (const m of text.matchAll(/<picture>([\s\S]*?)<\/picture>|<img\b[^>]*>/g)) {
    const tag = m[1] ?? m[0];
    const attr = (t, name) => (t.match(new RegExp(`\\b${name}="([^"]*)"`)) || [])[1];
    const source = (tag.match(/<source\b[^>]*type="image\/webp"[^>]*>/) || [])[0];
    const img = (tag.match(/<img\b[^>]*>/) || [])[0];
    const from = source || img;
    const need = slotWidth(attr(from, "sizes")) * PHONE_DPR;
    const url = attr(from, "srcset") ? pick(attr(from, "srcset"), need) : attr(img, "src");
    if (!url) continue;
    const file = resolve(path, url);
    if (existsSync(file)) { bytes += readFileSync(file).length; count++; }
  }
  return { bytes, count };
}

console.log("| kind | page | HTML KB | CSS KB | JS KB | total before WASM KB | WASM modules KB | images on a phone KB |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [kind, path] of kinds) {
  const file = join(pub, path.replace(/^\//, ""), "index.html");
  if (!existsSync(file)) {
    console.log(`| ${kind} | ${path} | (missing) | | | | | |`);
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
  const images = phoneImages(path, text);
  const shown = images.count ? `${kb(images.bytes)} (${images.count})` : "—";
  console.log(`| ${kind} | ${path} | ${kb(h)} | ${kb(css)} | ${kb(js)} | ${kb(h + css + js)} | ${wasm ? kb(wasm) : "—"} | ${shown} |`);
}
