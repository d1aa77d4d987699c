// What a search costs to download on a built site: the index's size in all, and for a set of
// queries, the bytes (gzip -9, as a server would send them) a reader's browser fetches to answer
// each one — the search page's own scripts, the WASM module, the manifest and exactly the index
// pieces the query needs, asked of the same WASM module the browser runs.
//
//   node benches/search-size.mjs <site>/public [query ...]
//
// Prints a Markdown report. Without queries it uses a fixed set of Russian queries, in several
// word forms, over the vocabulary of the memos (and of benches/corpus.py).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const pub = process.argv[2];
if (!pub) {
  console.error("usage: node benches/search-size.mjs <site>/public [query ...]");
  process.exit(2);
}
const queries = process.argv.slice(3).length
  ? process.argv.slice(3)
  : [
      "пароль восстановить",
      "учётная запись",
      "заявление о присоединении",
      "сроки рабочих дней",
      "школа",
      "снилс",
      "электронный журнал родителей",
      "архив документов эксперта",
      "госуслги",
    ];

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const assets = join(pub, "assets");
const asset = (re) => {
  const f = readdirSync(assets).find((n) => re.test(n));
  if (!f) throw new Error(`no ${re} in ${assets}: build the site first`);
  return join(assets, f);
};

// The search page's fixed downloads (besides the page itself, which every page has).
const fixed = [
  asset(/^checks-search\.[0-9a-f]+\.js$/),
  asset(/^checks-search\.[0-9a-f]+\.wasm$/),
  asset(/^search\.[0-9a-f]+\.js$/),
  join(pub, "search-index.js"),
];
const fixedGz = fixed.reduce((s, f) => s + gz(readFileSync(f)), 0);

vm.runInThisContext(readFileSync(fixed[0], "utf8"));
const m = vm.runInThisContext("pamyatkaSearch");
m.initSync({ module: readFileSync(fixed[1]) });
const manifestCtx = { window: {} };
vm.runInNewContext(readFileSync(fixed[3], "utf8"), manifestCtx);

// The whole index.
const pieces = readdirSync(join(pub, "search"));
let raw = statSync(fixed[3]).size;
let zipped = gz(readFileSync(fixed[3]));
for (const p of pieces) {
  const b = readFileSync(join(pub, "search", p));
  raw += b.length;
  zipped += gz(b);
}
const terms = pieces.filter((p) => p.startsWith("t")).length;
const docs = pieces.length - terms;

const LIMIT = 30; // as search.js asks
console.log(`# Search download, ${pub}\n`);
console.log(`Index: ${raw} B raw, ${zipped} B gzip (${kb(raw)} / ${kb(zipped)}) in ${pieces.length} pieces (${terms} term shards, ${docs} document chunks) and the manifest (${statSync(fixed[3]).size} B).`);
console.log(`Fixed per search page: ${fixedGz} B gzip (${kb(fixedGz)}: the WASM module, its glue, search.js, the manifest).\n`);
console.log("| query | pieces | pieces gzip | total with module | hits |");
console.log("| --- | ---: | ---: | ---: | ---: |");
let worst = 0;
for (const q of queries) {
  // A fresh start for each query: a reader who searches once.
  m.set_manifest(manifestCtx.window.PAMYATKA_SEARCH);
  let bytes = 0;
  let count = 0;
  const load = (kind, list) => {
    for (const n of JSON.parse(list)) {
      const b = readFileSync(join(pub, "search", `${kind}${n}.js`));
      bytes += gz(b);
      count += 1;
      vm.runInNewContext(b.toString("utf8"), {
        pamyatkaSearchData: (k, i, json) => (k === "t" ? m.add_shard(i, json) : m.add_chunk(i, json)),
      });
    }
  };
  // A misspelt word asks for more term shards once its own are in, as search.js does.
  for (let list = m.shards_for(q); list !== "[]"; list = m.shards_for(q)) load("t", list);
  load("d", m.chunks_for(q, LIMIT));
  const hits = JSON.parse(m.search(q, LIMIT)).hits.length;
  worst = Math.max(worst, fixedGz + bytes);
  console.log(`| ${q} | ${count} | ${kb(bytes)} | ${kb(fixedGz + bytes)} | ${hits} |`);
}
console.log(`\nLargest download for one search: ${worst} B gzip (${kb(worst)}).`);
