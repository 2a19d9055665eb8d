/**
 * Reads an untrusted .zip into memory, refusing paths outside the pack, too many entries and zip
 * bombs. Sizes are checked twice: the sizes the archive declares, then the bytes actually
 * inflated, fed in small slices so a lying header cannot make one inflate step allocate gigabytes.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { DocumentError } from '../../shared/json';
import { PACK_LIMITS, type PackLimits } from './limits';

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
  // Pass 1: the central directory only (the filter declines every file, so nothing is inflated).
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter(info) {
        entries++;
        if (entries > limits.entries) throw new DocumentError(`${label}: the zip has more than ${limits.entries} entries.`);
        const unsafe = unsafeEntryName(info.name);
        if (unsafe) throw new DocumentError(`${label}: entry "${info.name}" ${unsafe}; refusing the whole zip.`);
        if (info.originalSize > limits.fileBytes) {
          throw new DocumentError(`${label}: entry "${info.name}" would expand to ${info.originalSize} bytes (the limit is ${limits.fileBytes}); refusing a possible zip bomb.`);
        }
        declared += info.originalSize;
        if (declared > limits.totalBytes) throw new DocumentError(`${label}: the zip would expand to more than ${limits.totalBytes} bytes; refusing a possible zip bomb.`);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(`${label}: not a readable zip (${error instanceof Error ? error.message : String(error)}).`);
  }
  // Pass 2: inflate, counting real bytes.
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let failure: DocumentError | undefined;
  const unzipper = new Unzip((file: UnzipFile) => {
    if (failure) return;
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) {
      failure = new DocumentError(`${label}: entry "${file.name}" ${unsafe}; refusing the whole zip.`);
      return;
    }
    if (file.name.endsWith('/')) return;
    if (files.has(file.name)) {
      failure = new DocumentError(`${label}: entry "${file.name}" appears twice.`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new DocumentError(`${label}: entry "${file.name}" is corrupt (${error.message}).`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.fileBytes || total > limits.totalBytes) {
        failure = new DocumentError(`${label}: entry "${file.name}" expands beyond ${size > limits.fileBytes ? limits.fileBytes : limits.totalBytes} bytes; refusing a possible zip bomb.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const whole = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        files.set(file.name, whole);
      }
    };
    file.start();
  });
  unzipper.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE_BYTES) {
      unzipper.push(bytes.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= bytes.length);
    }
  } catch (error) {
    if (!failure) failure = new DocumentError(`${label}: not a readable zip (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (failure) throw failure;
  return files;
}
