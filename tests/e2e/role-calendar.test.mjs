// A role page links its calendar of dated deadlines (`sroki.ics`) in both versions, and the
// link leads to an iCalendar file (what the Rust test `role_calendars_…` checks in depth).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, watchErrors } from "./harness.mjs";

let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

const PHONE = { width: 390, height: 844 };

for (const prefix of ["", "/lv"]) {
  test(`${prefix || "normal"}: the role page links its calendar, and the link gives one`, async () => {
    const context = await chromium.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}${prefix}/gis-obrazovanie/roli/doo/`);
    const block = page.locator("section.role-calendar");
    await assert.doesNotReject(block.getByRole("heading", { name: "Подписаться на сроки роли" }).waitFor());
    const link = block.getByRole("link", { name: /Календарь сроков: ДОО/ });
    assert.equal(await link.count(), 1);
    // The address a reader copies to subscribe: the one file, from either version.
    const href = await link.evaluate((a) => a.href);
    assert.equal(href, `${site.url}/gis-obrazovanie/roli/doo/sroki.ics`);
    const res = await context.request.get(href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"], /^text\/calendar/);
    const body = await res.text();
    assert.ok(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), body.slice(0, 80));
    assert.match(body, /\r\nDTSTART;VALUE=DATE:20260904\r\n/);
    assert.ok(body.endsWith("END:VCALENDAR\r\n"));
    // A role without dated deadlines has no calendar to subscribe to.
    await page.goto(`${site.url}${prefix}/gis-obrazovanie/roli/operator/`);
    assert.equal(await page.locator("section.role-calendar").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
