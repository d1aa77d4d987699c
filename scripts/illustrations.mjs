// Renders the portal's own drawings (docs/illustrations/*.svg, made by hand: no screenshots of
// real accounts, no personal data) into the PNGs that content/ uses, in Debian's Chromium at
// the drawing's own size. Run after editing a drawing, and commit both files:
//
//   npm ci --prefix tests/e2e && node scripts/illustrations.mjs
//
// The PNG is committed (not made at build time) so that a build needs no browser and no fonts,
// and every editor's machine publishes the same picture.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "tests/e2e/package.json"));
const { chromium } = require("playwright-core");

// Drawing → the PNG in content/ that pages show.
const DRAWINGS = [["docs/illustrations/esia-profil.svg", "content/esia/profil-esia.png"]];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  for (const [svgPath, pngPath] of DRAWINGS) {
    const svg = readFileSync(join(root, svgPath), "utf8");
    const width = Number(/width="(\d+)"/.exec(svg)[1]);
    const height = Number(/height="(\d+)"/.exec(svg)[1]);
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>html,body{margin:0}svg{display:block}</style>${svg}`);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width, height } });
    writeFileSync(join(root, pngPath), png);
    console.log(`${svgPath} → ${pngPath} (${width}×${height}, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
