import { describe, expect, it } from "vitest";
import { clipFilename } from "./download";
import { formatBytes, formatDuration, formatRemaining } from "./format";
import { RateMeter, remainingAtAveragePace } from "./rate";
import { SseParser } from "./sse";
import { paragraphs, sentences, speakerClass, speakerName, speakerOf, type TranscriptWord } from "./transcript";
import { wordEdits } from "./wordEdits";

describe("SseParser", () => {
  it("returns events only once their blank line has arrived, across chunk boundaries", () => {
    const parser = new SseParser();
    expect(parser.push('data: {"a"')).toEqual([]);
    expect(parser.push(':1}\n')).toEqual([]);
    expect(parser.push("\ndata: 2\n\n")).toEqual([
      { event: "message", data: '{"a":1}' },
      { event: "message", data: "2" },
    ]);
  });

  it("joins multi-line data, keeps the event name, skips comments, and accepts CRLF split in two", () => {
    const parser = new SseParser();
    const events = [...parser.push(": keep-alive\r\nevent: job\r\ndata: one\r"), ...parser.push("\ndata: two\r\n\r\n")];
    expect(events).toEqual([{ event: "job", data: "one\ntwo" }]);
  });
});

describe("format", () => {
  it("writes durations as clock times", () => {
    expect(formatDuration(88.1)).toBe("1:28");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("–");
  });

  it("writes sizes in decimal units and rounds estimates to what they are worth", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(12_500_000)).toBe("13 MB");
    expect(formatBytes(1_500_000)).toBe("1.5 MB");
    expect(formatRemaining(null)).toBe("estimating…");
    expect(formatRemaining(42)).toBe("40 s left");
    expect(formatRemaining(130)).toBe("about 2 min left");
  });
});

describe("RateMeter", () => {
  it("measures the rate over its window and the time left to a target", () => {
    const meter = new RateMeter(10_000);
    meter.add(0, 0);
    expect(meter.rate()).toBeNull();
    meter.add(1000, 100);
    meter.add(2000, 200);
    expect(meter.rate()).toBe(100);
    expect(meter.remaining(1000)).toBe(8);
  });

  it("forgets samples older than its window", () => {
    const meter = new RateMeter(1000);
    meter.add(0, 0);
    meter.add(5000, 10); // slow start
    meter.add(5500, 60);
    meter.add(6000, 110);
    expect(meter.rate()).toBe(100);
  });
});

describe("remainingAtAveragePace", () => {
  it("projects the pace so far onto what is left, once there is some progress", () => {
    expect(remainingAtAveragePace(40, 20)).toBe(160);
    expect(remainingAtAveragePace(40, 1)).toBeNull();
    expect(remainingAtAveragePace(40, 100)).toBeNull();
  });
});

describe("paragraphs", () => {
  it("starts a new paragraph at each long pause, with its start time", () => {
    const words = [
      { text: "hello", start: 0.5, end: 0.9 },
      { text: "there", start: 1.0, end: 1.4 },
      { text: "next", start: 3.0, end: 3.3 },
    ];
    expect(paragraphs({ words })).toEqual([
      { start: 0.5, text: "hello there" },
      { start: 3.0, text: "next" },
    ]);
  });

  it("starts a new paragraph where the speaker changes, and names the paragraph's speaker", () => {
    const w = (text: string, start: number, speaker?: number) => ({ text, start, end: start + 0.3, ...(speaker ? { speaker } : {}) });
    const words = [
      w("so", 0, 1), w("tell", 0.4, 1), w("me", 0.8, 1), // speaker 1
      w("well", 1.2, 2), w("it", 1.6), w("began", 2.0, 2), // speaker 2; a word without a label between changes nothing
      w("when?", 2.4, 1), // back to speaker 1 with no pause
      w("later", 4.0, 1), // a long pause still ends a paragraph of one speaker
      w("unknown", 4.4), // no label: joins the paragraph it follows
      w("words", 6.0), w("here", 6.4, 3), // a paragraph begun without a label takes the first label in it
    ];
    expect(paragraphs({ words })).toEqual([
      { start: 0, text: "so tell me", speaker: 1 },
      { start: 1.2, text: "well it began", speaker: 2 },
      { start: 2.4, text: "when?", speaker: 1 },
      { start: 4.0, text: "later unknown", speaker: 1 },
      { start: 6.0, text: "words here", speaker: 3 },
    ]);
  });

  it("keeps paragraphs without labels as they were, with no speaker", () => {
    const words = Array.from({ length: 5 }, (_, i) => ({ text: `w${i}`, start: i * 0.5, end: i * 0.5 + 0.3 }));
    const out = paragraphs({ words }, 1.0, 3);
    expect(out).toEqual([
      { start: 0, text: "w0 w1 w2" },
      { start: 1.5, text: "w3 w4" },
    ]);
    expect(out.every((p) => !("speaker" in p))).toBe(true);
  });
});

describe("speaker labels", () => {
  it("read as Speaker N, in one of four colour classes used again beyond four", () => {
    expect(speakerName(2)).toBe("Speaker 2");
    expect([1, 2, 3, 4, 5, 8, 9].map(speakerClass)).toEqual(["speaker-1", "speaker-2", "speaker-3", "speaker-4", "speaker-1", "speaker-4", "speaker-1"]);
  });

  it("are used only when they are whole numbers from 1", () => {
    const word = (speaker: unknown) => ({ text: "a", start: 0, end: 1, speaker }) as TranscriptWord;
    expect([1, 2, undefined, null, 0, 1.5, "2"].map((s) => speakerOf(word(s)))).toEqual([1, 2, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("clipFilename", () => {
  it("numbers and slugs the title", () => {
    expect(clipFilename(3, "Why we sleep — and dream!")).toBe("clip-03-why-we-sleep-and-dream.mp4");
    expect(clipFilename(12, "")).toBe("clip-12.mp4");
  });
});

describe("sentences", () => {
  const w = (text: string, start: number) => ({ text, start, end: start + 0.3 });
  it("end at . ? ! (before closing quotes), at a pause, and at the word limit", () => {
    const words = [w("He", 0), w("said", 0.4), w("“stop.”", 0.8), w("Why", 1.2), w("now", 1.6), w("then", 3.0), w("a", 3.4), w("b", 3.8), w("c", 4.2)];
    expect(sentences({ words }, 0.7, 2).map((s) => [s.first, s.last, s.text])).toEqual([
      [0, 1, "He said"],
      [2, 2, "“stop.”"],
      [3, 4, "Why now"],
      [5, 6, "then a"],
      [7, 8, "b c"],
    ]);
    expect(sentences({ words }).map((s) => [s.first, s.last, s.start])).toEqual([
      [0, 2, 0],
      [3, 4, 1.2],
      [5, 8, 3.0],
    ]);
  });
});

describe("wordEdits", () => {
  it("keeps real changes only, cleaned and in transcript order", () => {
    const words = [{ text: "a", start: 0, end: 1 }, { text: "b", start: 1, end: 2 }, { text: "c", start: 2, end: 3 }];
    const fixes = new Map([[2, "  see   you "], [0, "a"], [1, ""]]);
    expect(wordEdits(words, fixes)).toEqual([
      { start: 1, end: 2, text: "" },
      { start: 2, end: 3, text: "see you" },
    ]);
  });
});
