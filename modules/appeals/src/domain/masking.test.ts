import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, maskPersonalData } from './masking.ts';

describe('masking personal data in published reports', () => {
  it('hides e-mail addresses and phone numbers in their usual spellings', () => {
    const t = 'Пишите на petr.ivanov@mail.ru или звоните +7 (912) 345-67-89, 8-912-345-67-89, 89123456789.';
    const out = maskPersonalData(t);
    expect(out).not.toMatch(/mail\.ru|345|912/);
    expect(out).toBe(`Пишите на ${MASK} или звоните ${MASK}, ${MASK}, ${MASK}.`);
  });

  it('hides the applicant’s names in their Russian case forms', () => {
    const out = maskPersonalData('Заявитель Иванова Мария. Марии Ивановой никто не ответил, Мария ждёт.', [
      'Иванова Мария Петровна',
    ]);
    expect(out).toBe(`Заявитель ${MASK} ${MASK}. ${MASK} ${MASK} никто не ответил, ${MASK} ждёт.`);
    expect(maskPersonalData('Илья и Ильёй', ['Илья'])).toBe(`${MASK} и ${MASK}`);
    // Short tokens are not names worth masking (they would hit ordinary words).
    expect(maskPersonalData('Ли у дома', ['Ли'])).toBe('Ли у дома');
  });

  it('hides flat numbers, and house numbers written after a street', () => {
    expect(maskPersonalData('Яма у дома: ул. Ленина, д. 5, кв. 12')).toBe(
      `Яма у дома: ул. Ленина, д. ${MASK}, кв. ${MASK}`,
    );
    expect(maskPersonalData('ул. 8 Марта, д. 14 корп. 2 — не горит фонарь')).toBe(
      `ул. 8 Марта, д. ${MASK} корп. ${MASK} — не горит фонарь`,
    );
    expect(maskPersonalData('проспект Мира 12а, квартира 45')).toBe(
      `проспект Мира ${MASK}, квартира ${MASK}`,
    );
    expect(maskPersonalData('На улице Садовой 7. Прошу помочь')).toBe(
      `На улице Садовой ${MASK}. Прошу помочь`,
    );
  });

  it('leaves what it cannot recognise reliably alone: years, dates, ordinary numbers', () => {
    for (const t of [
      'ул. Ленина в 2024 году ремонтировали',
      'Срок 12.05.2025, дом 5',
      'Три ямы и 2 люка',
      'Остановка «Школа»',
    ])
      expect(maskPersonalData(t)).toBe(t);
  });

  it('property: a masked text never contains the e-mail or the phone that was in it', () => {
    const user = fc.stringMatching(/^[a-z][a-z0-9.]{1,10}[a-z0-9]$/);
    const phone = fc
      .tuple(fc.integer({ min: 900, max: 999 }), fc.integer({ min: 1_000_000, max: 9_999_999 }))
      .map(([a, b]) => `+7 ${a} ${b}`);
    fc.assert(
      fc.property(user, phone, fc.constantFrom('Яма. ', 'Мусор! ', ''), (u, ph, prefix) => {
        const email = `${u}@example.org`;
        const out = maskPersonalData(`${prefix}Связь: ${email}, ${ph}.`);
        expect(out).not.toContain(email);
        expect(out).not.toContain(ph);
        expect(out).toContain(MASK);
      }),
    );
  });
});
