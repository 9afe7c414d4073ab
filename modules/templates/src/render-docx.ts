import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AppError } from '@zemstvo/kernel';
import { inspectArchive } from '@zemstvo/storage';

/** A template that cannot be read or filled (broken tags, not a DOCX): the author must fix the file. */
export const badTemplate = (message: string, details?: Record<string, unknown>) =>
  new AppError('bad_template', `The template cannot be used: ${message}`, 422, details);

interface DocxtemplaterError {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
}

function explain(e: unknown): string[] {
  const props = (e as DocxtemplaterError).properties;
  const list = props?.errors?.map((x) => x.properties?.explanation ?? 'error') ?? [];
  return list.length ? list : [props?.explanation ?? (e instanceof Error ? e.message : String(e))];
}

type Scope = Record<string, unknown> | string;

/**
 * Opens a template with docxtemplater: `{name}` placeholders, `{#list}…{/list}` loops (paragraph
 * loops when the tags stand in paragraphs of their own), line breaks kept, a missing value filled
 * with nothing. `seen` collects every tag name at compile time, `missing` the ones without a value.
 */
function openTemplate(template: Uint8Array, seen: string[], missing: Set<string>): Docxtemplater {
  inspectArchive(template); // a zip bomb never reaches the DOCX engine
  try {
    return new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      parser: (tag: string) => {
        const name = tag.trim();
        if (name !== '.' && !seen.includes(name)) seen.push(name);
        return {
          get: (scope: Scope) => {
            if (name === '.') return scope;
            const value = typeof scope === 'object' && scope !== null ? scope[name] : undefined;
            if (value === undefined || value === null || value === '') missing.add(name);
            return value;
          },
        };
      },
      nullGetter: () => '',
    });
  } catch (e) {
    throw badTemplate(explain(e).join('; '), { errors: explain(e) });
  }
}

/**
 * Fills a DOCX template. Returns the DOCX and the placeholders that had no value (left empty, so
 * a draft shows what is missing).
 */
export function fillDocx(
  template: Uint8Array,
  data: Record<string, string | string[]>,
): { docx: Uint8Array; missing: string[] } {
  const missing = new Set<string>();
  const doc = openTemplate(template, [], missing);
  try {
    doc.render(data);
  } catch (e) {
    throw badTemplate(explain(e).join('; '), { errors: explain(e) });
  }
  const docx = doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array;
  return { docx, missing: [...missing].sort() };
}

/** The placeholder and loop names of a template, in document order, without duplicates. */
export function listPlaceholders(template: Uint8Array): string[] {
  const seen: string[] = [];
  openTemplate(template, seen, new Set());
  return seen;
}
