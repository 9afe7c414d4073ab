/**
 * Makes the committed sample of the St. Petersburg appeals data set (`data/samples/
 * spb-appeals-sample.jsonl.gz`): the test fixture of routing and forecasting and demo data for a
 * machine without the shared data set. Stratified by month of creation and category, each stratum
 * contributing its share (at least one appeal); inside a stratum, appeals are picked by a hash of
 * their id, so the sample is the same on every run. Records are kept as they are, except that
 * each answer's text is cut to 400 characters (they are long letters; nothing here reads them
 * whole) to keep the file under 1 MB. Run:
 *   npx tsx scripts/make-sample.ts [--input FILE.jsonl.gz] [--output FILE.jsonl.gz] [--size N]
 */
import { parseArgs } from 'node:util';
import { fnv1a, readJsonLines, writeJsonLines } from '@zemstvo/routing';

const DEFAULT_INPUT = '/work/shared/datasets/spb-appeals-2020-10_2021-01.jsonl.gz';
const DEFAULT_OUTPUT = new URL('../data/samples/spb-appeals-sample.jsonl.gz', import.meta.url).pathname;
const ANSWER_TEXT_LIMIT = 400;

type Row = Record<string, unknown> & { id: string | number; created_at: string; category: string };

function shortenAnswers(row: Row): Row {
  if (!Array.isArray(row.answers)) return row;
  const answers = (row.answers as unknown[]).map((a) =>
    Array.isArray(a) && typeof a[2] === 'string' && a[2].length > ANSWER_TEXT_LIMIT
      ? [a[0], a[1], `${a[2].slice(0, ANSWER_TEXT_LIMIT)}…`]
      : a,
  );
  return { ...row, answers };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: DEFAULT_INPUT },
      output: { type: 'string', default: DEFAULT_OUTPUT },
      size: { type: 'string', default: '3000' },
    },
  });
  const size = Number(values.size);
  const strata = new Map<string, Row[]>();
  let total = 0;
  for await (const line of readJsonLines(values.input!)) {
    const row = line.value as Row;
    if (line.error || typeof row?.created_at !== 'string' || typeof row.category !== 'string')
      throw new Error(`${values.input}, line ${line.lineNo}: not an appeal with created_at and category`);
    const key = `${row.created_at.slice(0, 7)}\u0001${row.category}`;
    if (!strata.has(key)) strata.set(key, []);
    strata.get(key)!.push(row);
    total++;
  }
  const picked: Row[] = [];
  for (const rows of strata.values()) {
    const k = Math.max(1, Math.round((rows.length * size) / total));
    const ranked = rows
      .map((r) => ({ r, h: fnv1a(`sample:${r.id}`) }))
      .sort((a, b) => a.h - b.h || String(a.r.id).localeCompare(String(b.r.id)));
    picked.push(...ranked.slice(0, k).map(({ r }) => r));
  }
  picked.sort((a, b) => a.created_at.localeCompare(b.created_at) || String(a.id).localeCompare(String(b.id)));
  const out = writeJsonLines(values.output!);
  for (const row of picked) await out.write(shortenAnswers(row));
  await out.close();
  console.log(
    `${picked.length} of ${total} appeals in ${strata.size} month × category strata → ${values.output}`,
  );
}

await main();
