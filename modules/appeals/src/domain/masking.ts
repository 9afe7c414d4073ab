/**
 * Hides personal data in a text that is published (the public map of reports, 152-FZ): e-mail
 * addresses, phone numbers, the applicant's names (with Russian case endings), flat numbers, and
 * house numbers written after a street. What it cannot recognise reliably it leaves alone, so
 * reports still make sense ("яма у дома" stays; "ул. Ленина, д. 5, кв. 12" loses the numbers).
 */
export const MASK = '***';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Seven to fifteen digits with spaces, dashes and brackets between them: +7 (912) 345-67-89, 89123456789.
const PHONE = /(?<![\p{L}\p{N}])\+?\d(?:[\s()-]{0,3}\d){6,14}(?![\p{L}\p{N}])/gu;
const FLAT = /(?<!\p{L})(кв\.?|квартир[аеуы]?|apt\.?|flat)(\s*№?\s*)\d+\p{L}?/giu;

const STREET_WORDS = [
  'ул\\.',
  'ул(?=\\s)',
  'улиц[аеыу]',
  'пр-т',
  'просп\\.',
  'проспект[аеу]?',
  'пер\\.',
  'переул(?:ок|ке|ка)',
  'б-р',
  'бульвар[аеу]?',
  'ш\\.',
  'шоссе',
  'наб\\.',
  'набережн(?:ая|ой)',
  'пл\\.',
  'площад[ьи]',
  'проезд[аеу]?',
  'мкр\\.?',
  'микрорайон[аеу]?',
  'street',
  'st\\.',
  'avenue',
  'ave\\.',
];
const NUMBER = '\\d+\\p{L}?(?:\\/\\d+)?';
// A house number after a street: after a comma, after «д.»/«дом», or right after the street's
// name when the number ends the phrase (comma, full stop, end, a flat or a building next).
const HOUSE = new RegExp(
  `(?<!\\p{L})((?:${STREET_WORDS.join('|')})\\s*[\\p{L}\\p{N}\\-. ]{1,40}?)` +
    `(,\\s*(?:д\\.|дом)?\\s*|\\s+(?:д\\.|дом)\\s*|\\s+(?=${NUMBER}(?:\\s*(?:[,.;)]|$|кв|к\\.|корп|стр))))` +
    `(${NUMBER})((?:\\s*(?:,\\s*)?(?:к\\.|корп\\.?|корпус|стр\\.|строение)\\s*\\d+)?)`,
  'giu',
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name and its Russian case forms (Иванов → Иванова, Иванову, Ивановым), as a whole word. */
function namePattern(names: readonly string[]): RegExp | null {
  const tokens = [
    ...new Set(
      names
        .flatMap((n) => n.split(/[\s,]+/))
        .map((t) => t.replace(/[^\p{L}-]/gu, ''))
        .filter((t) => [...t].length >= 3),
    ),
  ].sort((a, b) => b.length - a.length);
  if (!tokens.length) return null;
  // Endings replace up to two final vowels/й/ь of the stem (Мария → Марии, Илья → Ильёй).
  const alternatives = tokens.map((t) => {
    const chars = [...t];
    let cut = 0;
    while (cut < 2 && chars.length - cut > 3 && /[аяоеёийьыуюэ]/iu.test(chars[chars.length - 1 - cut]!))
      cut++;
    return `${escapeRegExp(chars.slice(0, chars.length - cut).join(''))}\\p{L}{0,4}`;
  });
  return new RegExp(`(?<!\\p{L})(?:${alternatives.join('|')})(?!\\p{L})`, 'giu');
}

export function maskPersonalData(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, MASK);
  out = out.replace(PHONE, MASK);
  const byName = namePattern(names);
  if (byName) out = out.replace(byName, MASK);
  out = out.replace(FLAT, (_m, word: string, gap: string) => `${word}${gap}${MASK}`);
  out = out.replace(
    HOUSE,
    (_m, street: string, sep: string, _num: string, building: string) =>
      `${street}${sep}${MASK}${building ? building.replace(/\d+/g, MASK) : ''}`,
  );
  return out;
}
