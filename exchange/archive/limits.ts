// How much an archive may hold before it is taken for a hostile one. Checked against the central
// directory before anything is inflated, then again against what inflating really produces.

export interface ArchiveLimits {
  /** Sum of the uncompressed sizes of every entry. */
  maxTotalBytes: number;
  /** Entries in the archive, folders included. */
  maxEntries: number;
  /** Expansion ratio above which an entry is taken for a zip bomb. XML and text reach about 20. */
  maxRatio: number;
  /** Small entries may compress very well (a file of spaces); the ratio applies above this size. */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/** A .qdpx project: 1 GiB is well above a thesis corpus with its PDFs and pictures. */
export const QDPX_LIMITS: ArchiveLimits = {
  maxTotalBytes: 1024 * MiB,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};

/**
 * A .docx or .odt: the import limit is 50 MB of file, and a document's XML inflates about ten
 * times; its pictures do not inflate at all. A few hundred parts at most.
 */
export const OFFICE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 200 * MiB,
  maxEntries: 5_000,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};
