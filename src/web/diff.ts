/**
 * Word differences between two reports of the same statement: the longest common subsequence of
 * their words, everything else marked. Reports are a sentence or two, so the quadratic table is
 * small; past MAX_TOKENS the texts are shown unmarked rather than slowly.
 */
const MAX_TOKENS = 600;

export type DiffPiece = { text: string; changed: boolean };

export function words(s: string): string[] {
  return s.match(/\s+|[\p{L}\p{M}\p{N}’']+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

const norm = (w: string) => w.toLowerCase().replace(/’/g, "'");

/** Pieces of `a` and of `b`, each marked changed when not shared with the other; whitespace never counts as a change. */
export function wordDiff(a: string, b: string): { a: DiffPiece[]; b: DiffPiece[] } {
  const x = words(a);
  const y = words(b);
  if (x.length > MAX_TOKENS || y.length > MAX_TOKENS) return { a: [{ text: a, changed: false }], b: [{ text: b, changed: false }] };
  const n = x.length;
  const m = y.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        norm(x[i]!) === norm(y[j]!) ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const keepA = new Array<boolean>(n).fill(false);
  const keepB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (norm(x[i]!) === norm(y[j]!)) {
      keepA[i++] = true;
      keepB[j++] = true;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  const pieces = (ws: string[], keep: boolean[]) => {
    const out: DiffPiece[] = [];
    ws.forEach((w, k) => {
      const changed = !keep[k] && !/^\s+$/.test(w);
      const last = out[out.length - 1];
      // whitespace between two changed words joins them into one marked run
      if (last && (last.changed === changed || (/^\s+$/.test(w) && last.changed && ws[k + 1] !== undefined && !keep[k + 1] && !/^\s+$/.test(ws[k + 1]!)))) last.text += w;
      else out.push({ text: w, changed });
    });
    return out;
  };
  return { a: pieces(x, keepA), b: pieces(y, keepB) };
}
