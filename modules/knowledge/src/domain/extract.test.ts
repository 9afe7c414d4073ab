import { describe, expect, it } from 'vitest';
import {
  extractAddresses,
  extractAmounts,
  extractCadastralNumbers,
  extractDates,
  extractEmails,
  extractMetadata,
  extractOrganizations,
  extractPhones,
} from './extract.ts';

describe('metadata extraction (Russian formats)', () => {
  it('finds addresses with street, house, building and flat', () => {
    expect(
      extractAddresses(
        'Яма у дома ул. Ленина, д. 5, кв. 12. Ещё пр. Мира 10 и улица Лесная, дом 3, корп. 2.',
      ),
    ).toEqual(['ул. Ленина, д. 5, кв. 12', 'пр. Мира 10', 'улица Лесная, дом 3, корп. 2']);
    expect(extractAddresses('пер. Садовый, 4')).toEqual(['пер. Садовый, 4']);
  });

  it('finds numeric and written dates as ISO dates, skipping impossible ones', () => {
    expect(
      extractDates('Срок 05.03.2026, повторно 5 марта 2026 г., встреча 1 мая 2026 года; 31.02.2026 нет'),
    ).toEqual(['2026-03-05', '2026-05-01']);
    expect(extractDates('обращение от 12.11.25')).toEqual(['2025-11-12']);
  });

  it('finds amounts in roubles with spaces, commas and multipliers', () => {
    expect(
      extractAmounts('Смета 1 500 000 руб., аванс 12 345,67 ₽, штраф 2500 рублей, грант 2,5 млн руб.'),
    ).toEqual([1_500_000, 12_345.67, 2500, 2_500_000]);
    expect(extractAmounts('дом 5, квартира 12')).toEqual([]);
  });

  it('finds phone numbers in +7 and 8 (…) forms, normalised', () => {
    expect(extractPhones('Звоните +7 912 345-67-89 или 8 (343) 123-45-67, а также 89121112233')).toEqual([
      '+79123456789',
      '+73431234567',
      '+79121112233',
    ]);
    expect(extractPhones('кадастр 66:41:0204016:123, год 2026')).toEqual([]);
  });

  it('finds e-mails, cadastral numbers and organisations', () => {
    expect(extractEmails('Пишите Petr@Example.org или info@адм.рф')).toEqual([
      'petr@example.org',
      'info@адм.рф',
    ]);
    expect(extractCadastralNumbers('Участок 66:41:0204016:123 и 66:41:020401:7')).toEqual([
      '66:41:0204016:123',
      '66:41:020401:7',
    ]);
    expect(
      extractOrganizations('Подрядчик ООО «Дорстрой», сети АО "Водоканал", свет МУП «Горсвет».'),
    ).toEqual(['ООО «Дорстрой»', 'АО «Водоканал»', 'МУП «Горсвет»']);
  });

  it('extracts everything at once, empty lists when nothing is there', () => {
    expect(extractMetadata('Просто текст без данных')).toEqual({
      addresses: [],
      dates: [],
      amounts: [],
      phones: [],
      emails: [],
      cadastralNumbers: [],
      organizations: [],
    });
  });
});
