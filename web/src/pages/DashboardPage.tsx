import { Link } from "react-router-dom";
import { listJobs } from "../api/jobs";
import { isFinished, type Job, type Video } from "../api/types";
import { deleteVideo, listVideos } from "../api/videos";
import { ErrorMessage } from "../components/ErrorMessage";
import { StatusBadge } from "../components/StatusBadge";
import { formatBytes, formatDate, formatDuration } from "../lib/format";
import { useAsync } from "../lib/useAsync";
import { useState } from "react";

export function DashboardPage() {
  const videos = useAsync((signal) => listVideos(signal), []);
  const jobs = useAsync((signal) => listJobs(undefined, signal), []);
  const [error, setError] = useState<unknown>(null);

  async function remove(video: Video) {
    if (!window.confirm(`Delete “${video.filename}” and all its clips?`)) return;
    try {
      await deleteVideo(video.id);
      videos.reload();
      jobs.reload();
    } catch (e) {
      setError(e);
    }
  }

  const jobsOf = (video: Video) => (jobs.data ?? []).filter((j) => j.video_id === video.id);

  return (
    <section aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">My videos</h1>
        <Link className="button primary" to="/upload">Upload a video</Link>
      </div>
      <ErrorMessage error={videos.error ?? error} />
      {videos.loading && !videos.data && <p role="status">Loading your videos…</p>}
      {videos.data?.length === 0 && (
        <div className="empty card">
          <p>No videos yet. Upload a podcast, interview or talk and get short clips back.</p>
          <Link className="button primary" to="/upload">Upload your first video</Link>
        </div>
      )}
      <ul className="video-list">
        {videos.data?.map((video) => (
          <li key={video.id} className="video-card card">
            <Link to={`/videos/${video.id}`} className="video-thumb" aria-hidden="true" tabIndex={-1}>
              {video.thumbnail_url ? <img src={video.thumbnail_url} alt="" loading="lazy" /> : <span className="thumb-placeholder">▶</span>}
            </Link>
            <div className="video-body">
              <h2 className="video-title">
                <Link to={`/videos/${video.id}`}>{video.filename}</Link>
              </h2>
              <p className="meta">
                <StatusBadge status={video.status} /> <span>{formatDuration(video.duration_s)}</span> ·{" "}
                <span>{formatBytes(video.size_bytes)}</span> · <span>{formatDate(video.created_at)}</span>
              </p>
              <JobList jobs={jobsOf(video)} />
              <div className="actions">
                <Link className="button" to={`/videos/${video.id}`}>Make clips</Link>
                <button type="button" className="button ghost danger" onClick={() => remove(video)} aria-label={`Delete ${video.filename}`}>
                  Delete
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function JobList({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return null;
  return (
    <ul className="job-list" aria-label="Jobs">
      {jobs.map((job) => (
        <li key={job.id}>
          <Link to={`/jobs/${job.id}`}>
            <StatusBadge status={job.status} />{" "}
            {job.settings?.num_clips ? `${job.settings.num_clips} clips` : "Clips"}
            {job.settings?.aspect ? `, ${job.settings.aspect}` : ""} · {formatDate(job.created_at)}
            {!isFinished(job.status) && ` · ${Math.round(job.progress)}%`}
          </Link>
        </li>
      ))}
    </ul>
  );
}
