// Subtitle files from automatic transcription (Whisper, Teams, Zoom, YouTube): each cue becomes
// one line and one timestamped turn (one per voice when a cue holds several <v> spans), the speaker
// kept visible at the start of the line ("Marie : texte") so the source reads like a transcript.
// A cue naming no speaker is still a turn, with an empty speaker, so that its line keeps its time.
// Cue numbers, timings, settings, styling tags and NOTE/STYLE/REGION blocks are dropped.

import { codePointLength } from '../../text/offsets.ts';
import { normaliseText } from '../../text/normalise.ts';
import { TresseError } from '../../i18n/error.ts';
import { readPlainText } from './txt.ts';
import { assembleStructure, type ParsedText } from './structure.ts';
import { matchTurnLabel, speakerFilter, type TurnDetector, type TurnLabel, type TurnSegment } from './turns.ts';

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/u;

/** One line of the result: a whole cue, or one voice's part of it. */
interface Cue {
  startMs: number;
  voice: string | null;
  text: string;
}

export function parseSubtitles(bytes: Uint8Array, file: string, format: 'vtt' | 'srt', detector: TurnDetector): ParsedText {
  const { text: raw, encoding, notes } = readPlainText(bytes, file);
  const cues = readCues(raw);
  if (cues.length === 0) {
    if (raw.trim() === '') throw new TresseError('import.empty', { file });
    throw new TresseError('import.noCues', { file, format: format === 'vtt' ? 'WebVTT (.vtt)' : 'SubRip (.srt)' });
  }

  // A "Name :" at the start of a cue names the speaker when the voice tag does not.
  const labels = cues.map((c) => (c.voice === null ? matchTurnLabel(c.text, detector) : null));
  const accept = speakerFilter(
    labels.filter((l): l is TurnLabel => l !== null),
    detector,
  );

  const lines: string[] = [];
  const turns: TurnSegment[] = [];
  let position = 0;
  cues.forEach((cue, i) => {
    const label = labels[i];
    let speaker = '';
    let line = cue.text;
    if (cue.voice !== null) {
      speaker = cue.voice;
      line = speaker ? `${speaker} : ${cue.text}` : cue.text;
    } else if (label && accept(label)) {
      speaker = label.speaker;
    }
    const start = position;
    lines.push(line);
    position += codePointLength(line) + 1;
    turns.push({ kind: 'turn', start, end: 0, speaker, timestampMs: cue.startMs });
  });
  const text = lines.join('\n');
  const length = codePointLength(text);
  turns.forEach((t, i) => (t.end = turns[i + 1]?.start ?? length));
  return { text, encoding, structure: assembleStructure(text, [], detector, turns), notes };
}

function readCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.split(/\n[ \t]*\n/u)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timingAt = lines.findIndex((l) => TIMING.test(l));
    // WEBVTT header, NOTE, STYLE and REGION blocks have no timing line; the cue identifier (or SRT
    // number) sits above it.
    if (timingAt < 0 || timingAt > 1) continue;
    const startMs = cueTime(TIMING.exec(lines[timingAt]!)![1]!);
    for (const { voice, raw } of voiceSpans(lines.slice(timingAt + 1).join('\n'))) {
      const body = raw
        .split('\n')
        .map((l) => decodeEntities(stripTags(l)).trim())
        .filter((l) => l !== '')
        .join(' ')
        .replace(/[ \t]+/gu, ' ');
      if (body !== '') cues.push({ startMs, voice, text: normaliseText(body) });
    }
  }
  return cues;
}

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>\n]*)>/gu;

/**
 * A cue's payload cut at each <v Name> tag: "<v Marie>Oui</v> <v Enquêtrice>D’accord</v>" is two
 * speakers' words. Text after a </v> stays with the span it follows (usually just a space).
 */
function voiceSpans(payload: string): Array<{ voice: string | null; raw: string }> {
  const spans: Array<{ voice: string | null; raw: string }> = [];
  let voice: string | null = null;
  let from = 0;
  for (const m of payload.matchAll(VOICE)) {
    spans.push({ voice, raw: payload.slice(from, m.index) });
    voice = normaliseText(decodeEntities(m[1]!)).replace(/\s+/gu, ' ').trim();
    from = m.index + m[0].length;
  }
  spans.push({ voice, raw: payload.slice(from) });
  return spans;
}

/** "01:02:03.250", "02:03.250" (WebVTT) or "01:02:03,250" (SubRip) in milliseconds. */
function cueTime(value: string): number {
  const [clock, fraction = '0'] = value.split(/[.,]/u);
  const parts = clock!.split(':').map(Number);
  const seconds = parts.reduce((acc, n) => acc * 60 + n, 0);
  return seconds * 1000 + Math.round(Number(`0.${fraction}`) * 1000);
}

/**
 * The WebVTT cue tags (<v …>, <c.x>, <i>, <b>, <u>, <lang …>, <ruby>, <rt>, <00:00:01.000>),
 * SubRip's <s> and <font …>, and SubRip/ASS override codes ({\an8}). Only those: a "<" in the
 * words ("3 < 5 mais 7 > 2") is text.
 */
const CUE_TAG = /<\/?(?:v|c|i|b|u|s|lang|ruby|rt|font)(?:[.\s][^<>]*)?>|<(?:\d+:)?\d{2}:\d{2}[.,]\d{3}>/giu;

function stripTags(line: string): string {
  return line.replace(CUE_TAG, '').replace(/\{\\[^}]*\}/gu, '');
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', lrm: '', rlm: '' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}
