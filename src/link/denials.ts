/**
 * A statement that denies a report: "Moscow dismissed the report", "the claims were 'another piece of
 * disinformation'", "the intelligence service's claims were 'not supported by any facts'". The
 * denial must say what it denies (a report, claims, an estimate, allegations…); what it denies is
 * the article's lead claim by another source, or, when the denial names whose claims they are, the
 * first claim of a source of that kind. Denials of a position rather than of a report ("Moscow
 * denies breaking sanctions") are left alone: the text does not say which claim they answer.
 */
import type { Claim, Entity } from '../types.ts';
import { describedKind, sourceIdentity } from './source.ts';

const DENY_CUE = /^(?:rejected|rejects|reject|dismissed|dismisses|dismiss|denied|denies|deny|disputed|disputes|dispute|refuted|refutes|rebuffed|contradicted|contested|contests)\b/i;
const DENY_WORDS = /\b(?:disinformation|misinformation|fabricat\w*|fake|false|untrue|lies|baseless|unfounded|groundless|not supported by (?:any )?facts?|no basis|without (?:any )?basis|propaganda|slander\w*|smear)\b/i;
const REPORT_NOUN = /\b(?:(the|its|their|these|those|such|this|that)|([\p{L}’' ]{2,60}?)[’']s?)\s+(?:report|reports|claim|claims|estimate|estimates|figure|figures|allegation|allegations|accusation|accusations|assertion|assertions|story|account|findings)\b/iu;

export type Denial = { denial: Claim; target: Claim; why: string };

/** Denials in one article and the claims they deny. */
export function denialsOf(claims: Claim[], entities: Map<string, Entity>, published?: string): Denial[] {
  const out: Denial[] = [];
  const label = (c: Claim) => sourceIdentity(c, entities)?.label.toLowerCase() ?? c.source?.text.toLowerCase() ?? '';
  claims.forEach((d, i) => {
    if (!d.source || d.kind === 'omission' || d.polarity === 'negated') return;
    const content = d.content.map((s) => s.text).join(' ');
    const cue = d.cue?.text ?? '';
    const byCue = DENY_CUE.test(cue);
    const byWords = DENY_WORDS.test(content);
    const ref = REPORT_NOUN.exec(content);
    if (!(byCue || byWords) || !ref) return;
    const earlier = claims.slice(0, i).filter((c) => c.source && c.kind !== 'omission' && label(c) !== label(d));
    // the claim a fresh denial answers: by a source of the kind it names ("the intelligence service's
    // claims"), said about when the denial was, and early in the article (where the report is told)
    const kind = ref[2] ? describedKind(ref[2].toLowerCase()) : undefined;
    const when = (c: Claim) => c.said ?? published;
    const near = (c: Claim) => {
      const a = Date.parse((when(c) ?? '').slice(0, 10).padEnd(10, '-01').replace(/-$/, ''));
      const b = Date.parse((when(d) ?? '').slice(0, 10).padEnd(10, '-01').replace(/-$/, ''));
      return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 31 * 864e5;
    };
    const head = ref[2]?.trim().toLowerCase().split(/\s+/).pop();
    const named = (c: Claim) => {
      const src = c.source!.text.toLowerCase();
      return (!!kind && describedKind(src) === kind) || (!!head && head.length > 2 && !/^(the|its|their)$/.test(head) && src.includes(head));
    };
    const score = (c: Claim, k: number) => (named(c) ? 2 : 0) + (near(c) ? 2 : 0) + (k === 0 ? 1 : 0);
    const target = earlier.map((c, k) => ({ c, s: score(c, k) })).sort((a, b) => b.s - a.s)[0]?.c;
    if (!target) return;
    const what = byCue ? `${d.source.text.trim()} ${cue} ${content}` : `${d.source.text.trim()}: ${content}`;
    out.push({ denial: d, target, why: `${what.replace(/\s+/g, ' ').slice(0, 160)} — against “${target.content.map((s) => s.text).join(' ').slice(0, 100)}”` });
  });
  return out;
}
