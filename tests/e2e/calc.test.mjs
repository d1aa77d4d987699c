// Deadline calculators in real Chromium: known dates counted by the Civil Code rules on the
// production calendar (the expected dates are worked out by hand from the law and the
// calendar, not taken from the code), the role filter and «что сделать», .ics export, print,
// a guide's calculator widget, and the page without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve, browser, watchErrors, publicDir, axe } from "./harness.mjs";
import { unzipToTemp } from "../support/zip.mjs";

const STAGE = "/gis-obrazovanie/etap-1/";
let site, chromium;
before(async () => { site = await serve(); chromium = await browser(); });
after(async () => { await chromium?.close(); await site?.close(); });

async function open(path, viewport) {
  const context = await chromium.newContext({ acceptDownloads: true, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url + path);
  await page.locator("[data-calc][data-ready]").first().waitFor();
  return { context, page, errors };
}

async function setDate(page, value, time) {
  const box = page.locator("[data-calc]").first();
  await box.locator("input[type=date]").fill(value);
  if (time) await box.locator("input[type=time]").fill(time);
  await page.waitForFunction((v) => {
    const s = document.querySelector("[data-calc-status]");
    return s && /Посчитано|Не удалось/.test(s.textContent) && document.querySelector("[data-calc] input[type=date]").value === v;
  }, value);
}

const out = (page, row) => page.locator(`#${row} [data-calc-out]`).innerText();
const NB = "\u00a0";
const PHONE = { width: 390, height: 844 };
// content/calendar/2027.yaml is a draft: a date counted on it says so after it, in full the first
// time in an answer, short after that.
const DRAFT_2027 = `По проекту производственного календаря на 2027${NB}год — проверьте после его утверждения.`;
const ALSO_2027 = `Тоже по проекту календаря на 2027${NB}год.`;

/** Click the .ics button; the saved file's name and its lines unfolded (RFC 5545 §3.1). */
async function downloadIcs(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /\.ics/ }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  return { name: download.suggestedFilename(), text, lines: text.replace(/\r\n /g, "").split("\r\n") };
}

