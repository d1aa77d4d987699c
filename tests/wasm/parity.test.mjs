// The browser gets the native answers: the same cases run through the WASM module that
// `pamyatka build` ships (public/assets/checks-*.{js,wasm}) and through the native CLI, and the
// JSON must be identical. Run after a build: `node --test tests/wasm/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { storedZip } from "../support/zip.mjs";
import zlib from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pub = process.env.PAMYATKA_PUBLIC || join(root, "public");
const bin = process.env.PAMYATKA_BIN || join(root, "target", "debug", "pamyatka");
const assets = join(pub, "assets");
const find = (re) => {
  const f = readdirSync(assets).find((n) => re.test(n));
  assert.ok(f, `no ${re} in ${assets}: build the site first`);
  return join(assets, f);
};

// Each kind of page has its own module (public/assets/checks-<kind>.*.{js,wasm}) whose
// no-modules glue defines one global. Load each as the browser's classic <script> would.
function load(kind, global) {
  vm.runInThisContext(readFileSync(find(new RegExp(`^checks-${kind}\\.[0-9a-f]+\\.js$`)), "utf8"));
  const m = vm.runInThisContext(global);
  m.initSync({ module: readFileSync(find(new RegExp(`^checks-${kind}\\.[0-9a-f]+\\.wasm$`))) });
  return m;
}
const deadlines = load("deadline", "pamyatkaDeadline");
const archives = load("archive", "pamyatkaArchive");
const accounts = load("account", "pamyatkaAccount");
const searches = load("search", "pamyatkaSearch");
deadlines.set_calendar(readFileSync(join(pub, "data", "calendar.json"), "utf8"));

// The size budget of issue #4: each module at most 150 KB gzip (-9, counted as 150 000 bytes),
// so a parent on a phone downloads little, and only on the page that needs it. The archive
// module is the heaviest (~148 KB: sevenz-rust2's 7z header reader with its LZMA decoders and
// crc32fast's 16 KB of tables); it keeps inside by leaving Unicode case tables out (see
// `lower` in wasm/src/archive/name.rs).
const BUDGET = { deadline: 150_000, account: 150_000, archive: 150_000, search: 150_000 };
test("each browser module stays within its gzip budget", () => {
  for (const [kind, budget] of Object.entries(BUDGET)) {
    const wasm = readFileSync(find(new RegExp(`^checks-${kind}\\.[0-9a-f]+\\.wasm$`)));
    const gz = zlib.gzipSync(wasm, { level: 9 }).length;
    console.log(`checks-${kind}.wasm: ${wasm.length} B raw, ${gz} B gzip (budget ${budget})`);
    assert.ok(gz <= budget, `checks-${kind}.wasm: ${gz} bytes gzip (${wasm.length} raw) > ${budget}`);
  }
  // the modules really are split: the archive reader is not in the deadline module
  assert.equal(typeof deadlines.check_archive, "undefined");
  assert.equal(typeof archives.deadline_text, "undefined");
  assert.equal(typeof accounts.set_calendar, "undefined");
});

