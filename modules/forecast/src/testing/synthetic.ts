import { addDays, type IsoDate } from '@zemstvo/calendar';

/** Seeded random numbers for synthetic series (Mulberry32; normal by Box–Muller; Poisson by inversion or normal). */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const poisson = (mean: number) => {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = uniform();
    while (p > l) {
      k++;
      p *= uniform();
    }
    return k;
  };
  return { uniform, normal, poisson };
}

/** Events (one per appeal) of a daily count series. */
export function eventsOf(
  group: string,
  from: IsoDate,
  counts: readonly number[],
): { date: IsoDate; group: string }[] {
  const out: { date: IsoDate; group: string }[] = [];
  counts.forEach((c, i) => {
    const date = addDays(from, i);
    for (let k = 0; k < c; k++) out.push({ date, group });
  });
  return out;
}
