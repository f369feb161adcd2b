/**
 * When a claim was made (Claim.said), from the time expressions the times stage resolved.
 *
 * A date belongs to the act of saying when news writing attaches it to the cue, not to the content:
 *   right after the cue or inside it           "said on Tuesday", "said Tuesday", "said in April"
 *   in the channel after the content           "did not mention X in a Wednesday report"
 *   fronting the clause of the source          "On Wednesday, the ministry said ..."
 *   between the source and the cue             "The ministry on Tuesday said ..."
 *   before ", when" that opens the clause      "last year, when officials said ..."
 * Otherwise a claim inherits a date only where the text carries it over: a participle shares its
 * main clause's (", saying ..."), a sentence opened by "Afterwards" or "Later" follows the dated
 * sentence before it, an occasion dated in the sentence or the one before ("a closed briefing on
 * Wednesday", "in a Tuesday interview") dates what is said after it, and the same speaker going on in
 * the very next sentence keeps the date.
 */
import type { Claim, TimeExpr } from '../../types.ts';
import type { StageContext } from '../context.ts';
import type { Attribution } from './attribution.ts';
import type { Speakers } from './resolve.ts';

const SEQUENCE_OPENERS = /^(afterwards|afterward|later|then|subsequently|after that|after the meeting|after the talks)\b/i;
/** How far a date may stand after the cue and still be the cue's: "said in a statement on Tuesday". */
const AFTER_CUE_CHARS = 40;

export function dateClaims(ctx: StageContext, attributions: Attribution[], claims: Claim[], times: TimeExpr[], speakers: Speakers): void {
  const { seg } = ctx;
  const text = seg.text;
  // only calendar values: "now believes" (PRESENT_REF) says nothing the publication date does not
  const dates = times.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}/.test(t.value)).sort((a, b) => a.start - b.start);
  if (!dates.length) return;

  const inContent = (c: Claim, t: TimeExpr) => c.content.some((s) => t.start >= s.start && t.end <= s.end);

  claims.forEach((c, i) => {
    const a = attributions[i]!;
    if (!c.cue) return;
    const sentence = seg.sentences[a.sentence]!;
    const inSentence = dates.filter((t) => t.start >= sentence.start && t.end <= sentence.end && !inContent(c, t));
    const cue = c.cue;
    const src = c.source;
    let found: TimeExpr | undefined;

    // inside or right after the cue, with nothing but an adjunct between
    found = inSentence.find((t) => t.start >= cue.start && t.start - cue.end <= AFTER_CUE_CHARS && !/[,;.“”"]/.test(text.slice(cue.end, t.start)));
    // in the channel after the content: "in a Wednesday report"
    if (!found) {
      const contentEnd = Math.max(...c.content.map((s) => s.end));
      found = inSentence.find((t) => t.start >= contentEnd && t.start >= cue.end && /^\s*(in|on|during)\s+(a|an|the|its|his|her|their)\s+$/i.test(text.slice(contentEnd, t.start)));
    }
    // between source and cue, in the same clause: "The ministry on Tuesday said"
    if (!found && src && src.end <= cue.start) {
      found = inSentence.find((t) => t.start >= src.end && t.end <= cue.start && !/[,;]/.test(text.slice(t.end, cue.start)));
    }
    // fronting the clause: "On Wednesday, X said" / "last year, when X said"
    if (!found) {
      const lead = Math.min(cue.start, src ? src.start : cue.start);
      const clauseStart = clauseStartBefore(text, sentence.start, lead);
      found = inSentence.find((t) => t.start >= clauseStart && t.end <= lead && /^[\s,]*$/.test(text.slice(t.end, lead).replace(/^\s*,\s*(when|as|after)\s*/i, '')));
      if (!found) {
        // "... since last year, when South Korean officials said"
        found = inSentence.find((t) => t.end <= lead && new RegExp(`^\\s*,\\s*when\\s*$`, 'i').test(text.slice(t.end, lead)));
      }
    }
    if (found) c.said = found.value;
  });

  // inheritance, in document order so that chains carry (c06 from c05, c07 from c06)
  claims.forEach((c, i) => {
    if (c.said || !c.cue) return;
    const a = attributions[i]!;
    const sentence = seg.sentences[a.sentence]!;
    // ", saying ...": the main clause's date
    if (a.shape === 'participle') {
      for (let j = i - 1; j >= 0 && attributions[j]!.sentence === a.sentence; j--) {
        if (claims[j]!.said) {
          c.said = claims[j]!.said;
          return;
        }
      }
    }
    // "Afterwards, he told reporters": the date of the sentence before
    if (SEQUENCE_OPENERS.test(text.slice(sentence.start, sentence.start + 24)) && a.sentence > 0) {
      const prev = seg.sentences[a.sentence - 1]!;
      if (prev.paragraph >= sentence.paragraph - 1) {
        const d = dates.filter((t) => t.start >= prev.start && t.end <= prev.end).pop();
        if (d) {
          c.said = d.value;
          return;
        }
      }
    }
    // "... told a closed briefing on Wednesday. Lee said ...": an occasion dated in this sentence or
    // the one before (same paragraph, or the end of the one before) is when what follows was said
    if (a.sentence >= 0) {
      for (const s of [a.sentence, a.sentence - 1]) {
        const sent = seg.sentences[s];
        if (!sent || sent.paragraph < sentence.paragraph - 1) continue;
        const d = dates.find((t) => t.start >= sent.start && t.end <= sent.end && !inContent(c, t) && !claims.some((o, k) => k !== i && inContent(o, t)) && occasionDated(text, t, sent.start));
        if (d) {
          c.said = d.value;
          return;
        }
      }
    }
    // the same speaker going on in the next sentence of the paragraph
    const key = speakers.keys[i];
    if (!key) return;
    for (let j = i - 1; j >= 0; j--) {
      const pa = attributions[j]!;
      if (pa.sentence < a.sentence - 1) break;
      if (pa.sentence === a.sentence) continue;
      if (seg.sentences[pa.sentence]!.paragraph !== sentence.paragraph) break;
      if (speakers.keys[j] === key && claims[j]!.said) c.said = claims[j]!.said;
      break;
    }
  });
}

const OCCASION = String.raw`(?:briefing|session|hearing|press conference|news conference|press briefing|meeting with (?:reporters|journalists|lawmakers)|interview)`;
const OCCASION_BEFORE = new RegExp(String.raw`\b${OCCASION}\s+(?:(?:on|in|at|held on|late on|early on)\s+)?$`, 'i');
const OCCASION_AFTER = new RegExp(String.raw`^\s+(?:(?:closed|closed-door|private|televised|regular|weekly)\s+)?${OCCASION}\b`, 'i');

/** "a briefing on Wednesday", "in a Wednesday briefing": a date that says when an occasion of speaking was. */
function occasionDated(text: string, t: TimeExpr, sentenceStart: number): boolean {
  // an occasion still to come ("will hold a briefing on Friday") has not happened yet
  if (/\b(?:will|would|plans? to|is to|are to|to hold|scheduled)\b/i.test(text.slice(sentenceStart, t.start))) return false;
  return OCCASION_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)) || OCCASION_AFTER.test(text.slice(t.end, t.end + 40));
}

/** Start of the clause that ends at `at`: after the last ", as" / ", when" / ";" before it, else the sentence start. */
function clauseStartBefore(text: string, sentenceStart: number, at: number): number {
  const span = text.slice(sentenceStart, at);
  let best = 0;
  const re = /(,\s*(as|while|but|and|although|though|whereas)\s)|;/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(span))) best = m.index + m[0].length;
  return sentenceStart + best;
}
