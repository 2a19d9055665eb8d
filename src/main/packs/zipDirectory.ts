/**
 * The structure of an untrusted .zip, read from its central directory and checked against the
 * local headers: only entries the directory lists are ever read, and a zip whose local headers
 * say something else (another name, size, method or checksum; entries that overlap; local
 * entries the directory does not list) is refused. A streaming reader walks the local headers
 * instead, so without these checks a zip could carry files that no directory-based limit counted.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { DocumentError } from '../../shared/json';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const DESCRIPTOR_SIG = 0x08074b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
/** General-purpose flag bits: 0 encrypted, 3 sizes in a data descriptor, 11 UTF-8 names. */
const ENCRYPTED = 1;
const HAS_DESCRIPTOR = 8;
const UTF8_NAME = 0x800;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: typeof STORED | typeof DEFLATED;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the local header starts, where the compressed bytes start, and the end of the entry (after any data descriptor). */
  start: number;
  dataStart: number;
  end: number;
}

/** Where the central directory is, as the end record says. */
interface Directory {
  count: number;
  offset: number;
  size: number;
  endRecord: number;
}


function findEndRecord(bytes: Uint8Array, view: DataView, label: string): Directory {
  // The end record is the last thing in the file but for a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - END_RECORD - 0xffff);
  for (let at = bytes.length - END_RECORD; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_SIG) continue;
    if (at + END_RECORD + view.getUint16(at + 20, true) > bytes.length) continue;
    const thisDisk = view.getUint16(at + 4, true);
    const directoryDisk = view.getUint16(at + 6, true);
    const onDisk = view.getUint16(at + 8, true);
    const count = view.getUint16(at + 10, true);
    if (thisDisk !== 0 || directoryDisk !== 0 || onDisk !== count) throw new DocumentError(errorMessage('zip.multiDisk', { label }));
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new DocumentError(errorMessage('zip.zip64', { label }));
    if (offset + size > at) throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.outside') }));
    return { count, offset, size, endRecord: at };
  }
  throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.noEnd') }));
}

const decodeName = (raw: Uint8Array, flags: number) => new TextDecoder(flags & UTF8_NAME ? 'utf-8' : 'latin1').decode(raw);

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The directory's entries, each checked against its local header. `maxEntries` is checked before
 * any record is read, so a directory claiming millions of entries costs nothing.
 */
export function readZipDirectory(bytes: Uint8Array, label: string, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < END_RECORD) throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.short', { bytes: bytes.length }) }));
  const dir = findEndRecord(bytes, view, label);
  if (dir.count > maxEntries) throw new DocumentError(errorMessage('zip.tooManyEntries', { label, max: maxEntries }));

  const entries: ZipEntry[] = [];
  let at = dir.offset;
  const directoryEnd = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (at + CENTRAL_HEADER > directoryEnd || view.getUint32(at, true) !== CENTRAL_SIG) {
      throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.damagedRecord', { index: i + 1, count: dir.count }) }));
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const recordEnd = at + CENTRAL_HEADER + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const start = view.getUint32(at + 42, true);
    if (recordEnd > directoryEnd) throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.damagedRecord', { index: i + 1, count: dir.count }) }));
    const rawName = bytes.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength);
    const name = decodeName(rawName, flags);
    if (flags & ENCRYPTED) throw new DocumentError(errorMessage('zip.encrypted', { label, name }));
    if (method !== STORED && method !== DEFLATED) throw new DocumentError(errorMessage('zip.method', { label, name, method }));
    if (compressedSize === 0xffffffff || size === 0xffffffff || start === 0xffffffff) {
      throw new DocumentError(errorMessage('zip.zip64', { label }));
    }
    entries.push(checkLocalHeader(bytes, view, label, { name, rawName, flags, method, crc, compressedSize, size, start }, dir.offset));
    at = recordEnd;
  }
  if (at !== directoryEnd) throw new DocumentError(errorMessage('zip.unreadable', { label, why: errorMessage('zip.why.longDirectory', { extra: directoryEnd - at, count: dir.count }) }));
  checkLayout(view, label, entries, dir);
  return entries;
}

