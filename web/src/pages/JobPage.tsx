import { useEffect, useState } from "react";
import { Link, Navigate, useParams } from "react-router-dom";
import { isAbort, watchJob, type WatchMode } from "../api/events";
import { cancelJob, getJob, listClips } from "../api/jobs";
import type { Clip, Job } from "../api/types";
import { getVideo } from "../api/videos";
import { ClipResults } from "../components/ClipResults";
import { ErrorMessage } from "../components/ErrorMessage";
import { JobProgress } from "../components/JobProgress";
import { TranscriptPanel } from "../components/TranscriptPanel";
import { useAsync } from "../lib/useAsync";

// A job from start to clips: live progress while it runs, then the results.
export function JobPage() {
  const { jobId = "" } = useParams();
  const [job, setJob] = useState<Job | null>(null);
  const [mode, setMode] = useState<WatchMode | null>(null);
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [canceling, setCanceling] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setJob(null);
    setClips(null);
    setError(null);
    (async () => {
      let latest = await getJob(jobId, signal);
      setJob(latest);
      if (latest.status === "queued" || latest.status === "running") {
        await watchJob(jobId, {
          signal,
          onJob: (j) => {
            latest = j;
            setJob(j);
          },
          onMode: setMode,
          onError: setError,
        });
      }
      if (latest.status === "succeeded") setClips(await listClips(jobId, signal));
    })().catch((e: unknown) => {
      if (!isAbort(e)) setError(e);
    });
    return () => controller.abort();
  }, [jobId]);

  const video = useAsync(async (signal) => (job ? getVideo(job.video_id, signal) : null), [job?.video_id]);

  async function cancel() {
    setCanceling(true);
    try {
      setJob(await cancelJob(jobId));
    } catch (e) {
      setError(e);
    } finally {
      setCanceling(false);
    }
  }

  const running = job && (job.status === "queued" || job.status === "running");
  // A render job makes one clip again: its page is that clip's editor.
  if (job?.kind === "render" && job.clip_id) return <Navigate replace to={`/clips/${job.clip_id}/edit`} />;

  return (
    <section aria-labelledby="job-title">
      <p className="crumbs">
        <Link to="/">My videos</Link> /{" "}
        {video.data && <><Link to={`/videos/${video.data.id}`}>{video.data.filename}</Link> /</>}
      </p>
      <h1 id="job-title">{running ? "Making your clips" : job?.status === "succeeded" ? "Your clips" : "Clips"}</h1>
      <ErrorMessage error={error} />
      {!job && !error && <p role="status">Loading…</p>}
      {job && running && <JobProgress job={job} mode={mode} canceling={canceling} onCancel={cancel} />}
      {job?.status === "failed" && (
        <div className="card">
          <p className="error" role="alert">This job failed: {job.error ?? "no reason given"}</p>
          <Link className="button" to={`/videos/${job.video_id}`}>Try other settings</Link>
        </div>
      )}
      {job?.status === "canceled" && (
        <div className="card">
          <p role="status">This job was canceled.</p>
          <Link className="button" to={`/videos/${job.video_id}`}>Start again</Link>
        </div>
      )}
      {job?.status === "succeeded" && !clips && !error && <p role="status">Loading clips…</p>}
      {clips && job?.transcript_engine && <p className="muted">Words by {job.transcript_engine}</p>}
      {clips && job?.notes?.map((note) => <p key={note} className="notice">{note}</p>)}
      {clips && <ClipResults clips={clips} />}
      {clips && video.data && <TranscriptPanel videoId={video.data.id} filename={video.data.filename} defaults={job?.settings} />}
    </section>
  );
}
