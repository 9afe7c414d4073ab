import { badRequest } from '@zemstvo/kernel';
import { readJsonLines } from './jsonl.ts';
import { parseAppealRecord, type AppealRecord } from './appeal-record.ts';

export interface InvalidLine {
  lineNo: number;
  error: string;
}

export interface LoadedAppeals {
  records: AppealRecord[];
  /** Lines left out (only with `skipInvalid`), with why. */
  skipped: InvalidLine[];
}

/**
 * Reads a JSON-lines file of appeals. By default the first invalid line stops the reading with
 * an error naming its line number: a measurement on silently truncated data would mislead.
 * With `skipInvalid`, invalid lines are left out and listed in `skipped`.
 */
export async function loadAppeals(
  path: string,
  options: { skipInvalid?: boolean } = {},
): Promise<LoadedAppeals> {
  const records: AppealRecord[] = [];
  const skipped: InvalidLine[] = [];
  for await (const line of readJsonLines(path)) {
    const parsed = line.error ? { ok: false as const, error: line.error } : parseAppealRecord(line.value);
    if (parsed.ok) records.push(parsed.record);
    else if (options.skipInvalid) skipped.push({ lineNo: line.lineNo, error: parsed.error });
    else
      throw badRequest('invalid_input_line', `${path}, line ${line.lineNo}: ${parsed.error}`, {
        line: line.lineNo,
      });
  }
  return { records, skipped };
}
