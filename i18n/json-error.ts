// JSON.parse speaks English ("Unexpected end of JSON input", "Unexpected token } in JSON at
// position 12"), and its wording changes with the JavaScript engine. A user's file that fails to
// parse gets a catalogue message instead, with the line and column when the engine gave them.
import { TresseError } from './error.ts';

/** Where JSON.parse stopped: a line and column (from 1), the end of the text, or unknown. */
export type JsonErrorPlace = { line: number; column: number } | 'end' | null;

export function jsonErrorPlace(text: string, error: unknown): JsonErrorPlace {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of JSON input/i.test(message)) return 'end';
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const position = /position (\d+)/i.exec(message);
  if (!position) return null;
  const offset = Number(position[1]);
  // An unterminated string or object reports the end of the text as its position.
  if (offset >= text.length) return 'end';
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The TresseError for a JSON.parse failure on `text`, the contents of `file`. */
export function jsonSyntaxError(file: string, text: string, error: unknown): TresseError {
  const place = jsonErrorPlace(text, error);
  if (place === 'end') return new TresseError('json.truncated', { file });
  if (place === null) return new TresseError('json.invalid', { file });
  return new TresseError('json.syntax', { file, ...place });
}