interface CentralRecord {
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: typeof STORED | typeof DEFLATED;
  crc: number;
  compressedSize: number;
  size: number;
  start: number;
}

/** The entry's local header must repeat its directory record: name, method, checksum and sizes. */
function checkLocalHeader(bytes: Uint8Array, view: DataView, label: string, record: CentralRecord, directoryStart: number): ZipEntry {
  const { name, start } = record;
  const disagrees = (what: string) => new DocumentError(errorMessage('zip.disagrees', { label, name, what }));
  if (start + LOCAL_HEADER > directoryStart || view.getUint32(start, true) !== LOCAL_SIG) throw disagrees('no local header where the directory says it starts');
  const nameLength = view.getUint16(start + 26, true);
  const dataStart = start + LOCAL_HEADER + nameLength + view.getUint16(start + 28, true);
  if (!sameBytes(bytes.subarray(start + LOCAL_HEADER, start + LOCAL_HEADER + nameLength), record.rawName)) throw disagrees('another name');
  if (view.getUint16(start + 8, true) !== record.method) throw disagrees('another compression method');
  const local = { crc: view.getUint32(start + 14, true), compressedSize: view.getUint32(start + 18, true), size: view.getUint32(start + 22, true) };
  let end = dataStart + record.compressedSize;
  if (view.getUint16(start + 6, true) & HAS_DESCRIPTOR) {
    // Written by a streaming zipper: the local header may hold zeros; the sizes follow the data.
    if (end + 12 > directoryStart) throw disagrees('its data runs into the directory');
    if (view.getUint32(end, true) === DESCRIPTOR_SIG) end += 4;
    if (end + 12 > directoryStart) throw disagrees('its data runs into the directory');
    const described = { crc: view.getUint32(end, true), compressedSize: view.getUint32(end + 4, true), size: view.getUint32(end + 8, true) };
    end += 12;
    const zeros = local.crc === 0 && local.compressedSize === 0 && local.size === 0;
    if (!zeros) compareSizes(local, record, disagrees);
    compareSizes(described, record, disagrees);
  } else {
    compareSizes(local, record, disagrees);
  }
  if (end > directoryStart) throw disagrees('its data runs into the directory');
  return { name, method: record.method, crc: record.crc, compressedSize: record.compressedSize, size: record.size, start, dataStart, end };
}

function compareSizes(local: { crc: number; compressedSize: number; size: number }, record: CentralRecord, disagrees: (what: string) => Error): void {
  if (local.crc !== record.crc) throw disagrees('another checksum');
  if (local.compressedSize !== record.compressedSize) throw disagrees(`${local.compressedSize} compressed bytes, not ${record.compressedSize}`);
  if (local.size !== record.size) throw disagrees(`${local.size} bytes, not ${record.size}`);
}

/** Entries may not overlap, and no bytes outside them may hold a local header the directory does not list. */
function checkLayout(view: DataView, label: string, entries: readonly ZipEntry[], dir: Directory): void {
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const gaps: [number, number][] = [];
  let cursor = 0;
  let previous: ZipEntry | undefined;
  for (const entry of sorted) {
    if (previous && entry.start < previous.end) throw new DocumentError(errorMessage('zip.overlap', { label, first: previous.name, second: entry.name }));
    gaps.push([cursor, entry.start]);
    cursor = entry.end;
    previous = entry;
  }
  gaps.push([cursor, dir.offset], [dir.offset + dir.size, dir.endRecord]);
  let hidden = 0;
  for (const [from, to] of gaps) {
    for (let at = from; at + 4 <= to; at++) if (view.getUint32(at, true) === LOCAL_SIG) hidden++;
  }
  if (hidden > 0) throw new DocumentError(errorMessage('zip.hidden', { label, entries: errorMessage(hidden === 1 ? 'zip.entries.one' : 'zip.entries.other', { count: hidden }) }));
}
