import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { formatPreciseTime } from "../lib/format";
import { speakerOf, type TranscriptWord } from "../lib/transcript";
import { cleanWordText } from "../lib/wordEdits";
import { SpeakerLabel } from "./SpeakerLabel";

interface Props {
  words: TranscriptWord[]; // the whole transcript
  indexes: number[]; // the ones inside the clip
  fixes: ReadonlyMap<number, string>;
  onFix: (index: number, text: string) => void;
}

// The clip's words, each fixable where it stands: choose a word, type, Enter keeps the fix and
// Escape leaves the word as it was; focus goes back to the word either way. Where the speaker
// changes (by the words' labels) a "Speaker N" marker stands before the turn's first word.
export function ClipWords({ words, indexes, fixes, onFix }: Props) {
  const [editing, setEditing] = useState<number | null>(null);
  const returnTo = useRef<number | null>(null);
  // The word whose input is open: a blur that follows Enter or Escape (some browsers send one
  // as the input goes) finds it closed and changes nothing.
  const open = useRef<number | null>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (editing !== null || returnTo.current === null) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-word="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [editing]);

  function edit(index: number) {
    open.current = index;
    setEditing(index);
  }

  function finish(index: number, text: string | null) {
    if (open.current !== index) return;
    open.current = null;
    if (text !== null) onFix(index, cleanWordText(text));
    returnTo.current = index;
    setEditing(null);
  }

  function key(index: number, e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      finish(index, e.currentTarget.value);
    } else if (e.key === "Escape") {
      e.preventDefault();
      finish(index, null);
    }
  }

  if (indexes.length === 0) return <p className="muted">No words are spoken in this part of the video.</p>;
  // The clip words that start a turn: a labelled word whose speaker is not the one of the
  // labelled word before it in the clip (unlabelled words between change nothing).
  const turnStarts = new Set<number>();
  let speaker: number | undefined;
  for (const i of indexes) {
    const label = speakerOf(words[i]);
    if (label === undefined) continue;
    if (label !== speaker) turnStarts.add(i);
    speaker = label;
  }
  return (
    <div className="clip-words" role="group" aria-label="Words in the clip" ref={list}>
      {indexes.map((i) => {
        const word = words[i];
        const fixed = fixes.get(i);
        const shown = fixed ?? word.text;
        const control =
          editing === i ? (
            <input
              className="word-input"
              aria-label={`Fix “${word.text}” at ${formatPreciseTime(word.start)}`}
              defaultValue={shown}
              size={Math.max(4, shown.length + 2)}
              autoFocus
              onKeyDown={(e) => key(i, e)}
              onBlur={(e) => finish(i, e.currentTarget.value)}
            />
          ) : (
            <button
              type="button"
              data-word={i}
              className={"word" + (fixed !== undefined ? " fixed" : "") + (word.estimated ? " estimated" : "")}
              title={word.estimated ? "Timed by estimate until the clip is rendered, which times it from the audio" : undefined}
              aria-label={
                fixed !== undefined
                  ? `${shown || "(removed)"}, fixed from “${word.text}”`
                  : `${word.text} at ${formatPreciseTime(word.start)}${word.estimated ? ", timed by estimate" : ""}`
              }
              onClick={() => edit(i)}
            >
              {shown || <s>{word.text}</s>}
            </button>
          );
        return (
          <Fragment key={i}>
            {turnStarts.has(i) && <SpeakerLabel speaker={speakerOf(word)!} />}
            {control}
          </Fragment>
        );
      })}
    </div>
  );
}
