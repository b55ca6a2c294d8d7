import { expectNoLeak } from './contract.js';

/** Signs of internals in text a client receives, beyond `expectNoLeak`'s: frames, paths, database errors. */
const LEAK_PATTERNS: RegExp[] = [
  /\bat [\w$.<>]+ \(/, // a stack frame "at fn ("
  /\(?\/[\w.@-]+(\/[\w.@-]+)+\.(?:[cm]?js|ts):\d+/, // /path/to/file.js:12
  /\b[A-Za-z]:\\[\w\\.-]+/, // C:\path
  /\/(?:home|root|usr|srv|opt|tmp|work)\/[\w.-]+\//,
  /\binsert into\b/i,
  /\bdelete from\b/i,
  /\bupdate "?\w+"? set\b/i,
  /syntax error at or near/i,
  /violates [\w-]+ constraint/i,
  /relation "[^"]+" does not exist/i,
  /\bcolumn "[^"]+"/i,
  /\bduplicate key value\b/i,
  /\b(?:ECONNREFUSED|ETIMEDOUT|EPIPE)\b/,
  /\bMikroORM\b|\bknex\b|\bpg-protocol\b/i,
];

/**
 * Fails when `text` shows internals. Strings the client sent itself are removed first: an error
 * that quotes a hostile input back ("'; DROP TABLE…" is not a valid date) leaks nothing.
 */
/** What cannot come from stored user content either: stack frames, source paths, module names. */
export function expectNoStackOrPath(text: string): void {
  for (const pattern of [/node_modules/, /file:\/\//, /\bat \//, LEAK_PATTERNS[0], LEAK_PATTERNS[1], LEAK_PATTERNS[3]]) {
    if (pattern.test(text)) throw new Error(`leak matching ${pattern}: ${text.slice(0, 2_000)}`);
  }
}

export function expectNoLeakExcept(text: string, sent: readonly string[] = []): void {
  let scrubbed = text;
  // Longest first, as JSON (how they appear inside a JSON body) and raw (inside a close reason).
  for (const value of [...new Set(sent)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    scrubbed = scrubbed.split(JSON.stringify(value).slice(1, -1)).join('«sent»').split(value).join('«sent»');
  }
  expectNoLeak(scrubbed);
  for (const pattern of LEAK_PATTERNS) {
    if (pattern.test(scrubbed)) throw new Error(`leak matching ${pattern}: ${scrubbed.slice(0, 2_000)}`);
  }
}
