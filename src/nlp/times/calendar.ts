/**
 * Calendar arithmetic on plain integers (proleptic Gregorian, no time zones), so that resolving a
 * time expression never depends on the machine's clock or locale. Days are counted from 1970-01-01.
 */

export type YMD = { y: number; m: number; d: number };

/** Day number of a civil date (Howard Hinnant's algorithm): exact for any year, no Date objects. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  return dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayNumber(y, m, 1);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week of a day number. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - weekday(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function parseIsoDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  return isValidDate(y, mo, d) ? dayNumber(y, mo, d) : undefined;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
export const pad4 = (n: number) => String(n).padStart(4, '0');

export function formatDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad4(year)}-W${pad2(week)}`;
}

export { pad2 };

/** Month index counted from year 0, so that month arithmetic is plain addition. */
export const monthIndex = (y: number, m: number) => y * 12 + (m - 1);
export const fromMonthIndex = (i: number) => ({ y: Math.floor(i / 12), m: (((i % 12) + 12) % 12) + 1 });

/** Easter Sunday (anonymous Gregorian algorithm); Good Friday and Easter Monday hang off it. */
export function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, nth: number): number {
  if (nth > 0) {
    const first = dayNumber(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (nth - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  return last - ((weekday(last) - wd + 7) % 7);
}
