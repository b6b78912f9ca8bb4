import { api } from '../../api/client.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';

/** Re-parenting a code, with the lists refreshed and any refusal (a cycle, a name taken) shown. */
export function useCodeMoves() {
  const { refresh, report } = useWorkbench();
  const move = async (id: number, parentId: number | null) => {
    try {
      await api.moveCode({ id, parentId });
      await refresh();
    } catch (e) {
      report(e);
    }
  };
  return { move };
}
