/**
 * A corpus for the worker tests, where linking has something to decide: a few running stories, each
 * reported by several invented outlets over months (the same bodies and people named again and again,
 * the same measure counted by different sources, one statement repeated by several outlets, a wire
 * story copied under another masthead), mixed with real Wikinews articles when ../shared is there.
 * Every sentence is written here; nothing is taken from the seed article.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hasShared, sharedPath } from '../src/eval/shared.ts';

type Story = { place: string; body: string; speaker: string; union: string; measure: string; verb: string; base: number };

const STORIES: Story[] = [
  { place: 'Port Halden', body: 'Halden Harbour Authority', speaker: 'Mira Castellanos', union: 'Dockers Union', measure: 'dock workers', verb: 'were employed', base: 4000 },
  { place: 'Varna', body: 'Varna Water Board', speaker: 'Tomas Reinholt', union: 'Residents Association', measure: 'households', verb: 'were without running water', base: 1800 },
  { place: 'Kestrel County', body: 'Kestrel County Council', speaker: 'Amara Okafor', union: 'Teachers Federation', measure: 'teachers', verb: 'were on strike', base: 650 },
];

const OUTLETS = ['Coastal Times', 'Morning Ledger', 'Evening Gazette', 'Valley Wire', 'Northern Post'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export type CorpusRecord = { text: string; published: string; outlet: string; title: string };

export function workerCorpus(opts: { news?: number } = {}): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  STORIES.forEach((s, k) => {
    for (let month = 1; month <= 6; month++) {
      const published = `2024-${String(month).padStart(2, '0')}-${String(10 + k).padStart(2, '0')}`;
      const n = s.base + month * 50 * (k + 1);
      const weekday = WEEKDAYS[(month + k) % WEEKDAYS.length]!;
      const outlet = OUTLETS[(month + k) % OUTLETS.length]!;
      const text = [
        `The ${s.body} said on ${weekday} that ${n.toLocaleString('en-US')} ${s.measure} ${s.verb} in ${s.place}.`,
        `${s.speaker}, who speaks for the ${s.body}, told reporters the number had changed since the winter.`,
        `The ${s.union} disputed the count and said about ${(n + 700 + 100 * month).toLocaleString('en-US')} ${s.measure} ${s.verb} there.`,
        `Officials in ${s.place} are expected to publish a full report in the autumn.`,
      ].join('\n\n');
      out.push({ text, published, outlet, title: `${s.place}: ${s.measure}, month ${month}` });
      // the same statement, worded another way by a second outlet the next day
      if (month % 2 === 0) {
        const again = [
          `${n.toLocaleString('en-US')} ${s.measure} ${s.verb} in ${s.place}, the ${s.body} said on ${weekday}.`,
          `According to ${s.speaker}, the figure will be checked again next month.`,
        ].join('\n\n');
        const next = `2024-${String(month).padStart(2, '0')}-${String(11 + k).padStart(2, '0')}`;
        out.push({ text: again, published: next, outlet: OUTLETS[(month + k + 2) % OUTLETS.length]!, title: `${s.place} figures repeated` });
      }
    }
  });
  // a wire story and its copy under another masthead, crediting the wire
  const wire =
    'Rescue teams reached the flooded valley villages on Thursday after roads reopened, the regional emergency office said. ' +
    'About 1,200 residents spent the night in school halls and a sports centre, while volunteers handed out blankets and hot meals. ' +
    'Engineers are checking two bridges that were closed when the river rose faster than forecasts had suggested. ' +
    'The office said that power had returned to most homes, but that drinking water would have to be boiled for several more days.';
  out.push({ text: wire, published: '2024-02-09', outlet: 'Valley Wire', title: 'Rescuers reach flooded villages' });
  out.push({ text: `VALLEY (Valley Wire) — ${wire}`, published: '2024-02-10', outlet: 'Hill Courier', title: 'Flood update' });
  if (opts.news && hasShared('data', 'news', 'gum-wikinews.jsonl')) {
    const lines = readFileSync(sharedPath('data', 'news', 'gum-wikinews.jsonl'), 'utf8').trim().split('\n').slice(0, opts.news);
    lines.forEach((line, i) => {
      const r = JSON.parse(line) as { text: string; dateCreated?: string };
      out.push({ text: r.text, published: r.dateCreated ?? '2015-01-01', outlet: OUTLETS[i % OUTLETS.length]!, title: `Wikinews ${i + 1}` });
    });
  }
  return out;
}

/** The corpus as JSON Lines, the form `triangulate enqueue` and `ingest` read. */
export function writeCorpus(path: string, records: CorpusRecord[]): void {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
