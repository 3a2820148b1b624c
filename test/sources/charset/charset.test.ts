import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, detectCharset, normalizeCharset } from '../../../sources/charset.js';
import { parseRetryAfter } from '../../../sources/http/index.js';

const enc = (s: string, cs: string) => iconv.encode(s, cs);

describe('detectCharset / decodeBody', () => {
  it('prefers a byte-order mark over a contradicting header, as browsers do', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>ação</p>', 'utf8')]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toEqual({ text: '<p>ação</p>', charset: 'utf-8', source: 'bom' });
  });

  it('decodes UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>niño</p>', 'utf16le')]);
    expect(decodeBody(bytes).text).toBe('<p>niño</p>');
  });

  it('uses the header charset, mapping ISO-8859-1 to windows-1252', () => {
    const bytes = enc('“trata” — señal', 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset="ISO-8859-1"')).toEqual({ text: '“trata” — señal', charset: 'windows-1252', source: 'header' });
  });

  it('reads <meta charset>, <meta http-equiv> and the XML declaration', () => {
    expect(detectCharset(enc('<html><head><meta charset="latin1"><title>é</title>', 'latin1')).charset).toBe('windows-1252');
    expect(detectCharset(enc('<meta http-equiv="content-type" content="text/html; charset=koi8-r">', 'koi8-r')).charset).toBe('koi8-r');
    expect(detectCharset(enc('<?xml version="1.0" encoding="ISO-8859-15"?><rss/>', 'iso-8859-15'))).toMatchObject({ charset: 'iso-8859-15', source: 'xml' });
  });

  it('reads a page that declares UTF-16 in ASCII bytes as UTF-8', () => {
    expect(detectCharset(Buffer.from('<meta charset="utf-16"><p>ok</p>')).charset).toBe('utf-8');
  });

  it('falls back to UTF-8 when the bytes are valid UTF-8, else windows-1252', () => {
    expect(decodeBody(Buffer.from('São Paulo', 'utf8'))).toMatchObject({ text: 'São Paulo', source: 'utf8-valid' });
    expect(decodeBody(enc('São Paulo – “x”', 'windows-1252'))).toMatchObject({ text: 'São Paulo – “x”', charset: 'windows-1252', source: 'default' });
  });

  it('ignores an unknown header charset and keeps looking', () => {
    expect(detectCharset(Buffer.from('<meta charset="utf-8">'), 'text/html; charset=x-made-up')).toMatchObject({ charset: 'utf-8', source: 'meta' });
  });

  it('normalises labels', () => {
    expect(normalizeCharset('UTF8')).toBe('utf-8');
    expect(normalizeCharset('us-ascii')).toBe('windows-1252');
    expect(normalizeCharset('nonsense')).toBeNull();
    expect(charsetFromContentType('text/html;charset=Shift_JIS')).toBe('Shift_JIS');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Sat, 28 Nov 2026 12:01:30 GMT', 90_000],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['9999999', 24 * 3_600_000],
    ['soon', null],
    ['', null],
  ])('reads %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
