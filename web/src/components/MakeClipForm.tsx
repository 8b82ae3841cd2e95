import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../api/client";
import { createClip } from "../api/clips";
import { DefaultSettings, type JobSettings, type NewClip } from "../api/types";
import { lengthProblem, type ClipRange } from "../lib/clipRange";
import { formatPreciseTime } from "../lib/format";
import { ErrorMessage } from "./ErrorMessage";
import { AspectField, CaptionFields, LayoutField } from "./LookFields";

type Look = Pick<NewClip, "aspect" | "layout" | "captions" | "caption_style">;

interface Props {
  videoId: string;
  range: ClipRange;
  defaults?: Partial<JobSettings>; // the look of the job the transcript is shown with
}

// A clip of the chosen words: its look and title, then off to the editor, which follows the render.
export function MakeClipForm({ videoId, range, defaults }: Props) {
  const navigate = useNavigate();
  const [look, setLook] = useState<Look>(() => ({
    aspect: defaults?.aspect ?? DefaultSettings.aspect,
    layout: defaults?.layout ?? DefaultSettings.layout,
    captions: defaults?.captions ?? DefaultSettings.captions,
    caption_style: defaults?.caption_style ?? DefaultSettings.caption_style,
  }));
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = lengthProblem(range);
  const set = <K extends keyof Look>(key: K, value: Look[K]) => setLook((old) => ({ ...old, [key]: value }));
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await createClip(videoId, { ...range, ...look, ...(title.trim() ? { title: title.trim() } : {}) });
      navigate(`/clips/${made.clip.id}/edit`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form className="make-clip" onSubmit={submit} aria-label="Make a clip">
      <p aria-live="polite">
        From {formatPreciseTime(range.start)} to {formatPreciseTime(range.end)} · {(range.end - range.start).toFixed(1)} s
      </p>
      {problem && <p className="field-error">{problem}</p>}
      <div className="row">
        <AspectField value={look.aspect} error={fieldError("aspect")} onChange={(aspect) => set("aspect", aspect)} />
        <LayoutField value={look.layout} error={fieldError("layout")} onChange={(layout) => set("layout", layout)} />
      </div>
      <div className="row">
        <CaptionFields
          captions={look.captions}
          style={look.caption_style}
          error={fieldError("caption_style")}
          onCaptions={(on) => set("captions", on)}
          onStyle={(style) => set("caption_style", style)}
        />
      </div>
      <div className="field">
        <label htmlFor="make-clip-title">Title (optional)</label>
        <input id="make-clip-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="button primary" disabled={busy || !!problem}>
        {busy ? "Starting…" : "Make a clip"}
      </button>
    </form>
  );
}
