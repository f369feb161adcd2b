/**
 * What the grammar understood about a time expression, before it is placed on the calendar.
 * Recognition and resolution are kept apart so that the same reading ("Tuesday", "in April")
 * can be resolved against a publication date, against another date in the text, or left as a
 * TIMEX3 placeholder when there is nothing to resolve against.
 */
import type { TimeType } from '../../types.ts';
import type { Season } from './lexicon.ts';

/** Which occurrence of a recurring name ("Tuesday", "April", "winter") the text points at. */
export type Direction = 'last' | 'next' | 'this';

export type YearRef = { abs: number } | { rel: number };

export type Clock = { h: number; min: number; zone?: string };

/** A calendar position given by names and numbers, possibly incomplete. */
export type CalendarSem = {
  k: 'cal';
  y?: YearRef;
  m?: number;
  d?: number;
  /** ISO weekday, 1 = Monday. */
  wd?: number;
  season?: Season;
  quarter?: number;
  half?: number;
  holiday?: string;
  /** Decade as TIMEX3 writes it: 199 for the 1990s. */
  decade?: number;
  /** Century as TIMEX3 writes it: 19 for the 1900s. */
  century?: number;
  fiscal?: boolean;
  /** The weekend of a week (TIMEX3 YYYY-Www-WE). */
  weekend?: boolean;
  dir?: Direction;
  /** TIMEX3 part of day: MO, AF, EV, NI. */
  tod?: string;
  clock?: Clock;
};

export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/** So many units from the publication date: "yesterday" is day -1, "next month" month +1. */
export type ShiftSem = { k: 'shift'; unit: ShiftUnit; n: number; tod?: string };

/** "two years ago": a date reached by going back a duration from the publication date. */
export type AgoSem = { k: 'ago'; unit: string; n: number };

/** A day given relative to the day the text last talked about: "the next day", "ended the day". */
export type RefDaySem = { k: 'ref'; n: number; tod?: string };

/** A value that needs no anchor: durations, sets, PRESENT_REF, explicit years and dates. */
export type FixedSem = { k: 'fixed'; value: string; type: TimeType };

export type Sem = CalendarSem | ShiftSem | AgoSem | RefDaySem | FixedSem;

/** A recognised expression over tokens [from, to) of one run. */
export type Match = { from: number; to: number; sem: Sem; mod?: string };
