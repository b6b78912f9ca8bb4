// The e2e tier's browser lookup: a missing or unusable Chromium is an error that says how to get one.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.ts';
import { tempDir } from './project.ts';

describe('finding Chromium for the browser tests', () => {
  it('takes the binary TRESSE_CHROMIUM names when it can run', () => {
    const bin = join(tempDir(), 'chromium');
    writeFileSync(bin, '#!/bin/sh\n');
    chmodSync(bin, 0o755);
    expect(chromiumPath({ TRESSE_CHROMIUM: bin })).toBe(bin);
  });

  it('refuses a missing or non-executable binary, saying how to install one or name it', () => {
    const notRunnable = join(tempDir(), 'chromium');
    writeFileSync(notRunnable, '');
    chmodSync(notRunnable, 0o644);
    for (const path of [join(tempDir(), 'absent'), notRunnable]) {
      expect(() => chromiumPath({ TRESSE_CHROMIUM: path })).toThrow(`looked for ${path}, from TRESSE_CHROMIUM`);
      expect(() => chromiumPath({ TRESSE_CHROMIUM: path })).toThrow(/apt-get install chromium.*set TRESSE_CHROMIUM=/s);
    }
  });
});
