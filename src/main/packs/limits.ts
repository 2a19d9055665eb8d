/** Bounds on untrusted packs: far above any real lesson pack, far below what could hurt the app. */
export const PACK_LIMITS = {
  /** A .zip file on disk. */
  zipBytes: 50_000_000,
  /** Files in a pack (zip entries, or files found in a folder). */
  entries: 1000,
  /** Any one JSON document (manifest, lesson, graph). */
  jsonBytes: 2_000_000,
  /** Any one file, assets included, after decompression. */
  fileBytes: 20_000_000,
  /** All files together after decompression. */
  totalBytes: 100_000_000,
  /** Folder nesting inside a pack. */
  depth: 8,
  /** One folder or file name inside a pack, in UTF-8 bytes: far above any lesson file's, below every file system's 255. */
  nameBytes: 120,
} as const;

/** The same bounds as plain numbers, so tests can tighten them. */
export type PackLimits = { readonly [K in keyof typeof PACK_LIMITS]: number };
