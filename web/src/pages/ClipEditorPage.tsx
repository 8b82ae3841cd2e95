import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { deleteClip, editClip, getClip } from "../api/clips";
import { ApiError } from "../api/client";
import { isAbort, watchJob, type WatchMode } from "../api/events";
import { cancelJob, getJob } from "../api/jobs";
import { isFinished, type Clip, type ClipEdit, type Job, type Video } from "../api/types";
import { editTranscript, getTranscriptJson, getVideo, sourceVideoUrl } from "../api/videos";
import { ClipWords } from "../components/ClipWords";
import { ErrorMessage } from "../components/ErrorMessage";
import { JobProgress } from "../components/JobProgress";
import { AspectField, CaptionFields, LayoutField } from "../components/LookFields";
import { Timeline } from "../components/Timeline";
import { ClipLengthLimits, lengthProblem, moveHandle, nextWordBoundary, wordsInRange, type ClipRange, type Handle } from "../lib/clipRange";
import { clipFilename } from "../lib/download";
import { formatPreciseTime } from "../lib/format";
import type { TranscriptJson } from "../lib/transcript";
import { wordEdits } from "../lib/wordEdits";

// What the editor changes: the fields PATCH /api/clips/{id} takes.
type Values = Required<Omit<ClipEdit, "snap">>;

function valuesOf(clip: Clip): Values {
  return {
    aspect: clip.aspect,
    start: clip.start_s,
    end: clip.end_s,
    title: clip.title,
    captions: clip.captions,
    caption_style: clip.caption_style,
    layout: clip.layout,
  };
}

// The fields of `draft` that differ from `saved`.
function changes(saved: Values, draft: Values): Partial<Values> {
  const out: Partial<Values> = {};
  for (const key of Object.keys(draft) as (keyof Values)[]) {
    if (draft[key] !== saved[key]) (out as Record<string, unknown>)[key] = draft[key];
  }
  return out;
}

// Seconds of the video shown on each side of the clip on the timeline.
const viewMargin = 30;

interface Render {
  job: Job;
  mode: WatchMode | null;
}

const handleWords: Record<Handle, string> = { start: "start", end: "end" };

