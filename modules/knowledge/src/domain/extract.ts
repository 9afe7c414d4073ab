/**
 * Metadata found in a document's text (Russian formats first): addresses, dates, amounts, phone
 * numbers, e-mails, cadastral numbers and organisation names. Pure functions; each list keeps the
 * order of appearance without repeats.
 */
export interface ExtractedMetadata {
  addresses: string[];
  /** ISO dates (YYYY-MM-DD). */
  dates: string[];
  /** Amounts in roubles. */
  amounts: number[];
  /** Phones normalised to +7XXXXXXXXXX. */
  phones: string[];
  emails: string[];
  cadastralNumbers: string[];
  organizations: string[];
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function extractEmails(text: string): string[] {
  return uniq([...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase()));
}

// +7 912 345-67-89, 8 (912) 345-67-89, 89123456789, +7(343)1234567.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+7|8)[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/gu;

export function extractPhones(text: string): string[] {
  return uniq([...text.matchAll(PHONE)].map((m) => `+7${m[0].replace(/\D/g, '').slice(1)}`));
}

// Кадастровый номер: округ:район:квартал:участок, e.g. 66:41:0204016:123.
const CADASTRAL = /(?<![\d:])\d{2}:\d{2}:\d{6,7}:\d{1,}(?![\d:])/g;

export function extractCadastralNumbers(text: string): string[] {
  return uniq([...text.matchAll(CADASTRAL)].map((m) => m[0]));
}

const MONTHS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  март: 3,
  апрел: 4,
  ма: 5,
  июн: 6,
  июл: 7,
  август: 8,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
};
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.]\d)/g;
const WORD_DATE =
  /(?<!\d)(\d{1,2})\s+(январ[яе]|феврал[яе]|марта?|апрел[яе]|ма[яй]|июн[яе]|июл[яе]|августа?|сентябр[яе]|октябр[яе]|ноябр[яе]|декабр[яе])\s+(\d{4})(?:\s*(?:г\.|года|г(?!\p{L})))?/giu;

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

export function extractDates(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const value = iso(year, Number(m[2]), Number(m[1]));
    if (value) found.push({ at: m.index, value });
  }
  for (const m of text.matchAll(WORD_DATE)) {
    const word = m[2]!.toLowerCase();
    const month = Object.entries(MONTHS).find(
      ([stem]) => word.startsWith(stem) && (stem !== 'ма' || /^ма[яй]$/.test(word)),
    )?.[1];
    const value = month ? iso(Number(m[3]), month, Number(m[1])) : null;
    if (value) found.push({ at: m.index, value });
  }
  return uniq(found.sort((a, b) => a.at - b.at).map((f) => f.value));
}

// 1 500 000 руб., 12 345,67 ₽, 2500 рублей, 1,5 млн руб., ₽ 300.
const AMOUNT =
  /(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?\s*(тыс\.?|млн\.?|млрд\.?)?\s*(?:руб(?:\.|л(?:ей|я|ь))?|₽|р\.)(?!\p{L})/giu;
const SCALE: Record<string, number> = { тыс: 1e3, млн: 1e6, млрд: 1e9 };

export function extractAmounts(text: string): number[] {
  return uniq(
    [...text.matchAll(AMOUNT)].map((m) => {
      const whole = Number(m[1]!.replace(/[ \u00a0\u202f]/g, ''));
      const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
      const scale = m[3] ? (SCALE[m[3].replace('.', '').toLowerCase()] ?? 1) : 1;
      return Math.round((whole + fraction) * scale * 100) / 100;
    }),
  );
}

// ООО «Ромашка», АО "Водоканал", МУП «Горсвет», ГБУ «Жилищник района».
const ORG =
  /(?<!\p{L})(ООО|ОАО|ЗАО|ПАО|АО|МУП|МУ|МБУ|МКУ|ГБУ|ГУП|ГКУ|ФГБУ|ИП|НКО|АНО|ТСЖ)\s*[«"“]([^»"”\n]{1,120})[»"”]/gu;

export function extractOrganizations(text: string): string[] {
  return uniq([...text.matchAll(ORG)].map((m) => `${m[1]} «${m[2]!.trim()}»`));
}

// ул. Ленина, д. 5, кв. 12 · пр. Мира 10 · улица Лесная, дом 3, корп. 2 · пер. Садовый, 4.
const STREET =
  '(?:ул\\.|улица|пр\\.|пр-т|просп\\.|проспект|пер\\.|переулок|б-р|бульвар|ш\\.|шоссе|наб\\.|набережная|пл\\.|площадь|проезд|мкр\\.?|микрорайон)';
const ADDRESS = new RegExp(
  `(?<!\\p{L})${STREET}\\s*[\\p{Lu}\\d][\\p{L}\\d\\-. ]{0,40}?` +
    `(?:(?:,\\s*|\\s+)(?:(?:д\\.|дом)\\s*)?\\d+\\p{L}?(?:\\/\\d+)?` +
    `(?:(?:,\\s*|\\s+)(?:к\\.|корп\\.?|корпус|стр\\.|строение)\\s*\\d+)?` +
    `(?:(?:,\\s*|\\s+)(?:кв\\.?|квартира)\\s*\\d+)?)?(?=$|[\\s,.;:!?)])`,
  'gu',
);

export function extractAddresses(text: string): string[] {
  return uniq(
    [...text.matchAll(ADDRESS)].map((m) =>
      m[0]
        .trim()
        .replace(/[\s,.]+$/u, '')
        .replace(/\s+/g, ' '),
    ),
  );
}

export function extractMetadata(text: string): ExtractedMetadata {
  return {
    addresses: extractAddresses(text),
    dates: extractDates(text),
    amounts: extractAmounts(text),
    phones: extractPhones(text),
    emails: extractEmails(text),
    cadastralNumbers: extractCadastralNumbers(text),
    organizations: extractOrganizations(text),
  };
}
