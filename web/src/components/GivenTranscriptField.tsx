import { useId, useState } from "react";
import type { GivenTranscript } from "../api/types";
import { deleteGivenTranscript, putGivenTranscript } from "../api/videos";
import { ErrorMessage } from "./ErrorMessage";

const kindNames: Record<GivenTranscript["kind"], string> = {
  srt: "SubRip captions",
  vtt: "WebVTT captions",
  json: "a clipgen transcript",
  text: "plain text",
};

interface Props {
  videoId: string;
  given: GivenTranscript | null;
}

// "I have captions or a transcript": the file goes to the server as soon as it is picked, which
// reads it then (and says what is wrong with it); the video's next jobs use its words as written.
export function GivenTranscriptField({ videoId, given: initial }: Props) {
  const [given, setGiven] = useState(initial);
  const [wanted, setWanted] = useState(initial !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputId = useId();

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function pick(file: File | undefined) {
    if (file) void act(async () => setGiven(await putGivenTranscript(videoId, file)));
  }

  return (
    <fieldset className="given-transcript">
      <legend className="visually-hidden">Your own words</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={wanted}
          disabled={busy || given !== null}
          onChange={(e) => setWanted(e.target.checked)}
        />
        I have captions or a transcript
      </label>
      {wanted && (
        <div className="given-transcript-body">
          {given ? (
            <p role="status">
              Using your words: {given.words} from {kindNames[given.kind]}. Clips, captions and titles read as you wrote
              them.{" "}
              <button
                type="button"
                className="link-like"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await deleteGivenTranscript(videoId);
                    setGiven(null);
                  })
                }
              >
                Remove
              </button>
            </p>
          ) : (
            <p className="muted">SubRip (.srt), WebVTT (.vtt), plain text or a clipgen transcript (.json), in English.</p>
          )}
          <label htmlFor={inputId}>{given ? "Replace with another file" : "Transcript or captions file"}</label>
          <input
            id={inputId}
            type="file"
            accept=".srt,.vtt,.txt,.json,text/plain,text/vtt,application/x-subrip,application/json"
            disabled={busy}
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          {busy && <p role="status">Reading your file…</p>}
          <ErrorMessage error={error} />
        </div>
      )}
    </fieldset>
  );
}
