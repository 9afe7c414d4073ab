import { stemRussian } from './russian-stemmer.ts';

/**
 * Text normalisation for routing: lower case, ё → е, personal-data masks (runs of the Latin
 * letter X, as in the St. Petersburg data set: "XXXX XXXXXX") and punctuation removed, numbers
 * folded into one token, very common function words dropped, every word stemmed.
 */
const MASK = /(?<![\p{L}\p{N}])X+(?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;
export const NUMBER_TOKEN = '#';

const STOP_WORDS = new Set(
  (
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было ' +
    'вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас ' +
    'нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их ' +
    'чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой ' +
    'совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при ' +
    'наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три ' +
    'эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно ' +
    'всю между это'
  ).split(' '),
);

/** Lower case, ё → е, masks and punctuation replaced by spaces, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .replace(MASK, ' ')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalised text; numbers become `#`. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(WORD)) out.push(/^\p{N}+$/u.test(m[0]) ? NUMBER_TOKEN : m[0]);
  return out;
}

const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The stem of a word, remembered (a city's appeals use a few tens of thousands of word forms). */
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemRussian(word);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/**
 * Stemmed content words of a text, in order (stop words and one-letter words left out);
 * `normalized` says the text already went through `normalizeText`.
 */
export function tokenize(text: string, normalized = false): string[] {
  const out: string[] = [];
  for (const w of words(normalized ? text : normalizeText(text))) {
    if (w !== NUMBER_TOKEN && (w.length < 2 || STOP_WORDS.has(w))) continue;
    out.push(stem(w));
  }
  return out;
}
