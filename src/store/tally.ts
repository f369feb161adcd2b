/**
 * Rows of one tally (sources, names, measures) as a batch of documents adds to them, so that each
 * key is written once per batch instead of once per claim or mention. `documents` counts each
 * document once per key. Both engines keep their tallies this way.
 */
export class Tally<T extends Record<string, unknown>> {
  readonly rows = new Map<string, T & { documents: number }>();
  private seenInDoc = new Set<string>();
  startDocument(): void {
    this.seenInDoc.clear();
  }
  add(key: string, first: () => T, update: (row: T) => void): void {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { ...first(), documents: 0 }));
    if (!this.seenInDoc.has(key)) {
      this.seenInDoc.add(key);
      row.documents++;
    }
    update(row);
  }
}
