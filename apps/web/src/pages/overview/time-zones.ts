/**
 * The IANA zones of Russia, west to east (Kaliningrad UTC+2 … Kamchatka UTC+12): a municipality's
 * zone decides which day a registration falls on and so every 59-FZ deadline.
 */
export const RUSSIAN_TIME_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Kirov',
  'Europe/Volgograd',
  'Europe/Astrakhan',
  'Europe/Saratov',
  'Europe/Ulyanovsk',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Barnaul',
  'Asia/Tomsk',
  'Asia/Novokuznetsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Chita',
  'Asia/Yakutsk',
  'Asia/Khandyga',
  'Asia/Vladivostok',
  'Asia/Ust-Nera',
  'Asia/Magadan',
  'Asia/Sakhalin',
  'Asia/Srednekolymsk',
  'Asia/Kamchatka',
  'Asia/Anadyr',
] as const;

/** The zones to offer: Russia's, then the current one when it is another (so it stays selectable). */
export function timeZoneChoices(current: string): string[] {
  const zones: string[] = [...RUSSIAN_TIME_ZONES];
  return zones.includes(current) ? zones : [...zones, current];
}

/** `Europe/Moscow (UTC+3)`: the name with its offset now; the bare name if the browser lacks the zone. */
export function timeZoneLabel(zone: string, now: Date = new Date()): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${zone} (${offset.replace('GMT', 'UTC')})` : zone;
  } catch {
    return zone;
  }
}
