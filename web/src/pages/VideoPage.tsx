import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { createJob, listJobs } from "../api/jobs";
import type { JobSettings } from "../api/types";
import { getVideo } from "../api/videos";
import { ConfigureForm } from "../components/ConfigureForm";
import { ErrorMessage } from "../components/ErrorMessage";
import { GivenTranscriptField } from "../components/GivenTranscriptField";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes, formatDuration } from "../lib/format";
import { useAsync } from "../lib/useAsync";
import { JobList } from "../components/JobList";

// One video: what it is, the settings for a new set of clips, and the jobs run on it so far.
export function VideoPage() {
  const { videoId = "" } = useParams();
  const navigate = useNavigate();
  const justUploaded = (useLocation().state as { uploaded?: boolean } | null)?.uploaded;
  const video = useAsync((signal) => getVideo(videoId, signal), [videoId]);
  const jobs = useAsync((signal) => listJobs(videoId, signal), [videoId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function generate(settings: JobSettings) {
    setBusy(true);
    setError(null);
    try {
      const job = await createJob(videoId, settings);
      navigate(`/jobs/${job.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const v = video.data;
  const source = v?.width && v?.height ? { width: v.width, height: v.height } : undefined;

  return (
    <section aria-labelledby="video-title">
      <p className="crumbs"><Link to="/">My videos</Link> /</p>
      <ErrorMessage error={video.error} />
      {video.loading && !v && <p role="status">Loading…</p>}
      {v && (
        <>
          {justUploaded && <p className="notice" role="status">Uploaded. Choose how you want your clips.</p>}
          <div className="video-head">
            {v.thumbnail_url && <img className="video-head-thumb" src={v.thumbnail_url} alt="" />}
            <div>
              <h1 id="video-title">{v.filename}</h1>
              <p className="meta">
                <StatusBadge status={v.status} /> {formatDuration(v.duration_s)} · {formatBytes(v.size_bytes)}
                {source && ` · ${source.width}×${source.height}`}
                {v.has_audio === false && " · no audio track"}
              </p>
            </div>
          </div>
          <div className="card">
            <h2>Configure</h2>
            <GivenTranscriptField videoId={v.id} given={v.given_transcript ?? null} />
            <ConfigureForm source={source} busy={busy} serverError={error} onSubmit={generate} />
          </div>
          {(jobs.data?.length ?? 0) > 0 && (
            <div className="card">
              <h2>Earlier runs</h2>
              <JobList jobs={jobs.data ?? []} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
