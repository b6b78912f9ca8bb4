// Schema pieces several feature files share. Limits are generous but never unbounded: a page or a
// script can only send values of a sane size.
import { z } from 'zod';
import { SOURCE_KINDS } from '../../model/types.ts';

export const id = z.number().int().positive();
export const position = z.number().int().nonnegative();
/** Names, titles, paths. */
export const shortText = z.string().max(4_096);
/** Memos, definitions, codebooks, source texts. */
export const longText = z.string().max(50_000_000);
export const nonEmpty = shortText.min(1);
export const sourceKind = z.enum(SOURCE_KINDS);
export const attributeScope = z.enum(['case', 'source']);
export const attributeValue = z.union([z.string().max(100_000), z.number(), z.boolean()]);
/** A file's bytes (a Uint8Array over IPC; base64 in JSON, see service/wire.ts). */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'bytes expected' });
/** A method without an argument accepts nothing or an empty object. */
export const noArgument = z.strictObject({}).optional();
