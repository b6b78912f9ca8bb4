// Attribute values as the cases table shows and reads them: several values separated by ";".
import type { AttributeType } from '../../../model/types.ts';

export type AttributeValue = string | number | boolean;

export function formatValues(values: readonly AttributeValue[] | undefined, yesNo: { yes: string; no: string }): string {
  return (values ?? []).map((v) => (typeof v === 'boolean' ? (v ? yesNo.yes : yesNo.no) : String(v))).join(' ; ');
}

/**
 * Reads what the user typed. Numbers accept a decimal comma (French habit); anything that does
 * not read as the attribute's type is passed on as typed, so the service refuses it with a message
 * naming the value.
 */
export function parseValues(input: string, type: AttributeType, yesNo: { yes: string; no: string }): AttributeValue[] {
  const parts = input
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.map((p) => {
    if (type === 'number') {
      const n = Number(p.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : p;
    }
    if (type === 'boolean') {
      const lower = p.toLowerCase();
      if ([yesNo.yes.toLowerCase(), 'true', 'oui', 'yes', '1'].includes(lower)) return true;
      if ([yesNo.no.toLowerCase(), 'false', 'non', 'no', '0'].includes(lower)) return false;
      return p;
    }
    return p;
  });
}
