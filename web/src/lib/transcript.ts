// The whole transcript as readable paragraphs: words from the transcript JSON joined, a new
// paragraph at each long pause, each paragraph with its start time.

export interface TranscriptJson {
  language?: string;
  duration?: number;
  words: { text: string; start: number; end: number }[];
}

export interface Paragraph {
  start: number;
  text: string;
}

export function paragraphs(transcript: TranscriptJson, pauseSeconds = 1.0, maxWords = 80): Paragraph[] {
  const out: Paragraph[] = [];
  let words: string[] = [];
  let start = 0;
  let previousEnd = -Infinity;
  for (const word of transcript.words) {
    if (words.length > 0 && (word.start - previousEnd >= pauseSeconds || words.length >= maxWords)) {
      out.push({ start, text: words.join(" ") });
      words = [];
    }
    if (words.length === 0) start = word.start;
    words.push(word.text);
    previousEnd = word.end;
  }
  if (words.length > 0) out.push({ start, text: words.join(" ") });
  return out;
}
