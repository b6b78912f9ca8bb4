// Two codebook files compared with no project open, as `tresse compare-codebooks A B` does: each a
// .tresse (read from a copy, never touched), a .qdc or the codebook of a .qdpx, labelled by its file name.
import { TresseError } from '../i18n/error.ts';
import { compareProjectCodebooks, loadCodebookFile, type CodebookComparison } from './compare-codebooks.ts';
import type { ShellHooks } from './contract/define.ts';

/**
 * The path policy checks one path per call (service/path-policy.ts); these two are read only for
 * the command line, whose paths are not restricted. The app compares the open project with one
 * file instead (compareCodebooks).
 */
export function compareCodebookFiles(shell: ShellHooks['shell'], a: string, b: string): CodebookComparison {
  if (shell !== 'cli') throw new TresseError('api.pathNotChosen', { path: a });
  return compareProjectCodebooks(loadCodebookFile(a), loadCodebookFile(b));
}