test("regulation table: deadlines for known dates, with the art. 193 move as a legal note", async () => {
  const { context, page, errors } = await open(STAGE);
  // The form is shown only with JavaScript, and labelled.
  assert.equal(await page.locator("[data-calc-form]").isVisible(), true);
  assert.equal(await page.getByLabel("Дата события").count(), 1);

  // 30 days from 04.09.2026 end on Sunday 04.10.2026: act by Friday 02.10.2026; the law
  // moves the end to Monday 05.10.2026 (ГК РФ ст. 193).
  await setDate(page, "2026-09-04");
  assert.equal(
    await out(page, "r-1-4"),
    `По тексту не${NB}позднее${NB}04.10.2026 (воскресенье).\n` +
      `Успеть не${NB}позднее${NB}02.10.2026 (пятница, включительно) — последний рабочий день.\n` +
      `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}05.10.2026 (понедельник).`,
  );
  // The day to act on is the bold one.
  assert.equal(await page.locator("#r-1-4 [data-calc-out] strong").innerText(),
    `Успеть не${NB}позднее${NB}02.10.2026 (пятница, включительно) — последний рабочий день.`);
  // 10 days from 04.09.2026: 14.09.2026, a Monday, no move.
  assert.match(await out(page, "r-1-1"), /^Не\u00a0позднее\u00a014\.09\.2026 \(понедельник, включительно\)\.$/);

  // 5 days from 28.12.2026 end on 02.01.2027, inside the New Year holidays (1–8 January, then
  // the weekend of 9–10 January) → Monday 11.01.2027; 31.12.2026 is a moved day off, so the
  // last working day is Wednesday 30.12.2026.
  await setDate(page, "2026-12-28");
  const r12 = await out(page, "r-1-2");
  assert.match(r12, /^По тексту не\u00a0позднее\u00a002\.01\.2027 \(суббота, новогодние каникулы\)\.$/m);
  assert.match(r12, /^Успеть не\u00a0позднее\u00a030\.12\.2026 \(среда, включительно\)/m);
  assert.match(r12, /срок переносится на\u00a011\.01\.2027 \(понедельник\)\. Тоже по проекту календаря на 2027\u00a0год\.$/);
  // A row without a date to count has no output.
  assert.equal(await page.locator("#r-1-6 [data-calc-out]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: computed deadlines read as clean sentences, with non-breaking spaces (rows 2.1.3/2.1.4)", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/modul-2-1/", PHONE);
  // 28.12.2026: rows 2.1.3/2.1.4 have two rules each, moved by art. 193; 27.12.2027: the annual
  // date falls in 2028, a year without calendar data, so the module adds a warning.
  for (const day of ["2026-12-28", "2027-12-27"]) {
    await setDate(page, day);
    const cells = page.locator("[data-calc-out]");
    const n = await cells.count();
    let moved = 0, warned = 0;
    for (let i = 0; i < n; i++) {
      const cell = cells.nth(i);
      const shown = await cell.innerText();
      if (!shown.trim()) continue;
      const where = `${day}, ${await cell.evaluate((c) => c.closest("[id]").id)}: ${JSON.stringify(shown)}`;
      for (const line of shown.split("\n").map((l) => l.trim()).filter(Boolean)) {
        assert.doesNotMatch(line, /^[.,;:!?)]/, `a line starts with punctuation: ${where}`);
        assert.doesNotMatch(line, /[\s\u00a0][.,;:!?]/, `a space before punctuation: ${where}`);
        assert.doesNotMatch(line, /[.,;:!?][\s\u00a0]*[.,;:!?]/, `doubled punctuation: ${where}`);
        assert.match(line, /[.)]$|[.]$/, `a line that is not a whole sentence: ${where}`);
      }
      for (const p of await cell.locator(".calc__line").evaluateAll((ps) => ps.map((x) => x.textContent))) {
        // «не позднее» and the date, a number and its unit, the article: never on two lines.
        assert.match(p, new RegExp(`(: (по тексту )?не|^(По тексту )?Не|^По тексту не)${NB}позднее${NB}\\d\\d\\.\\d\\d\\.\\d{4}`), p);
        assert.doesNotMatch(p, /позднее \d|\d (календарн|рабоч|час)|ст\. 193|193 ГК|ГК РФ/, p);
        // A computed last day never reads "before" it.
        assert.doesNotMatch(p, new RegExp(`(^|: )до${NB}\\d`), p);
        if (/переносится/.test(p)) {
          moved += 1;
          assert.ok(p.includes(`По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}`), p);
        }
        if (/Внимание/.test(p)) warned += 1;
      }
    }
    if (day === "2026-12-28") assert.ok(moved > 0, `${day}: some deadline moved by art. 193`);
    else assert.ok(warned > 0, `${day}: a warning shown`);
  }
  // The two rules of row 2.1.4 on 28.12.2026, in full.
  await setDate(page, "2026-12-28");
  assert.equal(
    await out(page, "r-2-1-4"),
    `ежегодно до${NB}05.09: по тексту не${NB}позднее${NB}05.09.2027 (воскресенье).\n` +
      `Успеть не${NB}позднее${NB}03.09.2027 (пятница, включительно) — последний рабочий день. ${DRAFT_2027}\n` +
      `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}06.09.2027 (понедельник). ${ALSO_2027}\n\n` +
      `3${NB}календарных дня: по тексту не${NB}позднее${NB}31.12.2026 (четверг, перенесённый выходной день).\n` +
      // The safe day is found inside 2026 (in force): no note; the legal one in 2027.
      `Успеть не${NB}позднее${NB}30.12.2026 (среда, включительно) — последний рабочий день.\n` +
      `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}11.01.2027 (понедельник). ${DRAFT_2027}`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: a date counted on the draft 2027 calendar says so next to it, in the list and the .ics; one inside 2026 does not", async () => {
  const MODULE = "/gis-obrazovanie/modul-2-1/";
  const { context, page, errors } = await open(MODULE, PHONE);
  // Row 2.1.4 from 28.12.2026: «3 дня» end on 31.12.2026, a moved day off; the safe day (30.12)
  // is found inside 2026, the art. 193 day (11.01.2027) only through the draft 2027.
  await setDate(page, "2026-12-28");
  const lines = page.locator("#r-2-1-4 [data-calc-out] .calc__line").nth(1).locator(":scope > span, :scope > strong");
  const texts = await lines.evaluateAll((ls) => ls.map((l) => ({ text: l.textContent, draft: l.querySelector(".calc__draft")?.textContent ?? null })));
  const safe = texts.find((t) => t.text.includes("30.12.2026"));
  const legal = texts.find((t) => t.text.includes("11.01.2027"));
  assert.equal(safe.draft, null, JSON.stringify(texts));
  assert.equal(legal.draft, DRAFT_2027, JSON.stringify(texts));
  // On the phone the note is shown, on the date's own line, inside the screen.
  const note = page.locator("#r-2-1-4 .calc__draft").last();
  assert.equal(await note.isVisible(), true);
  const box = await note.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, JSON.stringify(box));
  // «Все сроки по порядку»: the deadline 03.09.2027 (2.1.4's annual date) carries it too.
  const agenda = await page.locator("[data-calc-agenda] li").allInnerTexts();
  const in2027 = agenda.filter((t) => t.includes(".2027"));
  assert.ok(in2027.length > 0, agenda.join("\n"));
  for (const t of in2027) assert.ok(t.includes(`(по проекту календаря на 2027${NB}год)`), t);
  for (const t of agenda.filter((t) => /^Не\u00a0позднее\u00a0\d\d\.\d\d\.2026/.test(t))) assert.doesNotMatch(t, /по проекту/, t);
  // axe stays clean with the notes shown (before the .ics download, whose temporary link is
  // left in the page for a second).
  assert.deepEqual(await axe(page), []);
  // The .ics events of the annual dates (03.09.2027, rows 2.1.3–2.1.5 …) say so in their
  // description, after the date.
  const ics = await downloadIcs(page);
  const desc = ics.lines.filter((l) => l.startsWith("DESCRIPTION:") && l.includes("Успеть не\u00a0позднее\u00a003.09.2027"));
  assert.ok(desc.length >= 2, ics.lines.join("\n"));
  for (const l of desc) assert.ok(l.includes(`— последний рабочий день. ${DRAFT_2027}`), l);
  // A count wholly inside 2026 (in force) says nothing: 2.1.4 from 01.09.2026 — 04.09.2026, and
  // art. 193's 07.09.2026.
  await setDate(page, "2026-09-01");
  assert.match(await out(page, "r-2-1-4"), /07\.09\.2026/);
  assert.equal(await page.locator("#r-2-1-4 .calc__draft").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: rows 2.1.3 and 2.1.4 show the portal's note under the deadline, marked as the portal's", async () => {
  const context = await chromium.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const words = { "r-2-1-3": "3\u00a0рабочих дня, а в похожей строке\u00a02.1.4 — 3\u00a0дня", "r-2-1-4": "3\u00a0дня, то есть календарных, а в похожей строке\u00a02.1.3" };
  for (const path of ["/gis-obrazovanie/modul-2-1/", "/gis-obrazovanie/roli/poo/", "/gis-obrazovanie/roli/ooo/"]) {
    await page.goto(site.url + path);
    const rows = path.includes("/roli/poo/") ? ["r-2-1-4"] : path.includes("/roli/") ? ["r-2-1-3"] : ["r-2-1-3", "r-2-1-4"];
    for (const id of rows) {
      // The role pages list rows by their link to the table.
      const deadline = path.includes("/roli/")
        ? page.locator(`.reg-role-item:has(a[href$="#${id}"]) .reg-deadline`)
        : page.locator(`#${id} .reg-deadline`);
      const note = deadline.locator(".reg-portal-note");
      assert.equal(await note.count(), 1, `${path} ${id}`);
      assert.equal(await note.isVisible(), true, `${path} ${id}`);
      const text = await note.innerText();
      assert.ok(text.startsWith("Примечание портала: Срок на изменения здесь — " + words[id]), text);
      assert.ok(text.endsWith("Портал считает каждый срок так, как он записан."), text);
      // The document's words stay as they are, before the note.
      assert.match(await deadline.innerText(), /^Ежегодно не позднее 5 сентября, в течение 3 (рабочих )?дней в случае изменения информации или ее состава\n?Примечание портала/);
      const box = await note.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${path} ${id}: ${JSON.stringify(box)}`);
    }
    // Only these two rows have one.
    assert.equal(await page.locator(".reg-portal-note").count(), rows.length, path);
  }
  await page.goto(site.url + "/gis-obrazovanie/modul-2-1/");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: a last day inside the New Year holidays reads «новогодние каникулы», lower-case mid-sentence", async () => {
  const { context, page, errors } = await open(STAGE, PHONE);
  // 5 days from 28.12.2026 end on 02.01.2027 → Monday 11.01.2027 (ГК РФ ст. 193).
  await setDate(page, "2026-12-28");
  assert.equal(
    await out(page, "r-1-2"),
    `По тексту не${NB}позднее${NB}02.01.2027 (суббота, новогодние каникулы).\n` +
      // The safe day stepped back over 1–2 January 2027: it was counted on the draft too.
      `Успеть не${NB}позднее${NB}30.12.2026 (среда, включительно) — последний рабочий день. ${DRAFT_2027}\n` +
      `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}11.01.2027 (понедельник). ${ALSO_2027}`,
  );
  // A holiday's proper name keeps its capital: 5 days from 04.05.2026 end on Saturday
  // 09.05.2026, День Победы.
  await setDate(page, "2026-05-04");
  assert.match(await out(page, "r-1-2"), new RegExp(`09\\.05\\.2026 \\(суббота, День Победы\\)`));
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: «ежегодно не позднее 5 сентября» shows the text's date, the safe date and the legal one, each labelled", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/modul-2-1/", PHONE);
  // 05.09.2026 is a Saturday: act by Friday 04.09; the law moves it to Monday 07.09.
  await setDate(page, "2026-03-01");
  const lines = (await out(page, "r-2-1-5")).split("\n");
  assert.deepEqual(lines, [
    `По тексту не${NB}позднее${NB}05.09.2026 (суббота).`,
    `Успеть не${NB}позднее${NB}04.09.2026 (пятница, включительно) — последний рабочий день.`,
    `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}07.09.2026 (понедельник).`,
  ]);
  // The headline is the safe date, and «что сделать» lists it, not the moved one.
  assert.match(await page.locator("#r-2-1-5 [data-calc-out] strong").innerText(), /^Успеть .*04\.09\.2026/);
  const { lines: ics } = await downloadIcs(page);
  const event = ics.slice(ics.findIndex((l) => l.startsWith("UID:r-2-1-5-")));
  assert.equal(event.find((l) => l.startsWith("DTSTART")), "DTSTART;VALUE=DATE:20260904");
  assert.match(event.find((l) => l.startsWith("DESCRIPTION:")), /05\.09\.2026.*04\.09\.2026.*07\.09\.2026/);
  // A working day's deadline is one date, not three copies: 5 Sep 2025 was a Friday.
  await setDate(page, "2025-03-01");
  assert.equal(await out(page, "r-2-1-5"), `Не${NB}позднее${NB}05.09.2025 (пятница, включительно).`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone: «1 раз в месяц» shows the month and its last working day, never a date in the next month", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/modul-2-6/", PHONE);
  // May 2026 ends on Sunday 31.05; its last working day is Friday 29.05.
  await setDate(page, "2026-05-10");
  assert.equal(
    await out(page, "r-2-6-1"),
    `Период — с${NB}01.05.2026 по${NB}31.05.2026.\n` +
      `Успеть не${NB}позднее${NB}29.05.2026 (пятница, включительно) — последний рабочий день месяца.`,
  );
  assert.doesNotMatch(await page.locator("[data-calc]").innerText(), /\.06\.2026/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("clearing the date takes the computed deadlines and the export away, and says why", async () => {
  const { context, page, errors } = await open(STAGE, PHONE);
  await setDate(page, "2026-09-04");
  const ics = page.getByRole("button", { name: /\.ics/ });
  assert.ok((await page.locator("[data-calc-out] .calc__line").count()) > 0);
  assert.equal(await ics.isEnabled(), true);
  await page.locator("[data-calc] input[type=date]").first().fill("");
  await page.waitForFunction(() => /дату события/.test(document.querySelector("[data-calc-status]").textContent));
  assert.deepEqual(
    (await page.locator("[data-calc-out]").allTextContents()).filter((t) => t.trim()),
    [],
    "no computed date is left",
  );
  assert.equal(await page.locator("[data-calc-out] .calc__line").count(), 0);
  assert.equal(await page.locator("[data-calc-agenda]").isVisible(), false);
  assert.equal(await ics.isDisabled(), true);
  assert.match(await page.locator("[data-calc-status]").textContent(), /^Укажите дату события/);
  // A new date brings them back.
  await setDate(page, "2026-09-04");
  assert.equal(await ics.isEnabled(), true);
  assert.match(await out(page, "r-1-1"), /^Не\u00a0позднее\u00a014\.09\.2026/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("role filter: other rows hide, «что сделать» lists this role's deadlines by date", async () => {
  const { context, page, errors } = await open(STAGE);
  await setDate(page, "2026-09-04");
  const rows = page.locator("tr[data-calc-row]");
  const total = await rows.count();
  const select = page.getByLabel("Участник");
  const options = await select.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  const [role, roleName] = options.find(([v]) => v === "mouo") || options[1];
  await select.selectOption(role);
  await page.waitForFunction(() => /показано строк/.test(document.querySelector("[data-calc-status]").textContent));
  const shown = await rows.evaluateAll((rs) => rs.filter((r) => !r.hidden).map((r) => r.dataset.roles));
  assert.ok(shown.length > 0 && shown.length < total, `${shown.length} of ${total}`);
  for (const roles of shown) assert.ok(roles.split(" ").includes(role), roles);
  const agenda = page.locator("[data-calc-agenda]");
  assert.equal(await agenda.isVisible(), true);
  assert.equal(await agenda.locator("h2").textContent(), `Что сделать: ${roleName}`);
  const dates = await agenda.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.ok(dates.length > 0);
  assert.deepEqual(dates, [...dates].sort(), "sorted by date");
  // Every listed deadline belongs to a visible row.
  const hrefs = await agenda.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href").split("#")[1]));
  for (const id of hrefs) assert.equal(await page.locator(`#${id}`).isVisible(), true, id);
  assert.deepEqual(errors, []);
  await context.close();
});

test("deadlines in hours count from the event time, through the night", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/modul-2-5/");
  assert.equal(await page.getByLabel(/Время события/).count(), 1);
  await setDate(page, "2026-03-06", "23:15");
  const texts = await page.locator("[data-calc-out]").allInnerTexts();
  // A moment, not a day: no «включительно».
  assert.ok(texts.some((t) => /позднее\u00a007\.03\.2026 в\u00a000:15 \(суббота\)\./.test(t)), texts.join("\n"));
  assert.deepEqual(errors, []);
  await context.close();
});

