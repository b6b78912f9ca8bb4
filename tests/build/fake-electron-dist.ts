// A stand-in for an unpacked Electron distribution, for packaging tests on a machine where the real
// one cannot be downloaded. electron-builder copies it as the app's executable and @electron/fuses
// flips the fuse wire inside it, exactly as it would in a real Electron binary: the wire follows
// the sentinel as [version, length, state × length] (@electron/fuses dist/index.js, setFuseWire).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' constants.SENTINEL: the marker Electron's build places before the wire. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states as bytes in the wire ('0' off, '1' on). */
export const FUSE_OFF = 0x30;
export const FUSE_ON = 0x31;

/**
 * Electron's own defaults, in wire order (RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges): an unhardened binary, so a packaging that flips nothing shows.
 */
export const ELECTRON_DEFAULT_WIRE = [FUSE_ON, FUSE_OFF, FUSE_ON, FUSE_ON, FUSE_OFF, FUSE_OFF, FUSE_OFF, FUSE_ON];

/**
 * Writes `dir/electron` (Linux layout): a small shell script that exits, followed by the sentinel and
 * a version-1 fuse wire. Returns the executable's path.
 */
export function writeFakeElectronDist(dir: string, wire: number[] = ELECTRON_DEFAULT_WIRE): string {
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'electron');
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\n# stand-in Electron for packaging tests\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length, ...wire]),
  ]);
  writeFileSync(exe, body);
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron licence.\n');
  return exe;
}
