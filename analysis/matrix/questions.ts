// Research questions: a name and the ordered list of codes whose evidence answers it, so the
// matrix can have one row per question instead of one per theme. Stored by service/questions.ts.

export interface ResearchQuestion {
  id: number;
  guid: string;
  name: string;
  description: string;
  position: number;
  codeIds: number[];
}
