import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { TresseError } from '../i18n/error.ts';
import type { Coder } from '../model/types.ts';
import { newGuid, nowIso } from './context.ts';

export function listCoders(db: Db): Coder[] {
  return stmt(db, 'SELECT id, guid, name FROM coders ORDER BY name').all() as Coder[];
}

export function findCoder(db: Db, name: string): Coder | undefined {
  return stmt(db, 'SELECT id, guid, name FROM coders WHERE name = ?').get(name.trim()) as Coder | undefined;
}

/** The coder of that name, created on first use (a new teammate simply starts coding). */
export function ensureCoder(db: Db, name: string, guid: string = newGuid()): Coder {
  const trimmed = coderName(name);
  const existing = findCoder(db, trimmed);
  if (existing) return existing;
  const info = stmt(db, 'INSERT INTO coders (guid, name, created_at) VALUES (?, ?, ?)').run(guid, trimmed, nowIso());
  return { id: Number(info.lastInsertRowid), guid, name: trimmed };
}

/**
 * A coder's name as typed, trimmed; an empty one is refused, never replaced by the system account
 * ("root" would then sign every coding of a project made on a shared or container machine).
 */
export function coderName(name: string | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) throw new TresseError('coder.empty');
  return trimmed;
}

export function requireCoder(db: Db, name: string): Coder {
  const c = findCoder(db, name);
  if (!c) throw new TresseError('coder.unknown', { name });
  return c;
}
