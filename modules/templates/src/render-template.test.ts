import { readdirSync, readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { isAppError, sha256Hex, type Locale } from '@zemstvo/kernel';
import { docxToText } from '@zemstvo/storage';
import { minimalDocx } from '@zemstvo/storage/testing/index';
import { buildLetterDocx } from './authoring.ts';
import { formatLetterDate } from './dates.ts';
import { listPlaceholders, renderSignedPdf, renderTemplate, TEMPLATE_FIELDS } from './index.ts';
import { SAMPLE_FIELDS } from './sample-fields.ts';
import { pdfText } from './testing/pdf-text.ts';

const servicesDir = new URL('../../../services/', import.meta.url);
const templateFiles = ['appeals-59fz', 'urban-reports'].flatMap((slug) =>
  readdirSync(new URL(`${slug}/templates/`, servicesDir))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => ({
      slug,
      file: f,
      path: new URL(`${slug}/templates/${f}`, servicesDir).pathname,
      locale: f.split('.')[1] as Locale,
    })),
);

/** The document.xml of a DOCX opened again with pizzip, as the text Word would show. */
const reopenedText = (docx: Uint8Array) => {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

describe('the packages’ templates', () => {
  it('exist for every purpose in both languages of both packages', () => {
    expect(templateFiles).toHaveLength(20);
    for (const slug of ['appeals-59fz', 'urban-reports'])
      for (const code of [
        'answer',
        'notice_extension',
        'notice_redirect',
        'notice_no_answer',
        'notice_unreadable',
      ])
        for (const lang of ['ru', 'en'])
          expect(templateFiles.some((t) => t.slug === slug && t.file === `${code}.${lang}.docx`)).toBe(true);
  });

  it.each(templateFiles)(
    '$slug/$file fills every placeholder it uses from the documented set',
    async ({ path, locale, slug, file }) => {
      const used = await listPlaceholders(path);
      for (const name of used)
        expect(Object.keys(TEMPLATE_FIELDS).concat('answer_paragraphs')).toContain(name);
      const fields = SAMPLE_FIELDS[locale];
      const r = await renderTemplate({
        file: path,
        fields,
        locale,
        createdAt: new Date('2026-03-05T09:00:00Z'),
      });
      expect(r.missing).toEqual([]);
      const text = reopenedText(r.docx);
      expect(text).not.toMatch(/[{}]/);
      expect(text).toContain(String(fields.applicant_name));
      expect(text).toContain(String(fields.incoming_number));
      expect(text).toContain(String(fields.signatory_name));
      expect(text).toContain(locale === 'ru' ? '10.02.2026' : '10 February 2026');
      if (file.startsWith('answer'))
        expect(text).toContain(locale === 'ru' ? 'Ремонт проезда включён' : 'The repair is included');
      if (slug === 'appeals-59fz') expect(text).toMatch(locale === 'ru' ? /№ 59-ФЗ/ : /No\. 59-FZ/);
      expect(r.text).toBe(docxToText(r.docx));
      expect(new TextDecoder().decode(r.pdf.subarray(0, 5))).toBe('%PDF-');
    },
  );

  it('answer: the answer text becomes justified paragraphs of their own, in DOCX and PDF', async () => {
    const path = templateFiles.find((t) => t.slug === 'appeals-59fz' && t.file === 'answer.ru.docx')!.path;
    const r = await renderTemplate({ file: path, fields: SAMPLE_FIELDS.ru, locale: 'ru' });
    const lines = r.text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('По Вашему обращению проведено обследование'));
    expect(lines[first + 1]).toBe(
      'Ремонт проезда включён в план работ по благоустройству на 2026 год и будет выполнен до 1 июля 2026 года.',
    );
    expect(lines).toContain('Глава городского округа\tП. П. Петров');
    const xml = new PizZip(r.docx).file('word/document.xml')!.asText();
    expect(xml.match(/<w:p>(?:(?!<\/w:p>).)*Ремонт проезда(?:(?!<\/w:p>).)*<\/w:p>/)?.[0]).toContain(
      '<w:jc w:val="both"/>',
    );
  });
});

