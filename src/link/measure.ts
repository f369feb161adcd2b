/**
 * What a figure measures, as a key that figures from different articles can share: the counted noun
 * phrase, lower-cased, with its head noun made singular ("North Korean workers" and "north korean
 * worker" meet), or the unit and rate for amounts without a counted noun ("USD per month").
 * Cross-article series grouping builds on this key.
 */
import type { Figure } from '../types.ts';

const IRREGULAR: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  personnel: 'personnel',
  staff: 'staff',
  police: 'police',
  troops: 'troop',
  series: 'series',
  species: 'species',
};

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

export function measureKey(f: Pick<Figure, 'counts' | 'unit' | 'per'>): string | undefined {
  if (f.counts) {
    const words = f.counts
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && !/^(the|a|an|of|some|these|those|their|its|his|her)$/.test(w));
    if (!words.length) return undefined;
    words[words.length - 1] = singular(words[words.length - 1]!);
    return words.join(' ');
  }
  if (f.unit) return f.per ? `${f.unit} per ${f.per}` : f.unit;
  return undefined;
}
