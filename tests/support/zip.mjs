// Test archives written by hand, so the tests need no zip tool: shared by the WASM parity test
// (tests/wasm/) and the browser tests (tests/e2e/).
import zlib from "node:zlib";
import { mkdtemp, mkdir, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";

// A stored (uncompressed) zip, written by hand: local headers, central directory, end record.
export function storedZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A minimal real .docx: an OOXML zip with word/document.xml. */
export function docx() {
  return storedZip([["[Content_Types].xml", Buffer.from("<x/>")], ["word/document.xml", Buffer.from("<x/>")]]);
}

/** The five documents of the ФИОКО rule, named as an expert would. */
export function fiokoDocuments() {
  return [
    ["Паспорт.pdf", Buffer.from("%PDF")],
    ["ИНН.pdf", Buffer.from("%PDF")],
    ["СНИЛС.jpg", Buffer.from("jpg")],
    ["Реквизиты банка.pdf", Buffer.from("%PDF")],
    ["Форма подачи данных для оформления контракта.docx", docx()],
  ];
}

/** Every file of a zip (stored or deflated), by its central directory: [{ name, data }]. */
export function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    files.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** The zip file at `path` unpacked into a new temporary folder, as a reader would; its path. */
export async function unzipToTemp(path, prefix = "pamyatka-") {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const f of unzip(await readFile(path))) {
    await mkdir(dirname(join(dir, f.name)), { recursive: true });
    await writeFile(join(dir, f.name), f.data);
  }
  return dir;
}

/** A stored zip of the five ФИОКО documents of exactly `size` bytes (the first one padded). */
export function fiokoZipOfSize(size) {
  const docs = fiokoDocuments();
  docs[0] = [docs[0][0], Buffer.concat([docs[0][1], Buffer.alloc(size - storedZip(docs).length, 7)])];
  return storedZip(docs);
}
