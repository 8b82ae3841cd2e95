// The whole transcript as readable paragraphs: words from the transcript JSON joined, a new
// paragraph at each long pause, each paragraph with its start time.

export interface TranscriptWord {
  text: string;
  start: number;
  end: number;
  // A corrected word placed by its neighbours; a render of a clip holding it times it from the audio.
  estimated?: boolean;
}

export interface TranscriptJson {
  language?: string;
  duration?: number;
  words: TranscriptWord[];
  // A fingerprint of the words' texts: sent back with corrections, which the server refuses
  // (409 transcript_changed) when the words changed since.
  words_revision?: string;
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

// A sentence: words [first, last] (indexes into the transcript), ending at . ? or ! or at a
// pause; a run of sentences is what "Make a clip" takes.
export interface Sentence {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

export function sentences(transcript: TranscriptJson, pauseSeconds = 0.7, maxWords = 40): Sentence[] {
  const out: Sentence[] = [];
  const words = transcript.words;
  let first = 0;
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    const ends =
      !next ||
      /[.?!]["'”’)]*$/.test(words[i].text) ||
      next.start - words[i].end >= pauseSeconds ||
      i - first + 1 >= maxWords;
    if (!ends) continue;
    out.push({
      first,
      last: i,
      start: words[first].start,
      end: words[i].end,
      text: words.slice(first, i + 1).map((w) => w.text).join(" "),
    });
    first = i + 1;
  }
  return out;
}
