// Messages about the process itself rather than the project's content: an error nobody was
// waiting for (see service/stray-errors.ts) and a project lock taken over from a program that
// stopped (db/lock.ts). French first, English beside it.
import { interpolate, type Lang } from './lang.ts';

export const robustnessMessages = {
  'stray.background': {
    fr: 'Une erreur inattendue s’est produite en arrière-plan ; Tresse continue. L’opération en cours a pu échouer : si son résultat manque, recommencez-la. Vos projets ne sont jamais enregistrés à moitié. (Détail technique : {detail})',
    en: 'An unexpected error happened in the background; Tresse carries on. The current operation may have failed: if its result is missing, run it again. Your projects are never saved halfway. (Technical detail: {detail})',
  },
  'stray.command': {
    fr: 'Erreur inattendue : la commande est considérée comme échouée (code de sortie 1). Le projet n’a pas été enregistré à moitié : chaque modification est complète ou absente. (Détail technique : {detail})',
    en: 'Unexpected error: the command counts as failed (exit code 1). The project was not saved halfway: each change is complete or absent. (Technical detail: {detail})',
  },
  'lock.takenOver': {
    fr: 'Le programme qui avait ouvert ce projet (processus {pid} sur « {host} », depuis {since}) ne tourne plus : son verrou a été repris. S’il s’est arrêté brutalement, vérifiez vos dernières modifications.',
    en: 'The program that had this project open (process {pid} on "{host}", since {since}) is no longer running: its lock was taken over. If it stopped abruptly, check your latest changes.',
  },
} as const;

export type RobustnessMessage = keyof typeof robustnessMessages;

export function robustnessMessage(key: RobustnessMessage, lang: Lang, params: object = {}): string {
  return interpolate(robustnessMessages[key][lang], params as Record<string, unknown>);
}
