// How fast `pamyatka serve` answers an edit: the time from writing a page's Markdown to the
// reload message on the live-reload event stream (what an open browser tab acts on), for
// edits to the body of one page, and for an edit to a template that only some pages use.
//
//   node benches/serve-latency.mjs <pamyatka binary> <site root> [edits]
//
// The server runs with `--lang en` (its log lines are matched in English). The site is served on a free port; the edits are made to a copy-free site root (the script
// restores every file it touches). Prints a Markdown report: median, p90 and max per kind.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import http from "node:http";

const [bin, root, editsArg] = process.argv.slice(2);
if (!bin || !root) {
  console.error("usage: node benches/serve-latency.mjs <pamyatka binary> <site root> [edits]");
  process.exit(2);
}
const EDITS = Number(editsArg || 15);

// Markdown pages of the site (not section indexes: their pages list them).
function pages(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) pages(p, out);
    else if (name.endsWith(".md") && !name.startsWith("_") && name !== "index.md" && name !== "poisk.md") out.push(p);
  }
  return out;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => x.toFixed(1);

// templates/ exists before serving, so that making it is not part of what is measured.
const tdir = join(root, "templates");
const hadTemplates = existsSync(tdir);
mkdirSync(tdir, { recursive: true });

const server = spawn(bin, ["--root", root, "--lang", "en", "serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
const log = [];
let addr = null;
const started = new Promise((ok, fail) => {
  server.stderr.setEncoding("utf8");
  let buf = "";
  server.stderr.on("data", (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      log.push(line);
      const m = line.match(/http:\/\/([^/]+)\//);
      if (m && !addr) {
        addr = m[1];
        ok();
      }
    }
  });
  server.on("exit", (code) => fail(new Error(`serve exited with ${code}:\n${log.join("\n")}`)));
});
const t0 = Date.now();
await started;
const firstBuild = Date.now() - t0;

// The event stream: resolve the waiter on each reload.
let waiter = null;
await new Promise((ok) => {
  http.get({ host: addr.split(":")[0], port: Number(addr.split(":")[1]), path: "/__pamyatka/events" }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk) => {
      if (/event: reload/.test(chunk) && waiter) {
        const w = waiter;
        waiter = null;
        w(performance.now());
      }
    });
    ok();
  });
});
const nextReload = () => new Promise((ok) => { waiter = ok; });
const idle = (n) => new Promise((ok) => setTimeout(ok, n));
// Let the first build settle (nothing is stale yet).
await idle(300);

async function edit(file, text) {
  const reload = nextReload();
  const start = performance.now();
  writeFileSync(file, text);
  const end = await reload;
  return end - start;
}

const files = pages(join(root, "content"));
const body = [];
for (let i = 0; i < EDITS; i++) {
  const file = files[(i * 7919) % files.length];
  const original = readFileSync(file, "utf8");
  body.push(await edit(file, original + `\nПравка номер ${i}.\n`));
  await idle(50);
  body.push(await edit(file, original));
  await idle(50);
}
const updated = log.filter((l) => /^Updated /.test(l)).length;

// The editor pauses: serve catches up with a full build (search index, offline bundle).
const catchUpStart = performance.now();
while (!log.some((l) => /^Search index, sitemap and offline bundle updated/.test(l))) {
  if (performance.now() - catchUpStart > 600_000) {
    server.kill();
    throw new Error(`no catch-up within 10 minutes; the server said:\n${log.slice(-20).join("\n")}`);
  }
  await idle(20);
}
const catchUp = performance.now() - catchUpStart;

// Templates used by one page only: 404.html (a small page) and search.html (the search page,
// which lists every page of the site for readers without JavaScript: the biggest page there is).
async function templateEdits(name) {
  const file = join(tdir, name);
  // The site's own template when it has one (restored afterwards), else the built-in one.
  const own = existsSync(file) ? readFileSync(file, "utf8") : null;
  const builtin = own ?? readFileSync(new URL(`../templates/${name}`, import.meta.url), "utf8");
  const times = [];
  // `edits` of each (at least 10), so that the p90 is not simply the slowest one.
  for (let i = 0; i < Math.max(EDITS, 10); i++) {
    times.push(await edit(file, builtin.replace("{% block content %}", `{% block content %}<!-- ${i} -->`)));
    await idle(50);
  }
  if (own === null) rmSync(file);
  else writeFileSync(file, own);
  await idle(300); // putting it back is an edit too: let it settle
  return times;
}
const small = await templateEdits("404.html");
const template = await templateEdits("search.html");
server.kill();
if (!hadTemplates) rmSync(tdir, { recursive: true, force: true });

const pageCount = files.length;
console.log(`# serve: edit → reload, ${root} (${pageCount} Markdown pages)\n`);
console.log(`First build before serving: ${firstBuild} ms.\n`);
console.log("| edit | n | median ms | p90 ms | max ms |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(`| one page's Markdown body | ${body.length} | ${ms(quantile(body, 0.5))} | ${ms(quantile(body, 0.9))} | ${ms(Math.max(...body))} |`);
console.log(`| 404.html (the 404 page uses it) | ${small.length} | ${ms(quantile(small, 0.5))} | ${ms(quantile(small, 0.9))} | ${ms(Math.max(...small))} |`);
console.log(`| search.html (the search page, both versions: it lists all ${pageCount} pages) | ${template.length} | ${ms(quantile(template, 0.5))} | ${ms(quantile(template, 0.9))} | ${ms(Math.max(...template))} |`);
console.log(`\nIncremental updates seen in the server's log: ${updated} of ${body.length} body edits (the rest were full rebuilds).`);
console.log(`After the last edit, the whole-site files (search index, sitemap, offline.zip, sw.js) were up to date ${ms(catchUp + 0)} ms later (a ${1500} ms pause, then an incremental build of what changed).`);