test(".ics export: one event per shown deadline, RFC 5545 lines", async () => {
  const { context, page, errors } = await open(STAGE);
  await setDate(page, "2026-09-04");
  const computed = await page.locator("[data-calc-out] .calc__line").count();
  const { name, text, lines } = await downloadIcs(page);
  // The file name says what it holds: the table, every role, the event's date.
  assert.equal(name, "sroki-gis-obrazovanie-all-2026-09-04.ics");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), text.slice(0, 80));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  assert.equal(text.split("BEGIN:VEVENT").length - 1, computed);
  // Row 1.4 (30 days, ending on Sunday 04.10.2026): the event is on the safe day, Friday 02.10.
  assert.ok(text.includes("DTSTART;VALUE=DATE:20261002\r\nDTEND;VALUE=DATE:20261003"));
  assert.ok(!text.includes("DTSTART;VALUE=DATE:20261005"));
  for (const line of text.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line over 75 octets: ${line}`);
  }
  // Unfolded, the Russian summary is intact.
  assert.ok(text.replace(/\r\n /g, "").includes("SUMMARY:Срок: Формирование заявки на подключение"));
  // Each summary is the row's whole title (folded, never cut with «…») and names the row by
  // its number and stage; the description names the three dates, as the page does.
  const titles = await page.locator("[data-calc-out]").evaluateAll((outs) => outs.map((o) => {
    const item = o.closest("[data-rules]");
    return `SUMMARY:Срок: ${item.dataset.title.replace(/[,;]/g, "\\$&")} (${item.dataset.ref})`;
  }));
  const summaries = lines.filter((l) => l.startsWith("SUMMARY:"));
  assert.deepEqual(summaries, titles);
  assert.ok(summaries.some((l) => l.length > 150), "a long title, folded over several lines");
  for (const l of summaries) assert.doesNotMatch(l, /…/, l);
  assert.ok(summaries.some((l) => l.endsWith(`(п.${NB}4 этапа${NB}1)`)), summaries.join("\n"));
  assert.ok(lines.some((l) => l.startsWith(`DESCRIPTION:П.${NB}4 этапа${NB}1. По тексту не${NB}позднее${NB}04.10.2026 (воскресенье). ` +
    `Успеть не${NB}позднее${NB}02.10.2026 (пятница\\, включительно) — последний рабочий день. ` +
    `По${NB}ст.${NB}193${NB}ГК${NB}РФ срок переносится на${NB}05.10.2026 (понедельник). Срок по документу: 30${NB}календарных дней.`)),
    lines.filter((l) => l.startsWith("DESCRIPTION:")).join("\n"));
  // The writer folds by octets and never inside a character (2-octet Cyrillic, 4-octet emoji,
  // at every offset against the 75-octet limit).
  const folds = await page.evaluate(() => [0, 1, 2, 3].map((pad) => {
    const line = "SUMMARY:" + "x".repeat(pad) + "Срок 📅 ".repeat(40);
    return { line, folded: window.pamyatkaCalc.fold(line) };
  }));
  for (const { line, folded } of folds) {
    const physical = folded.split("\r\n");
    assert.ok(physical.length > 5);
    for (const l of physical) {
      assert.ok(Buffer.byteLength(l, "utf8") <= 75, l);
      assert.doesNotMatch(l, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, "a split character");
    }
    assert.equal(folded.replace(/\r\n /g, ""), line);
  }
  // Served over http with a placeholder base_url: the link is this server's page.
  for (const l of lines.filter((l) => l.startsWith("URL:"))) assert.match(l, /^URL:http:\/\/127\.0\.0\.1:\d+\/gis-obrazovanie\/etap-1\/#r-1-\d$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("phone, role page: the whole title in «что сделать» and in the .ics, which is named for the role", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/roli/mouo/", PHONE);
  await setDate(page, "2026-09-04");
  const agenda = page.locator("[data-calc-agenda]");
  assert.equal(await agenda.isVisible(), true);
  const items = await agenda.locator("li").evaluateAll((lis) => lis.map((li) => ({
    text: li.textContent, link: li.querySelector("a").textContent, href: li.querySelector("a").getAttribute("href"),
    fits: li.scrollWidth <= li.clientWidth,
  })));
  assert.ok(items.length > 0);
  // The titles as the page itself writes them under each row, with the row's number and stage.
  // (Without the expansion a first use of an abbreviation gets in the text: the list keeps
  // titles as the regulation writes them.)
  const full = await page.locator("[data-calc-out]").evaluateAll((outs) => outs.map((o) => {
    const item = o.closest("[data-rules]");
    const p = item.closest("li").querySelector("p").cloneNode(true);
    for (const a of p.querySelectorAll("abbr.abbr--first")) {
      const next = a.nextSibling;
      if (next && next.nodeType === Node.TEXT_NODE) next.textContent = next.textContent.replace(/^ \([^()]*(\([^()]*\)[^()]*)*\)/, "");
    }
    return `${p.textContent} (${item.dataset.ref})`;
  }));
  let long = 0;
  for (const it of items) {
    assert.ok(full.includes(it.link), `not a whole title: ${it.link}`);
    assert.doesNotMatch(it.link, /…/);
    assert.ok(it.fits, `wraps within the phone's width: ${it.text}`);
    if (it.link.length > 130) long += 1;
    // The date reads as the last day, inclusive (a moment counted in hours: its time).
    assert.match(it.text, new RegExp(`^Не${NB}позднее${NB}\\d\\d\\.\\d\\d\\.\\d{4}( \\([а-я]+, включительно\\)| в${NB}\\d\\d:\\d\\d \\([а-я]+\\)) — `), it.text);
  }
  assert.ok(long > 0, "some title is longer than the old 120-character cut");
  const { name, lines } = await downloadIcs(page);
  assert.equal(name, "sroki-gis-obrazovanie-mouo-2026-09-04.ics");
  for (const l of lines.filter((l) => l.startsWith("SUMMARY:"))) {
    assert.doesNotMatch(l, /…/, l);
    assert.match(l, new RegExp(`\\(п\\.${NB}[\\d.]+ этапа${NB}\\d\\)$`), l);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test(".ics from the offline bundle (file://) links to no file:/// address", async () => {
  const dir = await unzipToTemp(join(publicDir, "offline.zip"), "pamyatka-ics-");
  const context = await chromium.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(pathToFileURL(join(dir, "pamyatka/gis-obrazovanie/etap-1/index.html")).href);
  await page.locator("[data-calc][data-ready]").waitFor();
  await setDate(page, "2026-09-04");
  const { name, text, lines } = await downloadIcs(page);
  assert.equal(name, "sroki-gis-obrazovanie-all-2026-09-04.ics");
  assert.doesNotMatch(text.replace(/\r\n /g, ""), /file:/);
  // The site's base_url is a placeholder: there is no public address to give.
  assert.deepEqual(lines.filter((l) => l.startsWith("URL:")), []);
  assert.ok(lines.some((l) => l.startsWith("SUMMARY:")));
  // With a real base_url (what the build writes into data-public-base), events link to it.
  const stage = join(dir, "pamyatka/gis-obrazovanie/etap-1");
  const html = await readFile(join(stage, "index.html"), "utf8");
  assert.ok(html.includes('data-public-base=""'));
  await writeFile(join(stage, "real.html"), html.replace('data-public-base=""', 'data-public-base="https://pamyatka.ru"'));
  await page.goto(pathToFileURL(join(stage, "real.html")).href);
  await page.locator("[data-calc][data-ready]").waitFor();
  await setDate(page, "2026-09-04");
  const real = await downloadIcs(page);
  assert.doesNotMatch(real.text.replace(/\r\n /g, ""), /file:/);
  assert.ok(real.lines.includes("URL:https://pamyatka.ru/gis-obrazovanie/etap-1/#r-1-4"), real.lines.filter((l) => l.startsWith("URL:")).join("\n"));
  assert.ok(real.lines.some((l) => l.startsWith("DESCRIPTION:") && l.endsWith(" https://pamyatka.ru/gis-obrazovanie/etap-1/#r-1-4")));
  assert.deepEqual(errors, []);
  await context.close();
  await rm(dir, { recursive: true, force: true });
});

test("print button prints; the guide's calculator widget counts its own rule", async () => {
  const { context, page, errors } = await open("/gis-obrazovanie/");
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  // 10 days from Friday 08.05.2026: Monday 18.05.2026.
  await setDate(page, "2026-05-08");
  assert.match(await page.locator(".widget [data-calc-out]").innerText(), /^Не\u00a0позднее\u00a018\.05\.2026 \(понедельник, включительно\)\.$/);
  assert.equal(await page.locator(".widget .widget__nojs").isVisible(), false);
  await page.getByRole("button", { name: "Распечатать" }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("with JavaScript off the deadlines are readable text and no dead form shows", async () => {
  const context = await chromium.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(site.url + STAGE);
  assert.equal(await page.locator("[data-calc-form]").isVisible(), false);
  assert.match(await page.locator("#r-1-4 .reg-deadline").innerText(), /30 дней с момента подачи заявки/i);
  // The calculator's instructions ask for no date there is no field for; they say that the
  // calculator needs JavaScript and that the written deadlines apply.
  for (const path of [STAGE, "/gis-obrazovanie/roli/mouo/"]) {
    await page.goto(site.url + path);
    const shown = await page.locator("[data-calc]").evaluate((box) => box.innerText);
    assert.doesNotMatch(shown, /Укажите дату|дату события/, path);
    const note = page.locator("[data-calc] .widget__nojs");
    assert.equal(await note.isVisible(), true, path);
    assert.match(await note.innerText(), /работает, когда в браузере включён JavaScript/, path);
    assert.match(await note.innerText(), /Без него действуют сроки, записанные/, path);
  }
  await page.goto(site.url + "/gis-obrazovanie/");
  assert.equal(await page.locator(".widget .widget__nojs").isVisible(), true);
  await context.close();
});

test("with JavaScript on the calculator asks for the date, and the note that it needs JavaScript goes", async () => {
  const { context, page, errors } = await open(STAGE, PHONE);
  assert.equal(await page.locator("[data-calc-intro]").isVisible(), true);
  assert.match(await page.locator("[data-calc-intro]").innerText(), /^Укажите дату события/);
  assert.equal(await page.locator("[data-calc] .widget__nojs").isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});
