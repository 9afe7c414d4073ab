import { splitMailText } from './mail-text.ts';

/** A plain-text letter as written, with its web addresses as links. */
export function MailText({ text }: { text: string }) {
  return (
    <div className="mail-text">
      {splitMailText(text).map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <a key={i} href={p.href} rel="noreferrer">
            {p.href}
          </a>
        ),
      )}
    </div>
  );
}