describe('PDF rendering', () => {
  const path = new URL('appeals-59fz/templates/answer.ru.docx', servicesDir).pathname;

  it('embeds the DejaVu font and keeps the Cyrillic text readable (pdf.js)', async () => {
    const r = await renderTemplate({ file: path, fields: SAMPLE_FIELDS.ru, locale: 'ru' });
    const raw = Buffer.from(r.pdf).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif/);
    expect(raw).toContain('/FontFile2');
    const { text, pages } = await pdfText(r.pdf);
    expect(pages).toHaveLength(1);
    for (const s of [
      'АДМИНИСТРАЦИЯ',
      'Городской округ Заречный',
      'Уважаемый(ая) Иванова Мария Петровна!',
      'ОГ-2026/000123',
      'П. П. Петров',
    ])
      expect(text).toContain(s);
  });

  it('a preview carries the DRAFT watermark; the signed copy the stamp and the foot line on every page', async () => {
    const draft = await renderTemplate({ file: path, fields: SAMPLE_FIELDS.ru, locale: 'ru', draft: true });
    expect((await pdfText(draft.pdf)).text).toContain('ПРОЕКТ');
    const long = {
      ...SAMPLE_FIELDS.ru,
      answer_text: Array.from({ length: 40 }, (_, i) => `Абзац ${i + 1}: ${'текст ответа '.repeat(12)}`).join(
        '\n',
      ),
    };
    const sha256 = sha256Hex(draft.docx);
    const signed = await renderTemplate({
      file: path,
      fields: long,
      locale: 'ru',
      signature: {
        signerName: 'П. П. Петров',
        signerPosition: 'Глава городского округа',
        signedAt: new Date('2026-03-05T11:30:00Z'),
        sha256,
        verifyUrl: 'https://zemstvo.example/verify',
      },
    });
    const { pages, text } = await pdfText(signed.pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(text).not.toContain('ПРОЕКТ');
    expect(text).toContain('ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ');
    for (const [i, page] of pages.entries()) {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain(
        'Документ подписан простой электронной подписью: П. П. Петров, 05.03.2026 14:30 (МСК)',
      );
      expect(page.replace(/\s+/g, '')).toContain(sha256);
      expect(flat).toContain(`${i + 1} из ${pages.length}`);
    }
  });

  it('is reproducible: the same DOCX, stamp and date give the same bytes', async () => {
    const { docx } = await renderTemplate({ file: path, fields: SAMPLE_FIELDS.ru, locale: 'ru' });
    const stamp = {
      signerName: 'П. П. Петров',
      signedAt: new Date('2026-03-05T11:30:00Z'),
      sha256: sha256Hex(docx),
    };
    const a = await renderSignedPdf(docx, stamp, { locale: 'ru' });
    const b = await renderSignedPdf(docx, stamp, { locale: 'ru' });
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it('lays out any DOCX, e.g. one an executor edited in Word (no styles part)', async () => {
    const { pages } = await pdfText(
      await renderSignedPdf(
        minimalDocx(['Ответ исполнителя', 'Второй абзац']),
        { signerName: 'X', signedAt: new Date(0), sha256: '0'.repeat(64) },
        { locale: 'en' },
      ),
    );
    expect(pages[0]).toContain('Ответ исполнителя');
    expect(pages[0]).toContain('Signed with a simple electronic signature: X');
  });
});

describe('template fields and refusals', () => {
  const tiny = buildLetterDocx({
    lang: 'ru-RU',
    title: 't',
    paragraphs: [{ text: '{applicant_name} / {answer_text} / {outgoing_date}' }],
  });

  it('fills hostile values literally: markup, control characters, line breaks', async () => {
    const r = await renderTemplate({
      file: tiny,
      locale: 'ru',
      fields: {
        applicant_name: '</w:t></w:r><w:r><w:t>&amp; "x" <b>',
        answer_text: 'строка 1\nстрока 2\u0001\u0008',
        outgoing_date: new Date('2026-12-31T22:30:00Z'),
      },
    });
    expect(r.text).toBe('</w:t></w:r><w:r><w:t>&amp; "x" <b> / строка 1\nстрока 2 / 01.01.2027');
    expect(r.missing).toEqual([]);
  });

  it('reports placeholders left without a value', async () => {
    const r = await renderTemplate({ file: tiny, locale: 'en', fields: { applicant_name: 'A' } });
    expect(r.missing).toEqual(['answer_text', 'outgoing_date']);
    expect(r.text).toBe('A /  / ');
  });

  it('refuses a broken template (bad_template, 422) and a zip bomb posing as one', async () => {
    const broken = buildLetterDocx({
      lang: 'ru-RU',
      title: 't',
      paragraphs: [{ text: 'Уважаемый {applicant_name!' }],
    });
    const err = await renderTemplate({ file: broken, locale: 'ru', fields: {} }).catch((e: unknown) => e);
    expect(isAppError(err) && [err.code, err.status]).toEqual(['bad_template', 422]);
    const bomb = minimalDocx(
      ['{x}'],
      [{ name: 'word/media/zero.bin', data: new Uint8Array(32 * 1024 * 1024) }],
    );
    const bombErr = await renderTemplate({ file: bomb, locale: 'ru', fields: {} }).catch((e: unknown) => e);
    expect(isAppError(bombErr) && bombErr.code).toBe('archive_too_large');
  });

  it('formats letter dates the way each language writes them', () => {
    expect(formatLetterDate('2026-03-05', 'ru')).toBe('05.03.2026');
    expect(formatLetterDate('2026-03-05', 'en')).toBe('5 March 2026');
    expect(formatLetterDate(new Date('2026-03-04T21:30:00Z'), 'ru')).toBe('05.03.2026');
    expect(formatLetterDate('not a date', 'ru')).toBe('not a date');
  });

  it('lists placeholders in document order', async () => {
    expect(await listPlaceholders(tiny)).toEqual(['applicant_name', 'answer_text', 'outgoing_date']);
    const answer = readFileSync(new URL('appeals-59fz/templates/answer.ru.docx', servicesDir));
    expect(await listPlaceholders(new Uint8Array(answer))).toEqual([
      'municipality_name',
      'municipality_address',
      'municipality_contacts',
      'outgoing_date',
      'outgoing_number',
      'incoming_number',
      'incoming_date',
      'applicant_name',
      'applicant_address',
      'answer_paragraphs',
      'signatory_position',
      'signatory_name',
      'executor_name',
      'executor_phone',
    ]);
  });
});
