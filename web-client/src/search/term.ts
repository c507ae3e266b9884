/** How long the search box waits after the last key before it asks. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * What the search box sends for what was typed: trimmed, runs of white space made one space (so "lisbon " and
 * " lisbon" are one search, one cache entry); empty means nothing to look for.
 */
export function searchTerm(input: string) {
  return input.trim().replace(/\s+/g, ' ');
}

/** "3 photos and 1 gallery": what a screen reader hears when results arrive. */
export function resultsSummary(galleries: number, images: number, more: boolean) {
  if (galleries === 0 && images === 0) return 'No matches';
  const parts = [];
  if (galleries > 0) parts.push(`${galleries} ${galleries === 1 ? 'gallery' : 'galleries'}`);
  if (images > 0) parts.push(`${images}${more ? '+' : ''} ${images === 1 && !more ? 'photo' : 'photos'}`);
  return parts.join(' and ');
}
