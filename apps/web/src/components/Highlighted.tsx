import { snippetParts } from '../api/search.ts';

/** A search snippet: plain text with the matches in <mark> elements (built from parts, never raw HTML). */
export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetParts(snippet).map((p, i) =>
        p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
