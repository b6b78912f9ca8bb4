// Labels of the transcript view, code picker, undo history and memo editor (French first).
export const codingMessages = {} as const satisfies Record<string, { fr: string; en: string }>;
