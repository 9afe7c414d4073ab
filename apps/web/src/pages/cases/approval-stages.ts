/**
 * An approval route from the form's choices: each approver is left out (0) or put at a stage.
 * Stages go in order and empty ones vanish; the approvers of one stage decide in parallel.
 * `{ anna: 2, boris: 1, vera: 2, gleb: 0 }` → `[['boris'], ['anna', 'vera']]`.
 */
export function routeStages(chosen: Readonly<Record<string, number>>): string[][] {
  const byStage = new Map<number, string[]>();
  for (const [userId, stage] of Object.entries(chosen))
    if (stage > 0) byStage.set(stage, [...(byStage.get(stage) ?? []), userId]);
  return [...byStage.entries()].sort(([a], [b]) => a - b).map(([, users]) => users);
}
