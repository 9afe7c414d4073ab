import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Pieces of real St. Petersburg appeals (the repo sample), recombined into generated rows. */
export interface SamplePieces {
  texts: string[];
  addresses: string[];
  districts: string[];
}

const SAMPLE = new URL('../../data/samples/spb-appeals-sample.jsonl.gz', import.meta.url);

interface SampleLine {
  text?: string;
  address?: string;
  district?: string;
}

/** The sample's texts (masked runs of X removed), addresses and districts. */
export function loadSample(): SamplePieces {
  const lines = gunzipSync(readFileSync(SAMPLE)).toString('utf8').split('\n').filter(Boolean);
  const texts: string[] = [];
  const addresses = new Set<string>();
  const districts = new Set<string>();
  for (const line of lines) {
    const r = JSON.parse(line) as SampleLine;
    const text = (r.text ?? '')
      .replace(/\bX+\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length >= 20) texts.push(text.slice(0, 1500));
    if (r.address) addresses.add(r.address);
    if (r.district) districts.add(r.district);
  }
  return { texts, addresses: [...addresses], districts: [...districts] };
}

/** 2–3-word Russian queries a staff member would type (fixed, so runs compare). */
export const SEARCH_QUERIES = [
  'протечка крыши',
  'уборка снега',
  'яма на дороге',
  'не работает лифт',
  'мусор во дворе',
  'освещение улицы',
  'горячая вода',
  'детская площадка',
  'парковка автомобилей',
  'граффити на фасаде',
  'сосульки на крыше',
  'отопление батареи холодные',
  'сломанная скамейка',
  'вырубка деревьев',
  'открытый люк',
  'подвал затоплен',
  'шум ночью',
  'бездомные собаки',
  'ремонт подъезда',
  'разбитое окно',
  'светофор не работает',
  'тротуар гололёд',
  'контейнерная площадка',
  'незаконная торговля',
  'капитальный ремонт дома',
  'протекает потолок',
  'уличный фонарь',
  'грязный подъезд',
  'брошенный автомобиль',
  'остановка общественного транспорта',
];
