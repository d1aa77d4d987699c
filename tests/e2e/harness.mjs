// Shared by the browser tests: serve the built site on 127.0.0.1 and launch Debian's Chromium
// through playwright-core (never a downloaded browser).
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, dirname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const publicDir = process.env.PAMYATKA_PUBLIC || join(root, "public");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".wasm": "application/wasm", ".xml": "application/xml",
  ".png": "image/png", ".svg": "image/svg+xml", ".zip": "application/zip",
  ".ics": "text/calendar; charset=utf-8",
};

/** A static server for `dir` on a free loopback port; resolves to its base URL. */
export async function serve(dir = publicDir) {
  const server = http.createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let path = normalize(join(dir, url));
    if (!path.startsWith(dir)) { res.writeHead(400).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end(await readFile(join(dir, "404.html")).catch(() => "404"));
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, headless, with a fresh profile. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run",
    ], // playwright gives every launch a fresh temporary profile

  });
}

/** Collect console errors and page errors; tests assert the list stays empty. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe-core's WCAG A/AA violations on the page as it is now, one line each (none: []). */
export async function axe(page) {
  // The site's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol.
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  }, TAGS);
}
