/**
 * Reads an untrusted .zip into memory, refusing paths outside the pack, too many entries, zip
 * bombs and zips whose local headers hide entries their directory does not list. Only entries the
 * central directory lists are read (see zipDirectory.ts). Sizes are checked twice: the sizes the
 * archive declares, then the bytes actually inflated, fed in small slices so a lying header cannot
 * make one inflate step allocate gigabytes; what inflates must then match the declared size and CRC.
 */
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { DocumentError } from '../../shared/json';
import { PACK_LIMITS, type PackLimits } from './limits';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

/** Compressed bytes handed to the inflater at a time; deflate expands at most ~1032×, so ≤ 17 MB per step. */
const SLICE_BYTES = 16_384;

/** Why an entry name is refused, or undefined when it is a safe relative path. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\\')) return 'uses "\\" (expected "/" separators)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'leaves the pack ("..")';
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.split('/').length > PACK_LIMITS.depth + 1) return `is nested deeper than ${PACK_LIMITS.depth} folders`;
  return undefined;
}

/** The archive's files by path (directories omitted); throws DocumentError naming the zip and the entry. */
export function readZip(bytes: Uint8Array, label: string, limits: PackLimits = PACK_LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.zipBytes) throw new DocumentError(`${label}: the zip is too large (${bytes.length} bytes; the limit is ${limits.zipBytes}).`);
  const entries = readZipDirectory(bytes, label, limits.entries);
  // Pass 1: what the directory declares, before anything is inflated.
  let declared = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe) throw new DocumentError(`${label}: entry "${entry.name}" ${unsafe}; refusing the whole zip.`);
    if (names.has(entry.name)) throw new DocumentError(`${label}: entry "${entry.name}" appears twice.`);
    names.add(entry.name);
    if (entry.size > limits.fileBytes) {
      throw new DocumentError(`${label}: entry "${entry.name}" would expand to ${entry.size} bytes (the limit is ${limits.fileBytes}); refusing a possible zip bomb.`);
    }
    declared += entry.size;
    if (declared > limits.totalBytes) throw new DocumentError(`${label}: the zip would expand to more than ${limits.totalBytes} bytes; refusing a possible zip bomb.`);
  }
  // Pass 2: inflate each listed entry from where the directory says it is, counting real bytes.
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = inflateEntry(bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize), entry, label, limits, total);
    total += data.length;
    if (data.length !== entry.size) throw new DocumentError(`${label}: entry "${entry.name}" is corrupt (it holds ${data.length} bytes; the zip's directory says ${entry.size}).`);
    if (crc32(data) >>> 0 !== entry.crc) throw new DocumentError(`${label}: entry "${entry.name}" is corrupt (its checksum does not match).`);
    files.set(entry.name, data);
  }
  return files;
}

function inflateEntry(compressed: Uint8Array, entry: ZipEntry, label: string, limits: PackLimits, before: number): Uint8Array {
  const bomb = (limit: number) => new DocumentError(`${label}: entry "${entry.name}" expands beyond ${limit} bytes; refusing a possible zip bomb.`);
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
    if (!failure) throw new DocumentError(`${label}: entry "${entry.name}" is corrupt (${error instanceof Error ? error.message : String(error)}).`);
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
