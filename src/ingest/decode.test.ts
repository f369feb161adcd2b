import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeMarkup, decodeText, declaredCharset, looksBinary } from './decode.ts';

const page = (charset: string, body: string) => `<html><head><meta charset="${charset}"><title>t</title></head><body><p>${body}</p></body></html>`;
const decoded = (buf: Uint8Array) => {
  const r = decodeMarkup(buf);
  assert.ok('text' in r, 'error' in r ? r.error : '');
  return r;
};

test('UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM', () => {
  const s = 'Officials said 40 ships — Мэр, 서울, 🚢.';
  assert.equal(decodeText(Buffer.from(s)), s);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])), s);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])), s);
  const be = Buffer.from(s, 'utf16le').swap16();
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), s);
  assert.equal(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9])), undefined, 'latin-1 bytes are not UTF-8');
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8])), undefined, 'a lone surrogate is not UTF-16');
});

test('legacy charsets declared in <meta> are decoded: windows-1251, KOI8-R, EUC-KR, Shift_JIS, GBK, Big5', () => {
  const cases: [string, string][] = [
    ['windows-1251', 'Мэр заявил, что мост откроют весной.'],
    ['koi8-r', 'Губернатор сообщил о 300 эвакуированных.'],
    ['euc-kr', '서울시는 월요일 새 다리가 봄에 개통된다고 밝혔다.'],
    ['shift_jis', '市長は月曜日、橋は春に開通すると述べた。'],
    ['gbk', '市长周一表示，大桥将于春季通车。'],
    ['big5', '市長週一表示，大橋將於春季通車。'],
  ];
  for (const [charset, body] of cases) {
    const r = decoded(iconv.encode(page(charset, body), charset));
    assert.ok(r.text.includes(body), `${charset}: ${r.text}`);
  }
});

test('labels resolve as browsers resolve them, and the http-equiv form is read too', () => {
  assert.equal(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=x-sjis">')), 'shift_jis');
  assert.equal(declaredCharset(Buffer.from('<meta charset=ks_c_5601-1987>')), 'euc-kr');
  assert.equal(declaredCharset(Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss/>')), 'windows-1251');
  assert.equal(declaredCharset(Buffer.from('<meta charset="no-such-charset">')), undefined);
  assert.equal(declaredCharset(Buffer.from('<meta charset="utf-16">')), 'utf-8', 'an 8-bit page cannot really be UTF-16');
});

test('a BOM wins over a declaration; an undeclared non-UTF-8 page is windows-1252; a UTF-8 page that is mostly not UTF-8 is refused', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('windows-1251', 'Мэр'))]);
  assert.ok(decoded(bom).text.includes('Мэр'));
  const latin = Buffer.from('<html><body><p>Caf\xe9 owners said prices rose 5%.</p></body></html>', 'latin1');
  assert.ok(decoded(latin).text.includes('Café owners'));
  const oneStray = Buffer.concat([Buffer.from(page('utf-8', 'A long and otherwise clean paragraph of text. '.repeat(20))), Buffer.from([0xff])]);
  assert.ok('text' in decodeMarkup(oneStray), 'one stray byte is not worth losing the article');
  const mojibake = Buffer.from(page('utf-8', '\xe9\xe8\xe0\xf9'.repeat(50)), 'latin1');
  const r = decodeMarkup(mojibake);
  assert.ok('error' in r && /not UTF-8/.test(r.error));
});

test('binary files are told from text, UTF-16 included', () => {
  assert.equal(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), true);
  assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text', 'utf16le')])), false);
  assert.equal(looksBinary(Buffer.from('plain text\r\n\ttabbed')), false);
});
