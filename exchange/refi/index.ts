// REFI-QDA exchange (.qdc codebooks, .qdpx projects): the entry points the rest of Tresse uses.
export type * from './snapshot.ts';
export { SOURCE_KIND_VARIABLE } from './snapshot.ts';
export { writeCodebook } from './write-codebook.ts';
export { readCodebook, readCodebookWithWarnings } from './read-codebook.ts';
export { writeProject, writeProjectAsync, writeProjectXml, type WriteProjectOptions } from './write-project.ts';
export { EXPORT_TARGETS, detectVendor, type ExportTarget, type Vendor } from './vendor.ts';
export { readProject, type ReadProjectOptions, type ReadProjectResult } from './read-project.ts';
export { QDPX_LIMITS } from '../archive/limits.ts';
export type { ImportWarning, WarningCode } from './warnings.ts';
