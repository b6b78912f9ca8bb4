// Where each import warning goes in the exchange report: what the reader adapted (kept, changed in
// form or in how it is read), what Tresse cannot keep, and what is wrong in the file itself. Typed
// over every warning code, so a code added to warnings.ts does not compile until it is placed here.
import type { WarningCode } from './warnings.ts';

export const WARNING_CATEGORIES = ['adapted', 'notKept', 'badInput'] as const;
export type WarningCategory = (typeof WARNING_CATEGORIES)[number];

export const WARNING_CATEGORY: Record<WarningCode, WarningCategory> = {
  'refi.sourceMissing': 'badInput',
  'refi.sourceUnsupported': 'notKept',
  'refi.pdfAsText': 'adapted',
  'refi.sourceEncoding': 'adapted',
  'refi.lineEndingsGuessed': 'adapted',
  'refi.selectionOutOfRange': 'badInput',
  'refi.selectionWithoutCode': 'notKept',
  'refi.codingUnknownCode': 'badInput',
  'refi.codingsWithoutUser': 'adapted',
  'refi.setsSkipped': 'notKept',
  'refi.graphsSkipped': 'notKept',
  'refi.linksSkipped': 'notKept',
  'refi.caseRefsSkipped': 'notKept',
  'refi.memoDetached': 'adapted',
  'refi.unknownVariable': 'badInput',
  'refi.duplicateGuid': 'badInput',
  'refi.unsupportedElement': 'notKept',
  'refi.namespace': 'adapted',
  'refi.guidsNormalised': 'adapted',
  'refi.namesNormalised': 'adapted',
  'refi.lineEndsConverted': 'adapted',
  'refi.textComposed': 'adapted',
  'refi.textUtf16': 'adapted',
  'refi.codingsCreditedToCreator': 'adapted',
  'refi.usersUndeclared': 'adapted',
  'refi.duplicateGuidNamed': 'badInput',
  'refi.positionReading': 'adapted',
  'refi.positionReadingFound': 'adapted',
  'refi.positionUnitsGuessed': 'adapted',
  'refi.selectionPastEnd': 'badInput',
  'refi.notKept': 'notKept',
  'refi.setMembersMissing': 'badInput',
  'refi.setSplit': 'adapted',
  'refi.setNotesSkipped': 'notKept',
};
