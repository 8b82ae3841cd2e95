// Where a clip starts and ends in its video, kept inside the video and the length limits jobs
// use (SettingsLimits: the server's kMinClipSeconds / kMaxClipSeconds). Times in seconds.
import { SettingsLimits } from "../api/types";
import type { TranscriptWord } from "./transcript";

export interface ClipRange {
  start: number;
  end: number;
}

export type Handle = "start" | "end";

export const ClipLengthLimits = { min: SettingsLimits.minSeconds, max: SettingsLimits.maxSeconds } as const;

// Times are kept to the millisecond, as the server stores them.
function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}

// How far one handle may go while the other stays where it is.
export function handleBounds(range: ClipRange, handle: Handle, videoDuration: number): { min: number; max: number } {
  const { min, max } = ClipLengthLimits;
  const bounds =
    handle === "start"
      ? { min: Math.max(0, range.end - max), max: range.end - min }
      : { min: range.start + min, max: Math.min(videoDuration, range.start + max) };
  // A video shorter than the shortest clip: nothing fits, keep the handle still.
  return bounds.min <= bounds.max ? bounds : { min: range[handle], max: range[handle] };
}

// The range with one handle moved as close to `to` as the limits allow.
export function moveHandle(range: ClipRange, handle: Handle, to: number, videoDuration: number): ClipRange {
  const { min, max } = handleBounds(range, handle, videoDuration);
  return { ...range, [handle]: round(Math.min(max, Math.max(min, to))) };
}

// The time of the next (direction 1) or previous (-1) word boundary from `at`: word starts for
// the start handle, word ends for the end handle. null when there is none that way.
export function nextWordBoundary(words: TranscriptWord[], handle: Handle, at: number, direction: 1 | -1): number | null {
  const epsilon = 0.0005;
  let best: number | null = null;
  for (const word of words) {
    const t = handle === "start" ? word.start : word.end;
    if (direction === 1 ? t > at + epsilon && (best === null || t < best) : t < at - epsilon && (best === null || t > best))
      best = t;
  }
  return best;
}

// The indexes of the words spoken inside the range (any part of them).
export function wordsInRange(words: TranscriptWord[], range: ClipRange): number[] {
  const inside: number[] = [];
  words.forEach((word, i) => {
    if (word.end > range.start && word.start < range.end) inside.push(i);
  });
  return inside;
}

// How a length compares with the limits, in words for the page.
export function lengthProblem(range: ClipRange): string | null {
  const length = range.end - range.start;
  if (length < ClipLengthLimits.min - 0.0005) return `Shorter than the shortest clip (${ClipLengthLimits.min} s).`;
  if (length > ClipLengthLimits.max + 0.0005) return `Longer than the longest clip (${ClipLengthLimits.max} s).`;
  return null;
}
