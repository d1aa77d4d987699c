// «Что изменилось» (issue #19 item 5) on a 390 px phone: a page with `changes` in its front
// matter shows them, newest first; the home page lists the latest across the site; every page
// links the Atom feeds from its head, and the linked feeds load and parse as Atom.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, watchErrors } from "./harness.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, locale: "ru-RU" };
const PAGE = "/fioko/dokumenty-ekspertov/";
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

/** The page's Atom links, each fetched and parsed in the page: its entries' ids, links, dates. */
async function feeds(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const l of document.querySelectorAll('head link[rel="alternate"][type="application/atom+xml"]')) {
      const text = await (await fetch(l.href)).text();
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const root = doc.documentElement;
      out.push({
        href: l.href, title: l.title,
        error: doc.querySelector("parsererror")?.textContent ?? null,
        ns: root.namespaceURI, name: root.localName,
        entries: [...doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")].map((e) => ({
          id: e.getElementsByTagName("id")[0].textContent,
          updated: e.getElementsByTagName("updated")[0].textContent,
          link: e.getElementsByTagName("link")[0].getAttribute("href"),
        })),
      });
    }
    return out;
  });
}

for (const v of ["", "/lv"]) {
  test(`a page with changes shows «Что изменилось» and links its feeds (${v || "normal"}, 390 px)`, async () => {
    const context = await chromium.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(site.url + v + PAGE);
    const block = page.locator("section.changes");
    await block.scrollIntoViewIfNeeded();
    assert.ok(await block.isVisible());
    assert.equal(await block.getByRole("heading", { level: 2 }).textContent(), "Что изменилось");
    const items = await block.locator("li").allTextContents();
    assert.ok(items.length >= 2, items.join("\n"));
    assert.match(items[0], /^03\.12\.2026\. Проверка архива/);
    const dates = await block.locator("li time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
    // Nothing sticks out of a phone's screen.
    const overflow = await block.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 0, `overflow ${overflow}`);

    const list = await feeds(page);
    assert.deepEqual(list.map((f) => new URL(f.href).pathname), ["/feed.xml", "/fioko/feed.xml"]);
    for (const f of list) {
      assert.equal(f.error, null, f.href);
      assert.equal(f.name, "feed");
      assert.equal(f.ns, "http://www.w3.org/2005/Atom");
      assert.ok(f.entries.length >= 2, f.href);
      assert.equal(new Set(f.entries.map((e) => e.id)).size, f.entries.length, "ids unique");
      for (const e of f.entries) {
        assert.match(e.id, /^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\//);
        assert.match(e.updated, /^\d{4}-\d{2}-\d{2}T00:00:00\+03:00$/);
        assert.match(e.link, /^https?:\/\/[^/]+\/.*#izmeneniya$/);
      }
    }
    assert.ok(list[1].entries.every((e) => e.link.includes("/fioko/")), "the section's feed: its pages only");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the home page lists the latest changes, each linking to its page's list (390 px)", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(site.url + "/");
  const block = page.locator("section.changes");
  assert.equal(await block.getByRole("heading", { level: 2 }).textContent(), "Что изменилось");
  // The home page is in no section: the site's feed only.
  const list = await feeds(page);
  assert.deepEqual(list.map((f) => new URL(f.href).pathname), ["/feed.xml"]);
  assert.equal(list[0].error, null);
  const link = block.locator(`li a[href*="fioko/dokumenty-ekspertov/#izmeneniya"]`).first();
  await link.click();
  await page.waitForURL(/\/fioko\/dokumenty-ekspertov\/#izmeneniya$/);
  assert.ok(await page.locator("#izmeneniya").isVisible());
  await context.close();
});
