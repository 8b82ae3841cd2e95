import { useState } from "react";
import type { TranscriptFormat } from "../api/types";
import { getTranscript } from "../api/videos";
import { saveBlob } from "../lib/download";
import { formatTimestamp } from "../lib/format";
import { paragraphs, type TranscriptJson } from "../lib/transcript";
import { useAsync } from "../lib/useAsync";
import { ErrorMessage } from "./ErrorMessage";

// The whole transcript of the video, readable, with SRT and VTT downloads.
export function TranscriptPanel({ videoId, filename }: { videoId: string; filename: string }) {
  const transcript = useAsync(
    async (signal) => (await (await getTranscript(videoId, "json", signal)).json()) as TranscriptJson,
    [videoId],
  );
  const [error, setError] = useState<unknown>(null);
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

  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <div className="page-head">
        <h2 id="transcript-title">Transcript</h2>
        <div className="actions">
          <button type="button" className="button" onClick={() => download("srt")}>Download SRT</button>
          <button type="button" className="button" onClick={() => download("vtt")}>Download VTT</button>
        </div>
      </div>
      <ErrorMessage error={transcript.error ?? error} />
      {transcript.loading && <p role="status">Loading transcript…</p>}
      {transcript.data && (
        <div className="transcript-text" tabIndex={0} aria-label="Full transcript">
          {paragraphs(transcript.data).map((p) => (
            <p key={p.start}>
              <span className="timestamp">{formatTimestamp(p.start)}</span> {p.text}
            </p>
          ))}
          {transcript.data.words.length === 0 && <p className="muted">No speech was recognised.</p>}
        </div>
      )}
    </section>
  );
}
