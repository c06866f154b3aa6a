/**
 * Deciding whether two friction titles name the same problem ("npm test keeps failing" and
 * "npm tests failed again"). People word the same pain differently each day, so exact matches
 * would hide recurring friction; a bag of stemmed words compared by overlap finds it.
 */

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'into', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'has', 'have', 'had',
  'it', 'its', 'this', 'that', 'these', 'those', 'there', 'then', 'than',
  'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your',
  'again', 'too', 'very', 'so', 'just', 'still', 'keep', 'keeps', 'kept', 'not', 'no', 'when', 'while', 'after', 'before',
]);

const VOWEL = /[aeiouy]/;

/** Undoes a doubled final consonant left by suffix stripping ("running" → "runn" → "run"). */
function undouble(stem: string): string {
  const n = stem.length;
  return n >= 3 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1]) ? stem.slice(0, -1) : stem;
}

/**
 * A deliberately small stemmer (plural, -ed, -ing, -ure, final -e): not linguistics, just enough
 * that "fails", "failed", "failing" and "failure" meet. Both sides go through it, so an odd stem
 * still matches its relatives.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      w = undouble(base);
      break;
    }
  }
  if (w.length > 5 && w.endsWith('ure')) w = w.slice(0, -3);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stemmed content words of a title, lowercased; stop words and single characters are left out. */
export function titleTokens(title: string): Set<string> {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const tokens = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.add(stem(word));
  }
  return tokens;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (two titles with no content words say nothing alike). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Whether two titles name the same problem: token overlap of at least `threshold`. */
export function similarTitles(a: string, b: string, threshold = 0.5): boolean {
  return jaccard(titleTokens(a), titleTokens(b)) >= threshold;
}
