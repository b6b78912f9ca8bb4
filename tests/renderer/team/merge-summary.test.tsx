// @vitest-environment jsdom
// What a merge or a .qdpx import says it did: the sets line appears when the file held sets.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { MergeReport } from '../../../service/contract/index.ts';
import { MergeSummary } from '../../../renderer/panels/team/MergeSummary.tsx';
import { mount } from '../transcript/render.ts';

const report = (sets: MergeReport['sets']): MergeReport => ({
  codebook: { added: 0, renamed: 0, moved: 0, updated: 0, mapped: 0, ignored: 0 },
  coders: { added: [] },
  sources: { added: 2, matched: 0 },
  cases: { added: 0, matched: 0 },
  attributeValues: { added: 0 },
  codings: { added: 0, duplicates: 0, skipped: 0 },
  memos: { added: 0, duplicates: 0 },
  doneMarks: { added: 0 },
  sets,
  warnings: [],
});

describe('the merge summary', () => {
  it('says how many sets came over, and says nothing of sets when there were none', async () => {
    const lines = async (r: MergeReport) => {
      const m = await mount(createElement(MergeSummary, { title: 'Import', report: r }));
      const items = Array.from(m.container.querySelectorAll('li')).map((li) => li.textContent);
      await m.unmount();
      return items;
    };
    expect(await lines(report({ added: 3, matched: 1, membersAdded: 7 }))).toContain('Ensembles : 3 ajouté(s), 1 déjà présent(s), 7 membre(s) ajouté(s).');
    expect((await lines(report({ added: 0, matched: 0, membersAdded: 0 }))).some((l) => l?.startsWith('Ensembles'))).toBe(false);
  });
});
