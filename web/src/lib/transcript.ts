// The whole transcript as readable paragraphs: words from the transcript JSON joined, a new
// paragraph at each long pause and at each change of speaker, each paragraph with its start time.

export interface TranscriptWord {
  text: string;
  start: number;
  end: number;
  // A corrected word placed by its neighbours; a render of a clip holding it times it from the audio.
  estimated?: boolean;
  // Who says it: 1, 2, ... numbered left to right by where people sit in the picture ("Speaker 1"
  // is the leftmost). Set for the words of clips that have been rendered; absent when unknown.
  speaker?: number;
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
  speaker?: number; // the label of its words, when they have one
}

// A word's speaker label, if it has a usable one.
export function speakerOf(word: TranscriptWord): number | undefined {
  return typeof word.speaker === "number" && Number.isInteger(word.speaker) && word.speaker >= 1 ? word.speaker : undefined;
}

// A word with a speaker label starts a new paragraph when the paragraph so far holds words of
// another speaker; words without a label never start one on their own, so a transcript without
// labels reads as it always did.
export function paragraphs(transcript: TranscriptJson, pauseSeconds = 1.0, maxWords = 80): Paragraph[] {
  const out: Paragraph[] = [];
  let words: string[] = [];
  let start = 0;
  let speaker: number | undefined;
  let previousEnd = -Infinity;
  const finish = () => out.push(speaker === undefined ? { start, text: words.join(" ") } : { start, text: words.join(" "), speaker });
  for (const word of transcript.words) {
    const label = speakerOf(word);
    const turn = label !== undefined && speaker !== undefined && label !== speaker;
    if (words.length > 0 && (turn || word.start - previousEnd >= pauseSeconds || words.length >= maxWords)) {
      finish();
      words = [];
    }
    if (words.length === 0) {
      start = word.start;
      speaker = undefined;
    }
    words.push(word.text);
    speaker ??= label;
    previousEnd = word.end;
  }
  if (words.length > 0) finish();
  return out;
}

// How a speaker label reads, and its colour class: four colours, used again beyond four.
export const speakerName = (speaker: number) => `Speaker ${speaker}`;
export const speakerClass = (speaker: number) => `speaker-${((speaker - 1) % 4) + 1}`;

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
