// What team work needs beyond agreement: REFI-QDA files, comparing and merging codebooks and
// projects. It brings an XML parser and fuzzy name matching (saxes, fuse.js), so the contract
// loads it with the first call that needs it (service/contract/team.ts), not at every start of
// the command line.
export { applyCodebookMerge } from './codebook-merge.ts';
export { compareCodebookFiles } from './compare-files.ts';
export { comparisonHtml, comparisonXlsx } from './compare-report.ts';
export { mergeSnapshot } from './merge-project.ts';
export { exportQdc, exportQdpxAsync, importQdc, importQdpx, importQdpxAsNewProject } from './refi.ts';
export { compareWithOther, loadOther, otherCodes } from './team-other.ts';
export { reportOnQdpx } from './exchange-report.ts';
