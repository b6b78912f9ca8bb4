import { describe, expect, it } from 'vitest';
import { caretMove } from '../../../renderer/transcript/keyboard.ts';

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  caretMove({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('caretMove', () => {
  it('moves by character and line with the arrows, and extends with Shift', () => {
    expect(key('ArrowRight')).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' });
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ alter: 'extend', direction: 'backward', granularity: 'character' });
    expect(key('ArrowDown', { shiftKey: true })).toEqual({ alter: 'extend', direction: 'forward', granularity: 'line' });
  });

  it('goes by word with Ctrl (Option on macOS), to the ends of the line with Home and End', () => {
    expect(key('ArrowRight', { shiftKey: true, ctrlKey: true })).toEqual({ alter: 'extend', direction: 'forward', granularity: 'word' });
    expect(key('ArrowLeft', { altKey: true })?.granularity).toBe('word');
    expect(key('End', { shiftKey: true })).toEqual({ alter: 'extend', direction: 'forward', granularity: 'lineboundary' });
    expect(key('Home')?.granularity).toBe('lineboundary');
    expect(key('ArrowRight', { metaKey: true })?.granularity).toBe('lineboundary');
  });

  it('goes to the ends of the text with Ctrl+Home and Ctrl+End', () => {
    expect(key('Home', { ctrlKey: true })).toEqual({ alter: 'move', direction: 'backward', granularity: 'documentboundary' });
    expect(key('End', { ctrlKey: true, shiftKey: true })?.alter).toBe('extend');
  });

  it('leaves every other key alone (Enter, letters, Page Down)', () => {
    expect(key('Enter')).toBeNull();
    expect(key('a')).toBeNull();
    expect(key('PageDown')).toBeNull();
  });
});
