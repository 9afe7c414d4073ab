import { submitAppeal } from '@zemstvo/appeals';
import { asSystemIn, type PlatformLike } from '@zemstvo/appeals/test/factories';
import { readJsonLines } from '../dataset/jsonl.ts';
import { SAMPLE_PATH } from './sample.ts';

/** Categories of the St. Petersburg sample as the demo 59-FZ service's category and theme. */
export const SAMPLE_CATEGORIES: Record<string, [string, string]> = {
  Благоустройство: ['economy', 'landscaping'],
  'Содержание МКД': ['housing', 'building_maintenance'],
  Водоснабжение: ['housing', 'utilities'],
  Кровля: ['housing', 'building_maintenance'],
};

/**
 * Files the first `count` appeals of the committed sample whose category maps to the demo
 * service, oldest first, in one transaction as the system (as an import would); returns their ids.
 */
export async function fileSampleAppeals(p: PlatformLike, slug: string, count: number): Promise<string[]> {
  const rows: { text: string; category: string }[] = [];
  for await (const line of readJsonLines(SAMPLE_PATH)) {
    const r = line.value as { text?: string; category?: string };
    if (r.text && r.category && SAMPLE_CATEGORIES[r.category] && r.text.length < 5000)
      rows.push({ text: r.text, category: r.category });
    if (rows.length === count) break;
  }
  return asSystemIn(p, slug, async (ctx) => {
    const out: string[] = [];
    for (const r of rows) {
      const [category, theme] = SAMPLE_CATEGORIES[r.category]!;
      const { appeal } = await submitAppeal(ctx, {
        service: 'appeals-59fz',
        category,
        theme,
        channel: 'post',
        fields: { last_name: 'Жителев', first_name: 'Иван', text: r.text },
      });
      out.push(appeal.id);
    }
    return out;
  });
}
