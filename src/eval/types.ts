/** Scores shared by every evaluation: one row per task, gold set and matching rule. */
export type Score = {
  task: string;
  set: string;
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  note?: string;
};

export type EvalSection = {
  name: string;
  /** Set when the gold data is not available; says why. */
  skipped?: string;
  scores: Score[];
  /** Anything else worth reporting (accuracies, counts, per-item misses). */
  extra?: Record<string, unknown>;
};

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function score(task: string, set: string, rule: string, tp: number, fp: number, fn: number, note?: string): Score {
  return { task, set, rule, tp, fp, fn, ...prf(tp, fp, fn), ...(note ? { note } : {}) };
}
