/** A piece of a plain-text letter: text as it is, or a web address to show as a link. */
export type MailPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// http(s) addresses up to the next space; trailing punctuation belongs to the sentence.
const URL_RE = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)»”'\]]+$/;

/** Splits a plain-text letter into text and http(s) links, so reset links can be opened by a click. */
export function splitMailText(text: string): MailPiece[] {
  const pieces: MailPiece[] = [];
  let last = 0;
  const pushText = (s: string) => {
    if (!s) return;
    const prev = pieces[pieces.length - 1];
    if (prev?.kind === 'text') prev.text += s;
    else pieces.push({ kind: 'text', text: s });
  };
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0];
    const href = raw.replace(TRAILING, '');
    const start = m.index;
    pushText(text.slice(last, start));
    if (isHttpUrl(href)) pieces.push({ kind: 'link', href });
    else pushText(href);
    last = start + href.length;
  }
  pushText(text.slice(last));
  return pieces;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}
