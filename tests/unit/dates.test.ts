import { describe, expect, it } from 'vitest';
import { displayTime, formatDate, lastModified, monthName, parseArticleDate, patternProblems, toZonedIso } from '../../src/lib/dates.ts';

const PARIS = 'Europe/Paris';

describe('parseArticleDate', () => {
  it.each([
    ['2024-10-25T19:13:00', '2024-10-25T17:13:00.000Z', true, 'a summer wall-clock time in Paris is UTC+2'],
    ['2024-12-02T09:30', '2024-12-02T08:30:00.000Z', true, 'a winter wall-clock time in Paris is UTC+1'],
    ['2024-10-25', '2024-10-24T22:00:00.000Z', false, 'a bare date is midnight in the site zone'],
    ['2024-10-25T19:13:00Z', '2024-10-25T19:13:00.000Z', true, 'an explicit Z wins over the site zone'],
    ['2024-10-25T19:13:00+09:00', '2024-10-25T10:13:00.000Z', true, 'an explicit offset wins over the site zone'],
    ['2024-10-25 19:13', '2024-10-25T17:13:00.000Z', true, 'a space may separate date and time'],
    ['2024-10-27T02:30:00', '2024-10-27T00:30:00.000Z', true, 'an ambiguous time at the autumn change takes the first'],
    ['2024-03-31T02:30:00', '2024-03-31T01:30:00.000Z', true, 'a time skipped in spring moves forward by the gap'],
  ])('should read %s as %s (%s)', (input, iso, hasTime) => {
    expect(parseArticleDate(input, PARIS)).toEqual({ iso, hasTime });
  });

  it.each([
    '25/10/2024 19h13',
    '2024-10-25T10:00:00+99:99',
    '2024-10-25T10:00:00+15:00',
    '2024-02-30',
    '2024-13-01',
    '2024-10-25T24:00',
    'yesterday',
    '2024-1-5',
    '',
  ])('should reject %j', (input) => {
    expect(parseArticleDate(input, PARIS)).toBeUndefined();
  });

  it('should not depend on the build machine time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(parseArticleDate('2024-10-25T19:13:00', PARIS)?.iso).toBe('2024-10-25T17:13:00.000Z');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('formatDate', () => {
  it('should write the reference outlet format in Paris time', () => {
    expect(formatDate('2024-10-25T17:13:00.000Z', "dd/MM/yyyy HH'h'mm", PARIS, 'fr-FR')).toBe('25/10/2024 19h13');
  });

  it('should use the configured zone, not UTC', () => {
    expect(formatDate('2024-12-31T23:30:00.000Z', "dd/MM/yyyy HH'h'mm", PARIS, 'en-GB')).toBe('01/01/2025 00h30');
    expect(formatDate('2024-12-31T23:30:00.000Z', "dd/MM/yyyy HH'h'mm", 'America/New_York', 'en-GB')).toBe('31/12/2024 18h30');
  });

  it('should write month names in the locale', () => {
    expect(formatDate('2024-10-25T17:13:00.000Z', 'd MMMM yyyy', PARIS, 'fr-FR')).toBe('25 octobre 2024');
    expect(formatDate('2024-10-25T17:13:00.000Z', 'd MMMM yyyy, HH:mm', PARIS, 'en-GB')).toBe('25 October 2024, 19:13');
  });

  it("should write real outlets' forms: weekdays, 12-hour clocks, AP style, short names, quoted words", () => {
    const evening = '2024-10-25T23:13:00.000Z'; // 19:13 in New York
    const NEW_YORK = 'America/New_York';
    // Associated Press: "Oct. 25, 2024, 7:13 p.m."; months of five letters or fewer are spelled out.
    expect(formatDate(evening, 'Mmm d, yyyy, h:mm aaa', NEW_YORK, 'en-US')).toBe('Oct. 25, 2024, 7:13 p.m.');
    expect(formatDate('2024-09-03T13:05:00.000Z', 'Mmm d, yyyy', NEW_YORK, 'en-US')).toBe('Sept. 3, 2024');
    expect(formatDate('2024-03-03T13:05:00.000Z', 'Mmm d', NEW_YORK, 'en-US')).toBe('March 3');
    // A US daily: "Friday, October 25, 2024 at 7:13 PM".
    expect(formatDate(evening, "EEEE, MMMM d, yyyy 'at' h:mm a", NEW_YORK, 'en-US')).toBe('Friday, October 25, 2024 at 7:13 PM');
    // A British paper: "Fri 25 Oct 2024 19.13 BST"-style, with the zone written as text.
    expect(formatDate('2024-10-25T18:13:00.000Z', "EEE d MMM yyyy HH.mm 'BST'", 'Europe/London', 'en-GB')).toBe(
      'Fri 25 Oct 2024 19.13 BST',
    );
    // French: weekday and month from the locale, a quote written as two.
    expect(formatDate('2024-10-25T17:13:00.000Z', "EEEE d MMMM yyyy 'à' H'h'mm", PARIS, 'fr-FR')).toBe('vendredi 25 octobre 2024 à 19h13');
    expect(formatDate('2024-10-25T17:13:00.000Z', "'l''édition du' d/M/yy", PARIS, 'fr-FR')).toBe("l'édition du 25/10/24");
    // Midnight and noon on a 12-hour clock.
    expect(formatDate('2024-10-25T04:00:00.000Z', 'h:mm aaa', NEW_YORK, 'en-US')).toBe('12:00 a.m.');
    expect(formatDate('2024-10-25T16:00:00.000Z', 'hh:mm aaa', NEW_YORK, 'en-US')).toBe('12:00 p.m.');
  });
});

describe('patternProblems', () => {
  it('should accept the tokens, quoted words and punctuation', () => {
    expect(patternProblems("dd/MM/yyyy HH'h'mm")).toEqual([]);
    expect(patternProblems("EEEE, MMMM d, yyyy 'at' h:mm a")).toEqual([]);
  });

  it('should refuse letters that are no token, and a 24-hour pattern read with a 12-hour h', () => {
    expect(patternProblems('d MMMM yyyy at HH:mm')).toEqual([
      `"t" is no date token: put words and letters in single quotes (HH'h'mm, 'at')`,
    ]);
    // The former way of writing the reference format: its h is now the 12-hour hour.
    expect(patternProblems('dd/MM/yyyy HHhmm')).toEqual([
      "mixes a 24-hour HH with a 12-hour h: a letter h written as text goes in quotes (HH'h'mm)",
    ]);
  });
});

describe('toZonedIso', () => {
  it('should carry the zone offset for <time datetime>', () => {
    expect(toZonedIso('2024-10-25T17:13:00.000Z', PARIS)).toBe('2024-10-25T19:13:00+02:00');
    expect(toZonedIso('2024-12-02T08:30:00.000Z', PARIS)).toBe('2024-12-02T09:30:00+01:00');
    expect(toZonedIso('2024-12-02T08:30:00.000Z', 'America/St_Johns')).toBe('2024-12-02T05:00:00-03:30');
  });
});

describe('displayTime', () => {
  const site = { dateTimePattern: "dd/MM/yyyy HH'h'mm", datePattern: 'dd/MM/yyyy', timeZone: PARIS, locale: 'fr-FR' };

  it('should show date and time when the article gave a time', () => {
    expect(displayTime({ iso: '2024-10-25T17:13:00.000Z', hasTime: true }, site)).toEqual({
      datetime: '2024-10-25T19:13:00+02:00',
      text: '25/10/2024 19h13',
    });
  });

  it('should show the date alone when the article gave none', () => {
    expect(displayTime({ iso: '2024-10-24T22:00:00.000Z', hasTime: false }, site).text).toBe('25/10/2024');
  });

  it('should write each date once per settings, and each settings in its own way', () => {
    const date = { iso: '2024-10-25T17:13:00.000Z', hasTime: true };
    expect(displayTime(date, site)).toBe(displayTime({ ...date }, site));
    const english = { ...site, dateTimePattern: 'd MMMM yyyy, HH:mm', locale: 'en-GB' };
    expect(displayTime(date, english).text).toBe('25 October 2024, 19:13');
    expect(displayTime(date, site).text).toBe('25/10/2024 19h13');
    expect(displayTime({ ...date, hasTime: false }, site).text).toBe('25/10/2024');
  });
});

describe('lastModified', () => {
  const at = (iso: string) => ({ iso, hasTime: true });
  it('should be the latest of date, updated and corrections', () => {
    expect(lastModified({ date: at('2024-10-25T00:00:00.000Z') })).toEqual(at('2024-10-25T00:00:00.000Z'));
    expect(lastModified({ date: at('2024-10-25T00:00:00.000Z'), updated: at('2024-10-26T00:00:00.000Z') })).toEqual(
      at('2024-10-26T00:00:00.000Z'),
    );
    expect(
      lastModified({
        date: at('2024-10-25T00:00:00.000Z'),
        updated: at('2024-10-26T00:00:00.000Z'),
        corrections: [{ date: at('2024-10-28T00:00:00.000Z') }],
      }),
    ).toEqual(at('2024-10-28T00:00:00.000Z'));
  });
});

describe('monthName', () => {
  it('should name an archive month in the site language, whatever the machine time zone', () => {
    expect(monthName(2024, 10, 'en-GB')).toBe('October 2024');
    expect(monthName(2024, 1, 'fr-FR')).toBe('janvier 2024');
    expect(monthName(2024, 12, 'en-US')).toBe('December 2024');
  });
});
