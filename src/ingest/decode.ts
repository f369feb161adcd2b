/**
 * Bytes to text. A byte-order mark decides first (as browsers do), then the charset a page or feed
 * declares, then UTF-8. Legacy charsets go through the WHATWG decoders built into Node (full ICU),
 * so labels resolve the way browsers resolve them ("x-sjis" is Shift_JIS, "ks_c_5601-1987" is
 * EUC-KR); iconv-lite covers labels or builds that TextDecoder does not.
 */
import iconv from 'iconv-lite';

/** A heuristic good enough to refuse images, archives and executables before decoding them as text. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a BOM has many NULs but is text
  if (bomOf(buf)?.startsWith('utf-16')) return false;
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) suspicious++;
  }
  return suspicious / n > 0.1;
}

function bomOf(buf: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

const BOM_LENGTH = { 'utf-8': 3, 'utf-16le': 2, 'utf-16be': 2 } as const;

function strict(encoding: string, buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Decode bytes as text: UTF-8 (BOM or not) or UTF-16 with a BOM; undefined when it is not valid text. */
export function decodeText(buf: Uint8Array): string | undefined {
  const bom = bomOf(buf);
  if (bom) return strict(bom, buf.subarray(BOM_LENGTH[bom]));
  return strict('utf-8', buf);
}

/**
 * The canonical name of a charset label, or undefined when neither decoder knows it.
 * Labels that mean "the same as the bytes' own BOM or UTF-8" (utf-16 declared inside an 8-bit
 * page cannot be true: the declaration itself was readable as ASCII) become utf-8, as in the HTML spec.
 */
export function charsetName(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (!l) return undefined;
  try {
    const enc = new TextDecoder(l).encoding;
    return enc.startsWith('utf-16') ? 'utf-8' : enc;
  } catch {
    return iconv.encodingExists(l) ? l : undefined;
  }
}

/** Legacy decoders map every byte to something, so a wrong label gives mojibake, never an error. */
function decodeLegacy(encoding: string, buf: Uint8Array): string {
  try {
    return new TextDecoder(encoding).decode(buf);
  } catch {
    return iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding);
  }
}

// "charset=" inside <meta charset> or <meta http-equiv content="...; charset=...">, and the XML declaration
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/;

/** The charset declared in the first bytes of an HTML page or XML feed, if any (the HTML spec's prescan, simplified). */
export function declaredCharset(buf: Uint8Array): string | undefined {
  // latin1 keeps every byte as one char, so ASCII markup reads the same in any ASCII-compatible charset
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 8192)).toString('latin1');
  const m = XML_ENCODING.exec(head) ?? META_CHARSET.exec(head);
  return m ? charsetName(m[1]!) : undefined;
}

export type Decoded = { text: string; encoding: string } | { error: string };

/**
 * Decode a web page or feed. A few bad bytes in a page that says it is UTF-8 become U+FFFD (browsers
 * do the same, and rejecting a whole article for one stray byte would lose it); a page that is mostly
 * not UTF-8 is refused rather than stored as mojibake. A page that declares nothing and is not UTF-8
 * is read as windows-1252, the web's default for English.
 */
export function decodeMarkup(buf: Uint8Array): Decoded {
  const bom = bomOf(buf);
  if (bom) {
    const text = strict(bom, buf.subarray(BOM_LENGTH[bom]));
    return text === undefined ? { error: `not valid ${bom.toUpperCase()} after its byte-order mark` } : { text, encoding: bom };
  }
  const declared = declaredCharset(buf);
  if (declared && declared !== 'utf-8') return { text: decodeLegacy(declared, buf), encoding: declared };
  const utf8 = strict('utf-8', buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (!declared) return { text: decodeLegacy('windows-1252', buf), encoding: 'windows-1252' };
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  let bad = 0;
  for (let i = lenient.indexOf('\uFFFD'); i >= 0; i = lenient.indexOf('\uFFFD', i + 1)) bad++;
  if (bad > 2 + lenient.length / 1000) return { error: `declared UTF-8 but ${bad} byte sequences are not UTF-8` };
  return { text: lenient, encoding: 'utf-8' };
}
