// Attribute values and dates between Tresse and REFI-QDA's typed VariableValue elements.
import type { AttributeType } from '../../model/types.ts';
import type { XmlOut } from './xml.ts';

export type AttrValue = string | number | boolean;

export const REFI_TYPE_OF: Record<AttributeType, string> = { text: 'Text', number: 'Float', date: 'Date', boolean: 'Boolean' };

export function attributeTypeFromRefi(raw: string | undefined): AttributeType {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'float':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    default:
      return 'text';
  }
}

const XSD_DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** A value for an xsd:dateTime attribute, or undefined when the text cannot be read as a date. */
export function xsdDateTime(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (XSD_DATETIME.test(value)) return value;
  const t = Date.parse(value.includes('T') ? value : value.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** xsd:decimal has no exponent: 1e-7 must be written 0.0000001. */
export function decimalString(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int! + frac;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits}${'0'.repeat(Math.max(0, exp - frac.length))}`;
}

/** Writes one <VariableValue>, choosing the element the value fits, whatever the variable's type. */
export function writeVariableValue(out: XmlOut, variableGuid: string, type: AttributeType, value: AttrValue): void {
  out.open('VariableValue');
  out.empty('VariableRef', { targetGUID: variableGuid });
  if (type === 'boolean' && typeof value === 'boolean') out.text('BooleanValue', String(value));
  else if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
    out.text(Number.isInteger(value) ? 'IntegerValue' : 'FloatValue', decimalString(value));
  } else if (type === 'date' && typeof value === 'string' && XSD_DATE.test(value)) out.text('DateValue', value);
  else if (type === 'date' && typeof value === 'string' && XSD_DATETIME.test(value)) out.text('DateTimeValue', value);
  else out.text('TextValue', String(value));
  out.close('VariableValue');
}

/** The value held by a <VariableValue>'s typed child, or undefined when it has none. */
export function readValue(elementName: string, text: string): AttrValue | undefined {
  switch (elementName.toLowerCase()) {
    case 'textvalue':
    case 'datevalue':
    case 'datetimevalue':
      return text;
    case 'booleanvalue': {
      const v = text.trim().toLowerCase();
      return v === 'true' || v === '1';
    }
    case 'integervalue':
    case 'floatvalue': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    default:
      return undefined;
  }
}
