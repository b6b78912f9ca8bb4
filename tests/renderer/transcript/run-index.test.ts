// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { RunIndex } from '../../../renderer/transcript/paint.ts';

/** A text root of lines, each a <p> of runs carrying their UTF-16 start and coding ids. */
function root(lines: Array<Array<[number, string]>>): HTMLElement {
  const el = document.createElement('div');
  for (const runs of lines) el.append(line(runs));
  return el;
}

function line(runs: Array<[number, string]>): HTMLElement {
  const p = document.createElement('p');
  for (const [u16, ids] of runs) {
    const span = document.createElement('span');
    span.dataset.u16 = String(u16);
    if (ids) span.dataset.codingIds = ids;
    span.textContent = 'mot ';
    p.append(span);
  }
  return p;
}

const shape = (index: RunIndex) => ({ starts: index.starts, ids: index.ids, els: index.els, lineFirst: index.lineFirst });

describe('the run index', () => {
  it('after some lines are rebuilt, reads only those again and equals an index built whole', () => {
    const text = root([
      [
        [0, ''],
        [4, '1'],
      ],
      [[8, '1 2']],
      [[12, '']],
    ]);
    const before = new RunIndex(text);
    text.children[1]!.replaceChildren(
      ...line([
        [8, '1 2'],
        [10, '2'],
      ]).children,
    );
    const patched = new RunIndex(text, { prev: before, rebuiltLines: [1] });
    expect(shape(patched)).toEqual(shape(new RunIndex(text)));
    expect(patched.fresh).toEqual([2, 3]);
    expect(patched.byCoding.get(2)).toEqual([2, 3]);
  });

  it('reads a line again when its element was replaced, even if no rebuild was reported', () => {
    const text = root([[[0, '1']], [[4, '']]]);
    const before = new RunIndex(text);
    // The editor renders every line anew when its root element is set again (a remount).
    text.replaceChild(line([[0, '1']]), text.children[0]!);
    const patched = new RunIndex(text, { prev: before, rebuiltLines: [] });
    expect(text.contains(patched.els[0]!)).toBe(true);
    expect(shape(patched)).toEqual(shape(new RunIndex(text)));
    expect(patched.fresh).toEqual([0]);
  });
});
