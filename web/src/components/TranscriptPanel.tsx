import { useState } from "react";
import type { JobSettings, TranscriptFormat } from "../api/types";
import { getTranscript, getTranscriptJson } from "../api/videos";
import { saveBlob } from "../lib/download";
import { formatTimestamp } from "../lib/format";
import { paragraphs, sentences, type Sentence } from "../lib/transcript";
import { useAsync } from "../lib/useAsync";
import { ErrorMessage } from "./ErrorMessage";
import { MakeClipForm } from "./MakeClipForm";
import { SpeakerLabel } from "./SpeakerLabel";

// The chosen sentences: a run [first, last] of sentence indexes, or none.
type Run = [number, number] | null;

// Checking a sentence stretches the run to it; unchecking one ends the run before it (or, for
// the first, starts it after): a clip is one stretch of the video.
export function toggleSentence(run: Run, index: number): Run {
  if (!run) return [index, index];
  const [first, last] = run;
  if (index < first) return [index, last];
  if (index > last) return [first, index];
  if (index === first) return first === last ? null : [first + 1, last];
  return [first, index - 1];
}

// The whole transcript of the video, readable, with SRT and VTT downloads; sentences of it can
// be made into a clip.
export function TranscriptPanel({ videoId, filename, defaults }: { videoId: string; filename: string; defaults?: Partial<JobSettings> }) {
  const transcript = useAsync((signal) => getTranscriptJson(videoId, signal), [videoId]);
  const [error, setError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);
  const [run, setRun] = useState<Run>(null);
  const base = filename.replace(/\.[^.]+$/, "") || "transcript";

  async function download(format: TranscriptFormat) {
    setError(null);
    try {
      const response = await getTranscript(videoId, format);
      saveBlob(await response.blob(), `${base}.${format}`);
    } catch (e) {
      setError(e);
    }
  }

  const all: Sentence[] = transcript.data && picking ? sentences(transcript.data) : [];
  const chosen = run && all.length > 0 ? { start: all[run[0]].start, end: all[run[1]].end } : null;

  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <div className="page-head">
        <h2 id="transcript-title">Transcript</h2>
        <div className="actions">
          {transcript.data && transcript.data.words.length > 0 && (
            <button type="button" className="button" aria-pressed={picking} onClick={() => setPicking((p) => !p)}>
              Make a clip from the words
            </button>
          )}
          <button type="button" className="button" onClick={() => download("srt")}>Download SRT</button>
          <button type="button" className="button" onClick={() => download("vtt")}>Download VTT</button>
        </div>
      </div>
      <ErrorMessage error={transcript.error ?? error} />
      {transcript.loading && <p role="status">Loading transcript…</p>}
      {transcript.data && !picking && (
        <div className="transcript-text" tabIndex={0} aria-label="Full transcript">
          {paragraphs(transcript.data).map((p, i, all) => (
            <p key={p.start}>
              {/* A change of speaker is named, so turns read like a script. */}
              {p.speaker !== undefined && p.speaker !== all[i - 1]?.speaker && (
                <>
                  <SpeakerLabel speaker={p.speaker} />{" "}
                </>
              )}
              <span className="timestamp">{formatTimestamp(p.start)}</span> {p.text}
            </p>
          ))}
          {transcript.data.words.length === 0 && <p className="muted">No speech was recognised.</p>}
        </div>
      )}
      {picking && (
        <>
          <p className="hint">Choose the sentences the clip holds, from its first to its last.</p>
          <fieldset className="transcript-text sentence-picker">
            <legend className="visually-hidden">Sentences for the clip</legend>
            {all.map((sentence, i) => (
              <label key={sentence.first} className={"sentence" + (run && i >= run[0] && i <= run[1] ? " chosen" : "")}>
                <input type="checkbox" checked={!!run && i >= run[0] && i <= run[1]} onChange={() => setRun((r) => toggleSentence(r, i))} />
                <span className="timestamp">{formatTimestamp(sentence.start)}</span> {sentence.text}
              </label>
            ))}
          </fieldset>
          {chosen && <MakeClipForm videoId={videoId} range={chosen} defaults={defaults} />}
        </>
      )}
    </section>
  );
}
