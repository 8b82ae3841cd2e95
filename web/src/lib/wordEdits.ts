// A user's fixes to single words, as PATCH /api/videos/{id}/transcript takes them: each a
// half-open range of word indexes into the transcript as it was before any of them, and the
// text that replaces it (empty: the word is removed; several words: inserted in its place).
import type { WordEdit } from "../api/types";
import type { TranscriptWord } from "./transcript";

// Text as a word's replacement: white space collapsed and trimmed.
export function cleanWordText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// The edits for the fixes made (index -> new text), in transcript order; a fix that gives a word
// back its own text is no edit.
export function wordEdits(words: TranscriptWord[], fixes: ReadonlyMap<number, string>): WordEdit[] {
  return [...fixes.entries()]
    .filter(([i, text]) => i >= 0 && i < words.length && cleanWordText(text) !== words[i].text)
    .sort(([a], [b]) => a - b)
    .map(([i, text]) => ({ start: i, end: i + 1, text: cleanWordText(text) }));
}
