/**
 * The Snowball stemmer for Russian (M. Porter, snowballstem.org/algorithms/russian), written out
 * here so the platform needs no dependency for it. Input: one lower-case word with ё already
 * replaced by е; words with other letters than Cyrillic ones come back unchanged.
 */
const VOWELS = new Set('аеиоуыэюя');

const PERFECTIVE_GERUND_AFTER_A = ['вшись', 'вши', 'в'];
const PERFECTIVE_GERUND = ['ывшись', 'ившись', 'ывши', 'ивши', 'ыв', 'ив'];
const ADJECTIVE = [
  'ими',
  'ыми',
  'его',
  'ого',
  'ему',
  'ому',
  'ее',
  'ие',
  'ые',
  'ое',
  'ей',
  'ий',
  'ый',
  'ой',
  'ем',
  'им',
  'ым',
  'ом',
  'их',
  'ых',
  'ую',
  'юю',
  'ая',
  'яя',
  'ою',
  'ею',
];
const PARTICIPLE_AFTER_A = ['ем', 'нн', 'вш', 'ющ', 'щ'];
const PARTICIPLE = ['ивш', 'ывш', 'ующ'];
const REFLEXIVE = ['ся', 'сь'];
const VERB_AFTER_A = [
  'ете',
  'йте',
  'ешь',
  'нно',
  'ла',
  'на',
  'ли',
  'ем',
  'ло',
  'но',
  'ет',
  'ют',
  'ны',
  'ть',
  'й',
  'л',
  'н',
];
const VERB = [
  'ейте',
  'уйте',
  'ила',
  'ыла',
  'ена',
  'ите',
  'или',
  'ыли',
  'ило',
  'ыло',
  'ено',
  'ует',
  'уют',
  'ены',
  'ить',
  'ыть',
  'ишь',
  'ей',
  'уй',
  'ил',
  'ыл',
  'им',
  'ым',
  'ен',
  'ят',
  'ит',
  'ыт',
  'ую',
  'ю',
];
const NOUN = [
  'иями',
  'ями',
  'ами',
  'ией',
  'иям',
  'ием',
  'иях',
  'ев',
  'ов',
  'ие',
  'ье',
  'еи',
  'ии',
  'ей',
  'ой',
  'ий',
  'ям',
  'ем',
  'ам',
  'ом',
  'ах',
  'ях',
  'ию',
  'ью',
  'ия',
  'ья',
  'а',
  'е',
  'и',
  'й',
  'о',
  'у',
  'ы',
  'ь',
  'ю',
  'я',
];
const SUPERLATIVE = ['ейше', 'ейш'];
const DERIVATIONAL = ['ость', 'ост'];

const byLengthDesc = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);
const SORTED = {
  gerundA: byLengthDesc(PERFECTIVE_GERUND_AFTER_A),
  gerund: byLengthDesc(PERFECTIVE_GERUND),
  adjective: byLengthDesc(ADJECTIVE),
  participleA: byLengthDesc(PARTICIPLE_AFTER_A),
  participle: byLengthDesc(PARTICIPLE),
  verbA: byLengthDesc(VERB_AFTER_A),
  verb: byLengthDesc(VERB),
  noun: byLengthDesc(NOUN),
};

/**
 * The longest ending of `list` that lies in the region starting at `from`; with `afterA`, the
 * ending must follow а or я (also inside the region), which stays. Returns the ending's length or 0.
 */
function ending(word: string, from: number, list: readonly string[], afterA = false): number {
  for (const e of list) {
    if (!word.endsWith(e)) continue;
    const start = word.length - e.length;
    if (start < from) continue;
    if (afterA) {
      const prev = word[start - 1];
      if (start - 1 < from || (prev !== 'а' && prev !== 'я')) continue;
    }
    return e.length;
  }
  return 0;
}

/** The longer of two matches: a group-1 ending (after а/я) or a group-2 ending. */
function longest(word: string, from: number, afterA: readonly string[], plain: readonly string[]): number {
  return Math.max(ending(word, from, afterA, true), ending(word, from, plain));
}

/** Start of the region after the first vowel (RV), and of R2, as Snowball defines them. */
function regions(word: string): { rv: number; r2: number } {
  let rv = word.length;
  for (let i = 0; i < word.length; i++)
    if (VOWELS.has(word[i]!)) {
      rv = i + 1;
      break;
    }
  const after = (from: number): number => {
    for (let i = from + 1; i < word.length; i++)
      if (!VOWELS.has(word[i]!) && VOWELS.has(word[i - 1]!)) return i + 1;
    return word.length;
  };
  const r1 = after(0);
  return { rv, r2: after(r1) };
}

function adjectival(word: string, rv: number): number {
  const adj = ending(word, rv, SORTED.adjective);
  if (adj === 0) return 0;
  const stem = word.slice(0, word.length - adj);
  return adj + longest(stem, rv, SORTED.participleA, SORTED.participle);
}

export function stemRussian(word: string): string {
  if (word.length < 3 || !/^[а-яё-]+$/.test(word)) return word;
  let w = word;
  const { rv, r2 } = regions(w);

  // Step 1
  const gerund = longest(w, rv, SORTED.gerundA, SORTED.gerund);
  if (gerund > 0) w = w.slice(0, -gerund);
  else {
    const reflexive = ending(w, rv, REFLEXIVE);
    if (reflexive > 0) w = w.slice(0, -reflexive);
    const cut = adjectival(w, rv) || longest(w, rv, SORTED.verbA, SORTED.verb) || ending(w, rv, SORTED.noun);
    if (cut > 0) w = w.slice(0, -cut);
  }
  // Step 2
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);
  // Step 3
  const derivational = ending(w, r2, DERIVATIONAL);
  if (derivational > 0) w = w.slice(0, -derivational);
  // Step 4
  const superlative = ending(w, rv, SUPERLATIVE);
  if (superlative > 0) w = w.slice(0, -superlative);
  if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
  else if (superlative === 0 && w.endsWith('ь') && w.length - 1 >= rv) w = w.slice(0, -1);
  return w;
}
