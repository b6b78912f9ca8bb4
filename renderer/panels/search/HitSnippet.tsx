import type { SearchHit } from '../../../model/types.ts';

/** The text around a hit, the hit itself marked. */
export function HitSnippet({ hit }: { hit: SearchHit }) {
  const { snippet, snippetStart: a, snippetEnd: b } = hit;
  return (
    <span className="snippet">
      {snippet.slice(0, a)}
      <mark>{snippet.slice(a, b)}</mark>
      {snippet.slice(b)}
    </span>
  );
}
