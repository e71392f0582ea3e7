/** Text as received: `valid` is false when some bytes were not UTF-8 (each such byte is then a lone U+DFFF). */
export interface Received {
  text: string;
  valid: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LONE_SURROGATE = /\p{Cs}/u;
/** Stands for a byte that is not UTF-8: a lone surrogate, which no valid UTF-8 decodes to. */
const BAD_BYTE = '\uDFFF';

/**
 * Decodes UTF-8 without guessing: bytes that are not UTF-8 become a lone surrogate (so the string
 * still says where they were) instead of a U+FFFD that looks like a character the client sent.
 */
function utf8(bytes: Uint8Array): Received {
  try {
    return { text: strict.decode(bytes), valid: true };
  } catch {
    // fall through: decode piece by piece
  }
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    let end = i;
    while (end < bytes.length && bytes[end] < 0x80) end++;
    if (end > i) {
      text += strict.decode(bytes.subarray(i, end));
      i = end;
      continue;
    }
    const b = bytes[i];
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n && i + n <= bytes.length) {
      try {
        text += strict.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // a bad sequence: the lead byte is reported below
      }
    }
    text += BAD_BYTE;
    i++;
  }
  return { text, valid: false };
}

/** A URL component's text: %XX escapes are bytes, and the bytes must be UTF-8. */
function percentDecoded(component: string): Received {
  if (!component.includes('%')) return { text: component, valid: true };
  const bytes: number[] = [];
  for (let i = 0; i < component.length; i++) {
    const ch = component[i];
    if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(component.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(component.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return utf8(Uint8Array.from(bytes));
}

export const TextCheck = { utf8, percentDecoded };

/** Why a text is not well-formed, or null when it is. */
export function illFormed({ text, valid }: Received): string | null {
  if (!valid) return 'is not valid UTF-8';
  if (text.includes('\u0000')) return 'contains NUL (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (not well-formed Unicode)';
  return null;
}

/** Whether a string can be stored as it is on every engine (no NUL, no lone surrogate). */
export const wellFormed = (text: string): boolean => illFormed({ text, valid: true }) === null;
