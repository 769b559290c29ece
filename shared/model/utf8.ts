// Strict UTF-8 (RFC 3629, the WHATWG decoder with `fatal: true`): a byte sequence that is not
// UTF-8 is refused, never turned into U+FFFD, so a file's bytes and the document read from them
// always agree. Written here because shared/ has no TextDecoder (no DOM, no Node); the tests
// compare it with the platform's decoder on arbitrary bytes.

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number };

const CHUNK = 8192;

/** Decodes `bytes`; a byte order mark is kept (callers decide what it means). */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const n = bytes.length;
  const parts: string[] = [];
  const units = new Uint16Array(CHUNK + 2);
  let u = 0;
  let i = 0;
  const flush = () => {
    parts.push(String.fromCharCode(...units.subarray(0, u)));
    u = 0;
  };
  while (i < n) {
    if (u >= CHUNK) flush();
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      units[u++] = b0;
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    let cp: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      if (b0 === 0xe0) lower = 0xa0; // overlong
      if (b0 === 0xed) upper = 0x9f; // surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      if (b0 === 0xf0) lower = 0x90; // overlong
      if (b0 === 0xf4) upper = 0x8f; // above U+10FFFF
    } else return { ok: false, offset: i };
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < lower || b > upper) return { ok: false, offset: i };
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
    }
    i += need + 1;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[u++] = 0xd800 | (cp >> 10);
      units[u++] = 0xdc00 | (cp & 0x3ff);
    } else units[u++] = cp;
  }
  flush();
  return { ok: true, text: parts.join('') };
}

/** The number of bytes `text` takes in UTF-8 (a lone surrogate as U+FFFD, as encoders write it). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
