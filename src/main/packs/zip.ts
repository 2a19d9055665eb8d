/**
 * Reads an untrusted .zip into memory, refusing paths outside the pack, too many entries, zip
 * bombs and zips whose local headers hide entries their directory does not list. Only entries the
 * central directory lists are read (see zipDirectory.ts). Sizes are checked twice: the sizes the
 * archive declares, then the bytes actually inflated, fed in small slices so a lying header cannot
 * make one inflate step allocate gigabytes; what inflates must then match the declared size and CRC.
 */
import { errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { DocumentError } from '../../shared/json';
import { PACK_LIMITS, type PackLimits } from './limits';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

/** Compressed bytes handed to the inflater at a time; deflate expands at most ~1032×, so ≤ 17 MB per step. */
const SLICE_BYTES = 16_384;

const utf8 = new TextEncoder();

/** Why an entry name is refused, or undefined when it is a safe relative path. */
export function unsafeEntryName(name: string): ErrorMessage | undefined {
  if (name.includes('\\')) return errorMessage('zip.unsafe.backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return errorMessage('zip.unsafe.absolute');
  if (name.split('/').some((part) => part === '..')) return errorMessage('zip.unsafe.parent');
  if (name.includes('\0')) return errorMessage('zip.unsafe.nul');
  if (name.split('/').length > PACK_LIMITS.depth + 1) return errorMessage('zip.unsafe.deep', { max: PACK_LIMITS.depth });
  // A zip holds any name; a disk refuses one over 255 bytes, half-way through writing the pack out.
  if (name.split('/').some((part) => utf8.encode(part).length > PACK_LIMITS.nameBytes)) return errorMessage('zip.unsafe.longName', { max: PACK_LIMITS.nameBytes });
  return undefined;
}

/** The archive's files by path (directories omitted); throws DocumentError naming the zip and the entry. */
export function readZip(bytes: Uint8Array, label: string, limits: PackLimits = PACK_LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.zipBytes) throw new DocumentError(errorMessage('zip.tooLarge', { label, bytes: bytes.length, limit: limits.zipBytes }));
  const entries = readZipDirectory(bytes, label, limits.entries);
  // Pass 1: what the directory declares, before anything is inflated.
  let declared = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe) throw new DocumentError(errorMessage('zip.unsafeName', { label, name: entry.name, why: unsafe }));
    if (names.has(entry.name)) throw new DocumentError(errorMessage('zip.duplicate', { label, name: entry.name }));
    names.add(entry.name);
    if (entry.size > limits.fileBytes) {
      throw new DocumentError(errorMessage('zip.bombEntry', { label, name: entry.name, bytes: entry.size, limit: limits.fileBytes }));
    }
    declared += entry.size;
    if (declared > limits.totalBytes) throw new DocumentError(errorMessage('zip.bombTotal', { label, limit: limits.totalBytes }));
  }
  // A file named like a folder other entries live in ("lessons" beside "lessons/a.json"): a zip holds
  // both, a disk cannot, and the import would fail half-way while writing them out.
  for (const name of names) {
    if (name.endsWith('/')) continue;
    const parts = name.split('/');
    for (let k = 1; k < parts.length; k++) {
      const folder = parts.slice(0, k).join('/');
      if (names.has(folder)) throw new DocumentError(errorMessage('zip.fileAndFolder', { label, name: folder, inside: name }));
    }
  }
  // Pass 2: inflate each listed entry from where the directory says it is, counting real bytes.
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = inflateEntry(bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize), entry, label, limits, total);
    total += data.length;
    if (data.length !== entry.size) throw new DocumentError(errorMessage('zip.corruptSize', { label, name: entry.name, bytes: data.length, declared: entry.size }));
    if (crc32(data) >>> 0 !== entry.crc) throw new DocumentError(errorMessage('zip.corruptCrc', { label, name: entry.name }));
    files.set(entry.name, data);
  }
  return files;
}

function inflateEntry(compressed: Uint8Array, entry: ZipEntry, label: string, limits: PackLimits, before: number): Uint8Array {
  const bomb = (limit: number) => new DocumentError(errorMessage('zip.bombInflate', { label, name: entry.name, limit }));
  if (entry.method === 0) {
    if (compressed.length > limits.fileBytes) throw bomb(limits.fileBytes);
    if (before + compressed.length > limits.totalBytes) throw bomb(limits.totalBytes);
    return compressed.slice();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failure: DocumentError | undefined;
  const inflater = new Inflate((chunk) => {
    if (failure) return;
    size += chunk.length;
    if (size > limits.fileBytes) failure = bomb(limits.fileBytes);
    else if (before + size > limits.totalBytes) failure = bomb(limits.totalBytes);
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < compressed.length && !failure; at += SLICE_BYTES) {
      inflater.push(compressed.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= compressed.length);
    }
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch (error) {
    if (!failure) throw new DocumentError(errorMessage('zip.corrupt', { label, name: entry.name, detail: error instanceof Error ? error.message : String(error) }));
  }
  if (failure) throw failure;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  return whole;
}