// One clip made again: where it starts and ends, its words, title and look; saving sends the
// changes and follows the render, then shows the new clip beside a way back.
export function ClipEditorPage() {
  const { clipId = "" } = useParams();
  const navigate = useNavigate();
  const [clip, setClip] = useState<Clip | null>(null);
  const [video, setVideo] = useState<Video | null>(null);
  const [transcript, setTranscript] = useState<TranscriptJson | null>(null);
  const [draft, setDraft] = useState<Values | null>(null);
  const [snap, setSnap] = useState(true);
  const [fixes, setFixes] = useState<Map<number, string>>(() => new Map());
  const [render, setRender] = useState<Render | null>(null);
  const [rendered, setRendered] = useState(false);
  const [previous, setPrevious] = useState<Values | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [playhead, setPlayhead] = useState<number | null>(null);
  const [playingSelection, setPlayingSelection] = useState(false);
  const player = useRef<HTMLVideoElement>(null);
  const newClipHeading = useRef<HTMLHeadingElement>(null);
  const watching = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const loaded = await getClip(clipId, signal);
      setClip(loaded);
      setDraft(valuesOf(loaded));
      const [v, t] = await Promise.all([getVideo(loaded.video_id, signal), getTranscriptJson(loaded.video_id, signal)]);
      setVideo(v);
      setTranscript(t);
      if (loaded.pending_job_id) void follow(await getJob(loaded.pending_job_id, signal));
    })().catch((e: unknown) => {
      if (!isAbort(e)) setError(e);
    });
    return () => {
      controller.abort();
      watching.current?.abort();
    };
  }, [clipId]);

  useEffect(() => {
    if (rendered) newClipHeading.current?.focus();
  }, [rendered]);

  // Follows a render to its end; when it succeeded, the clip as it is now.
  async function follow(job: Job) {
    watching.current?.abort();
    const controller = new AbortController();
    watching.current = controller;
    const { signal } = controller;
    setRendered(false);
    setRender({ job, mode: null });
    let latest = job;
    try {
      await watchJob(job.id, {
        signal,
        onJob: (j) => {
          latest = j;
          setRender((r) => ({ job: j, mode: r?.mode ?? null }));
        },
        onMode: (mode) => setRender((r) => r && { ...r, mode }),
        onError: setError,
      });
      if (signal.aborted || !isFinished(latest.status)) return;
      if (latest.status === "succeeded") {
        const fresh = await getClip(clipId, signal);
        setClip(fresh);
        setDraft(valuesOf(fresh));
        setRender(null);
        setRendered(true);
      }
    } catch (e) {
      if (!isAbort(e)) setError(e);
    }
  }

  if (!clip || !draft) {
    return (
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">Edit clip</h1>
        <ErrorMessage error={error} />
        {!error && <p role="status">Loading…</p>}
      </section>
    );
  }

  const saved = valuesOf(clip);
  const duration = video?.duration_s ?? clip.end_s;
  const words = transcript?.words ?? [];
  const range: ClipRange = { start: draft.start, end: draft.end };
  const view: ClipRange = {
    start: Math.max(0, Math.min(range.start, saved.start - viewMargin)),
    end: Math.min(duration, Math.max(range.end, saved.end + viewMargin)),
  };
  const edits = wordEdits(words, fixes);
  const changed = changes(saved, draft);
  const pending = render !== null && !isFinished(render.job.status);
  const tooLong = lengthProblem(range);
  const fieldError = (...fields: string[]) =>
    error instanceof ApiError && error.field && fields.includes(error.field) ? error.message : undefined;
  const timesError = fieldError("start", "end");

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setDraft((d) => d && { ...d, [key]: value });
  }

  function move(handle: Handle, to: number) {
    setDraft((d) => d && { ...d, ...moveHandle(d, handle, to, duration) });
    const v = player.current;
    if (v && v.paused) v.currentTime = Math.max(0, to);
  }

  function nudgeByWord(handle: Handle, direction: 1 | -1) {
    const to = nextWordBoundary(words, handle, range[handle], direction);
    if (to !== null) move(handle, to);
  }

  function fix(index: number, text: string) {
    setFixes((old) => {
      const next = new Map(old);
      if (text === words[index].text) next.delete(index);
      else next.set(index, text);
      return next;
    });
  }

  function playSelection() {
    const v = player.current;
    if (!v) return;
    if (playingSelection) {
      v.pause();
      return;
    }
    v.currentTime = range.start;
    setPlayingSelection(true);
    v.play().catch((e: unknown) => {
      setPlayingSelection(false);
      setError(e);
    });
  }

  function timeUpdate() {
    const v = player.current!;
    setPlayhead(v.currentTime);
    if (playingSelection && v.currentTime >= range.end) v.pause();
  }

  // Sends the changes: the word fixes first (the render then burns the fixed words), then the
  // clip's own fields; a render follows unless only the title changed.
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!clip) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (edits.length > 0) {
        setTranscript(await editTranscript(clip.video_id, edits, transcript?.words_revision));
        setFixes(new Map());
      }
      const edit: ClipEdit = { ...changed };
      if ("start" in changed || "end" in changed) edit.snap = snap;
      // Fixed words need the clip made again even when nothing else that is in its file changed:
      // its own times, sent again unsnapped, ask for that.
      if (edits.length > 0 && Object.keys(changed).every((key) => key === "title"))
        Object.assign(edit, { start: saved.start, end: saved.end, snap: false });
      const result = await editClip(clip.id, edit);
      if (result.job) {
        setPrevious(valuesOf(result.clip));
        void follow(result.job);
      } else {
        setClip(result.clip);
        setDraft(valuesOf(result.clip));
        setNotice("Title saved.");
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function goBack() {
    if (!clip || !previous) return;
    setBusy(true);
    setError(null);
    try {
      // The old times exactly as they were: no snapping.
      const result = await editClip(clip.id, { ...previous, snap: false });
      setPrevious(valuesOf(result.clip));
      if (result.job) void follow(result.job);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function undoDraft() {
    setDraft(saved);
    setFixes(new Map());
  }

  async function cancelRender() {
    if (!render) return;
    try {
      setRender({ ...render, job: await cancelJob(render.job.id) });
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!clip || !window.confirm(`Delete clip ${clip.clip_number}, “${clip.title}”? Its file is removed.`)) return;
    try {
      await deleteClip(clip.id);
      navigate(clip.origin === "job" ? `/jobs/${clip.job_id}` : `/videos/${clip.video_id}`);
    } catch (e) {
      setError(e);
    }
  }

  const nudges = (handle: Handle) => (
    <div className="actions nudges" role="group" aria-label={`Move the ${handleWords[handle]}`}>
      <button type="button" className="button" onClick={() => nudgeByWord(handle, -1)} aria-label={`Move the ${handle} to the previous word`}>
        ◀ word
      </button>
      <button type="button" className="button" onClick={() => move(handle, range[handle] - 0.1)} aria-label={`Move the ${handle} 0.1 s earlier`}>
        −0.1 s
      </button>
      <button type="button" className="button" onClick={() => move(handle, range[handle] + 0.1)} aria-label={`Move the ${handle} 0.1 s later`}>
        +0.1 s
      </button>
      <button type="button" className="button" onClick={() => nudgeByWord(handle, 1)} aria-label={`Move the ${handle} to the next word`}>
        word ▶
      </button>
    </div>
  );

  return (
    <section aria-labelledby="editor-title" className="clip-editor">
      <p className="crumbs">
        <Link to="/">My videos</Link> / {video && <><Link to={`/videos/${video.id}`}>{video.filename}</Link> /</>}{" "}
        {clip.origin === "job" && <><Link to={`/jobs/${clip.job_id}`}>Clips</Link> /</>}
      </p>
      <div className="page-head">
        <h1 id="editor-title">
          Edit clip {clip.clip_number} <span className="muted small">version {clip.version}</span>
        </h1>
        <button type="button" className="button ghost danger" onClick={remove} disabled={pending}>
          Delete clip
        </button>
      </div>
      <ErrorMessage error={error} />

      {render && pending && (
        <JobProgress job={render.job} mode={render.mode} canceling={render.job.status === "canceled"} onCancel={cancelRender} />
      )}
      {render?.job.status === "failed" && (
        <p className="error card" role="alert">The render failed: {render.job.error ?? "no reason given"}. The clip is as it was.</p>
      )}
      {render?.job.status === "canceled" && <p className="card" role="status">The render was canceled. The clip is as it was.</p>}

      {rendered && clip.download_url && (
        <div className="card new-clip">
          <h2 ref={newClipHeading} tabIndex={-1}>New clip, version {clip.version}</h2>
          <div className="new-clip-body">
            <video
              key={clip.version}
              controls
              preload="metadata"
              playsInline
              poster={clip.thumbnail_url ?? undefined}
              src={clip.download_url}
              aria-label={`New clip: ${clip.title}`}
              style={clip.width && clip.height ? { aspectRatio: `${clip.width} / ${clip.height}` } : undefined}
            />
            <div>
              <p className="meta">
                {formatPreciseTime(clip.start_s)} to {formatPreciseTime(clip.end_s)} · {clip.duration.toFixed(1)} s
              </p>
              <div className="actions">
                <a className="button primary" href={clip.download_url} download={clipFilename(clip.clip_number, clip.title)}>
                  Download the new clip
                </a>
                {previous && (
                  <button type="button" className="button" onClick={goBack} disabled={busy || pending}>
                    Back to the previous version
                  </button>
                )}
              </div>
            </div>
          </div>
        </div>
      )}

      <form className="card" onSubmit={save} aria-label="Clip edits">
        <h2>Where it starts and ends</h2>
        <video
          ref={player}
          className="source-video"
          controls
          preload="metadata"
          playsInline
          src={sourceVideoUrl(clip.video_id)}
          aria-label="The source video"
          onLoadedMetadata={(e) => (e.currentTarget.currentTime = range.start)}
          onTimeUpdate={timeUpdate}
          onPause={() => setPlayingSelection(false)}
        />
        <Timeline range={range} view={view} videoDuration={duration} playhead={playhead} onMove={move} />
        <div className="handle-controls">
          <div>
            <p className="handle-label">Start {formatPreciseTime(range.start)}</p>
            {nudges("start")}
          </div>
          <div>
            <p className="handle-label">End {formatPreciseTime(range.end)}</p>
            {nudges("end")}
          </div>
        </div>
        <p aria-live="polite">
          Length {(range.end - range.start).toFixed(1)} s{" "}
          <span className="muted">(clips are {ClipLengthLimits.min} to {ClipLengthLimits.max} s)</span>
        </p>
        {tooLong && <p className="field-error">{tooLong}</p>}
        {timesError && <p className="field-error" role="alert">{timesError}</p>}
        <div className="actions">
          <button type="button" className="button" onClick={playSelection}>
            {playingSelection ? "Stop" : "Play the selection"}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Move the start and end to the
          nearest pause between words
        </label>

        <h2>Words</h2>
        <p className="hint">Choose a word to fix it. Enter keeps the fix, Escape leaves the word as it was.</p>
        {transcript ? (
          <ClipWords words={words} indexes={wordsInRange(words, range)} fixes={fixes} onFix={fix} />
        ) : (
          !error && <p role="status">Loading the words…</p>
        )}
        {edits.length > 0 && <p className="muted small">{edits.length === 1 ? "1 word fixed" : `${edits.length} words fixed`}, sent when you save.</p>}

        <h2>Title and look</h2>
        <div className="field">
          <label htmlFor="clip-title">Title</label>
          <input
            id="clip-title"
            value={draft.title}
            aria-invalid={!!fieldError("title")}
            aria-describedby={fieldError("title") ? "clip-title-error" : undefined}
            onChange={(e) => set("title", e.target.value)}
          />
          {fieldError("title") && <p className="field-error" id="clip-title-error">{fieldError("title")}</p>}
        </div>
        <div className="row">
          <CaptionFields
            captions={draft.captions}
            style={draft.caption_style}
            error={fieldError("caption_style", "captions")}
            onCaptions={(on) => set("captions", on)}
            onStyle={(style) => set("caption_style", style)}
          />
        </div>
        <div className="row">
          <AspectField value={draft.aspect} error={fieldError("aspect")} onChange={(aspect) => set("aspect", aspect)} />
          <LayoutField value={draft.layout} error={fieldError("layout")} onChange={(layout) => set("layout", layout)} />
        </div>

        {notice && <p className="notice" role="status">{notice}</p>}
        <div className="actions">
          <button
            type="submit"
            className="button primary big"
            disabled={busy || pending || !!tooLong || (Object.keys(changed).length === 0 && edits.length === 0)}
          >
            {busy ? "Saving…" : "Save and render"}
          </button>
          <button type="button" className="button" disabled={busy} onClick={undoDraft}>
            Undo my changes
          </button>
        </div>
      </form>
    </section>
  );
}
