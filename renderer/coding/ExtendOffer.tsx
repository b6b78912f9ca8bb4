// The offer made when a passage overlaps one's own coding of the same code: coding it as well would
// count and quote the shared words twice, so the choice is to extend the existing coding over both
// (one undo step) or to code nothing.
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/lang-context.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { extendCodingCommand, type NewCoding } from './history.ts';
import { useHistory } from './useHistory.tsx';

export interface ExtendOfferState {
  input: NewCoding;
  codeName: string;
  /** How many codings the union replaces, and its words (shortened), as the refusal gave them. */
  count: number;
  text: string;
}

/** The offer a refusal of addCoding carries, or null when it refused for another reason. */
export function extendOfferOf(e: unknown, input: NewCoding, codeName: string): ExtendOfferState | null {
  if (!(e instanceof ApiError) || e.code !== 'coding.overlaps') return null;
  return { input, codeName, count: Number(e.params.count), text: String(e.params.text) };
}

export function ExtendOffer({ offer, onClose, report }: { offer: ExtendOfferState; onClose: () => void; report: (e: unknown) => void }) {
  const t = useT();
  const { run } = useHistory();
  const extend = async () => {
    onClose();
    try {
      await run(extendCodingCommand(offer.input, offer.codeName));
    } catch (e) {
      report(e);
    }
  };
  return (
    <Dialog title={t('extend.title')} onClose={onClose}>
      <p>{t('extend.body', { count: offer.count, code: offer.codeName, text: offer.text })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('extend.cancel')}
        </button>
        <button type="button" onClick={() => void extend()} autoFocus>
          {t('extend.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
