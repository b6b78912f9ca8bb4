export type Lang = 'fr' | 'en';

/** The interface speaks French unless told otherwise (LANG=en_GB.UTF-8, --lang en). */
export function langFrom(value: string | undefined | null): Lang {
  return value && /^en\b|^en[_-]/i.test(value) ? 'en' : 'fr';
}

export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
