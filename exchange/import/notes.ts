// Import notes are shown to the user as they are, in French.

/** "1 note retirée" / "3 notes retirées". */
export function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