function cli(args, { okCodes = [0, 1] } = {}) {
  const r = spawnSync(bin, ["--root", root, ...args], { encoding: "utf8" });
  assert.ok(okCodes.includes(r.status), `${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

test("identifiers: WASM and CLI agree", () => {
  const cases = {
    snils: ["112-233-445 95", "112-233-445 96", "11223344595", "001-001-998 00", "123", "", "12a-456-789 01"],
    inn: ["7707083893", "7707083894", "500100732259", "500100732258", "12345", "0000000000"],
    ogrn: ["1027700132195", "1027700132196", "304500116000157", "1", "404500116000154", "100000000000000", "2027700132194"],
  };
  let n = 0;
  for (const [kind, values] of Object.entries(cases)) {
    for (const v of values) {
      if (v === "") continue; // the CLI needs an argument; the browser case is covered below
      assert.deepEqual(JSON.parse(accounts[kind](v)), cli(["validate", kind, v, "--json"]), `${kind} ${v}`);
      n++;
    }
  }
  assert.equal(JSON.parse(accounts.snils("")).valid, false);
  assert.ok(n >= 15);
});

test("deadlines: WASM and CLI agree", () => {
  const cases = [
    ["В течение 5 дней после получения заявки", "2026-12-28"],
    ["3 рабочих дня", "2025-10-30"],
    ["Ежегодно не позднее 5 сентября, в течение 3 рабочих дней в случае изменения информации или ее состава", "2026-08-01"],
    ["В течение часа после получения утвержденных результатов", "2026-03-06T23:15"],
    ["1 раз в месяц", "2026-02-10"],
    // Issue #19: the three dates of an annual date, and a month's task with no date in June.
    ["Ежегодно не позднее 5 сентября", "2026-03-01"],
    ["1 раз в месяц", "2026-05-10"],
    ["Ежегодно не позднее 5 сентября", "2027-12-01"],
    ["10 рабочих дней", "2027-12-25"],
    ["Постоянно", "2026-01-01"],
  ];
  for (const [text, from] of cases) {
    assert.deepEqual(JSON.parse(deadlines.deadline_text(text, from)), cli(["deadline", text, "--from", from, "--json"]), text);
  }
  const annual = JSON.parse(deadlines.deadline_text("Ежегодно не позднее 5 сентября", "2026-03-01"))[0];
  assert.deepEqual([annual.nominal, annual.safe, annual.legal], ["2026-09-05", "2026-09-04", "2026-09-07"]);
  assert.throws(() => deadlines.deadline_text("как можно скорее", "2026-01-01"));
});

test("archives: WASM and CLI agree, reading only slices", () => {
  const rule = readFileSync(join(pub, "data", "fioko", "archive-rule.json"), "utf8");
  const docx = storedZip([["[Content_Types].xml", Buffer.from("<x/>")], ["word/document.xml", Buffer.from("<x/>")]]);
  const full = [
    ["Паспорт.pdf", Buffer.from("%PDF")],
    ["ИНН.pdf", Buffer.from("%PDF")],
    ["СНИЛС.jpg", Buffer.from("jpg")],
    ["Реквизиты банка.pdf", Buffer.from("%PDF")],
    ["Форма подачи данных для оформления контракта.docx", docx],
  ];
  const dir = mkdtempSync(join(tmpdir(), "pamyatka-parity-"));
  const cases = [
    ["Алтайский край_Иванов_Сергей_Иванович.zip", storedZip(full)],
    ["Алтай_Петров_Пётр_Петрович.zip", storedZip(full.slice(0, 2))],
    ["Москва Иванoв Иван Иванович.zip", storedZip(full)], // Latin «o»
    ["Республика Дагестан_Алиев_Рашид_Мурад оглы.zip", storedZip([["../evil.txt", Buffer.from("x")], ...full])],
    ["Алтайский край_Сидоров_Иван_Иванович.zip", Buffer.from("не архив")],
  ];
  archives.set_rule(rule);
  const wasmReports = [];
  for (const [name, bytes] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    let read = 0;
    const wasm = JSON.parse(archives.check_archive(name, bytes.length, (off, len) => {
      read += len;
      return bytes.subarray(off, off + len);
    }));
    const native = cli(["validate", "archive", path, "--json"]).files[0];
    native.file = name; // the CLI reports the path it was given
    assert.deepEqual(wasm, native, name);
    wasmReports.push(wasm);
  }
  // A big archive is checked from its directory: the entries' data is never read.
  const big = storedZip([["Паспорт.pdf", Buffer.alloc(8 * 1024 * 1024, 7)], ...full.slice(1)]);
  let read = 0;
  const report = JSON.parse(archives.check_archive("Алтайский край_Иванов_Сергей_Иванович.zip", big.length, (off, len) => {
    read += len;
    return big.subarray(off, off + len);
  }));
  assert.equal(report.verdict, "accept");
  assert.ok(read < 256 * 1024, `read ${read} bytes of ${big.length}`);
  assert.equal(wasmReports[0].verdict, "accept");
  assert.equal(wasmReports[1].verdict, "reject");
  // Duplicates across files, as the multi-file validator reports them: the module remembers
  // the reports of its batch (cases 0 and the big one are the same person).
  const native = cli(["validate", "archive", join(dir, cases[0][0]), join(dir, cases[1][0]), join(dir, cases[0][0]), "--json"]);
  archives.forget();
  for (const i of [0, 1, 0]) {
    const [name, bytes] = cases[i];
    archives.check_archive(name, bytes.length, (off, len) => bytes.subarray(off, off + len));
  }
  const dup = JSON.parse(archives.duplicates());
  assert.equal(dup.length, 1);
  assert.deepEqual(dup.map((d) => d.person), native.duplicates.map((d) => d.person));
  assert.equal(dup[0].message, native.duplicates[0].message.replaceAll(dir + "/", ""));
  archives.forget();
  assert.deepEqual(JSON.parse(archives.duplicates()), []);
});

test("account rules load from the shipped JSON", () => {
  const rule = readFileSync(join(pub, "data", "esia", "readiness-rule.json"), "utf8");
  const r = JSON.parse(accounts.esia_readiness(rule, JSON.stringify({ role: "parent", level: "simplified", filled_fields: [] }), "2026-11-23"));
  assert.equal(r.ready, false);
  assert.ok(r.next_step.message_ru.length > 0);
  const form = readFileSync(join(pub, "data", "fioko", "registration-form.json"), "utf8");
  const errs = JSON.parse(accounts.registration_form(form, JSON.stringify({})));
  assert.ok(errs.length > 0);
});

test("search: the shipped index, loaded piece by piece and searched by the WASM module, answers Russian queries", () => {
  const ctx = { window: {} };
  vm.runInNewContext(readFileSync(join(pub, "search-index.js"), "utf8"), ctx);
  searches.set_manifest(ctx.window.PAMYATKA_SEARCH);
  // Each piece is a classic script calling pamyatkaSearchData(kind, n, json), as in the browser.
  const loaded = [];
  const load = (kind, list) => {
    for (const n of JSON.parse(list)) {
      const piece = { pamyatkaSearchData: (k, i, json) => (k === "t" ? searches.add_shard(i, json) : searches.add_chunk(i, json)) };
      vm.runInNewContext(readFileSync(join(pub, "search", `${kind}${n}.js`), "utf8"), piece);
      loaded.push(`${kind}${n}`);
    }
  };
  const find = (q, limit = 5) => {
    // A misspelt word asks for more term shards once its own are in, as search.js does.
    for (let list = searches.shards_for(q); list !== "[]"; list = searches.shards_for(q)) load("t", list);
    load("d", searches.chunks_for(q, limit));
    return JSON.parse(searches.search(q, limit));
  };
  const r = find("пароль восстановить");
  assert.equal(r.partial, false);
  // The parent's guide first (a heading has «паролю»), then the administrators' rows.
  assert.equal(r.hits[0].url, "esia/privyazka/");
  assert.match(r.hits[1].title, /Восстановление \(изменение\) логина и \(или\) пароля/);
  assert.ok(r.hits[1].snippet.some(([t, marked]) => marked && /^парол/i.test(t)));
  const pieces = readdirSync(join(pub, "search")).length;
  assert.ok(loaded.length < pieces / 2, `a search loads few of the ${pieces} pieces: ${loaded}`);
  assert.deepEqual(find("абракадабра").hits, []);

  // Issue #18 item 5: the same answers as the native search (`pamyatka search`) for what a
  // parent types: a typo, a Latin «C», a word of the synonym list, the order of a guide and
  // table rows, a corrected typo, and nothing at all.
  const cases = ["госуслги", "Cнилс", "детсад", "восстановить пароль", "восстоновить пароль", "паорль от дневнека", "абракадабра"];
  for (const q of cases) {
    const wasm = find(q, 10);
    assert.deepEqual(wasm, cli(["--out", pub, "search", q, "--limit", "10", "--json"]), q);
  }
  assert.equal(find("госуслги").correction, "госуслуги");
  assert.ok(find("госуслги").hits.length > 0);
  assert.ok(find("Cнилс").hits.some((h) => h.url === "fioko/dokumenty-ekspertov/"));
  assert.equal(find("Cнилс").correction, undefined);
  assert.equal(find("детсад").hits[0].url, "gis-obrazovanie/modul-2-2/");
  assert.equal(find("восстановить пароль").hits[0].url, "esia/privyazka/");
  assert.equal(find("восстоновить пароль").correction, "восстановить пароль");
  assert.equal(find("паорль от дневнека").correction, "пароль от дневника");
  assert.equal(find("паорль от дневнека").hits[0].url, "esia/privyazka/");
});
