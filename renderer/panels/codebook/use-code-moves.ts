import { useWorkbench } from '../../app/workbench-context.tsx';
import { moveCodeCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useCodes } from '../../data/lists.ts';

/** Re-parenting a code through the undo history; a refusal (a cycle, a name taken) is shown. */
export function useCodeMoves() {
  const { report } = useWorkbench();
  const codes = useCodes();
  const { run } = useHistory();
  const move = async (id: number, parentId: number | null) => {
    const name = codes.find((c) => c.id === id)?.name ?? '';
    try {
      await run(moveCodeCommand(id, parentId, undefined, name));
    } catch (e) {
      report(e);
    }
  };
  return { move };
}
