/**
 * One normal form for comparing names, shared by the gazetteer, in-document linking and
 * cross-document matching: case, accents, apostrophe and hyphen styles and full stops in
 * abbreviations differ between outlets and must not decide whether two names are the same.
 */

const COMBINING = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const APOSTROPHES = /[’‘`´]/g;
const DASHES = /[‐‑‒–—]/g;

/** "Kim Jong-un" → "kim jong un"; "U.S." → "us"; "Côte d’Ivoire" → "cote d'ivoire". */
export function nameKey(name: string): string {
  // NFD is the slow step; plain ASCII has nothing to decompose
  let s = name;
  if (NON_ASCII.test(s)) s = s.normalize('NFD').replace(COMBINING, '').replace(APOSTROPHES, "'").replace(DASHES, '-');
  s = s.toLowerCase();
  // one pass: hyphens and underscores become spaces, full stops vanish, runs of space collapse
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) continue; // .
    if (c === 45 || c === 95 || c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += s[i];
  }
  return out;
}

/** The key without a leading article: "the Kremlin" and "Kremlin" name the same thing. */
export function bareKey(name: string): string {
  const k = nameKey(name);
  return k.startsWith('the ') ? k.slice(4) : k;
}
