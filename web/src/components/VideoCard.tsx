import { Link } from "react-router-dom";
import { listClips, listJobs } from "../api/jobs";
import type { Video } from "../api/types";
import { formatBytes, formatDate, formatDuration } from "../lib/format";
import { useAsync } from "../lib/useAsync";
import { ErrorMessage } from "./ErrorMessage";
import { JobList } from "./JobList";
import { StatusBadge } from "./StatusBadge";

// One video on the dashboard: what it is, its jobs, and as its picture the video's own
// thumbnail or else the best clip of its latest finished job.
export function VideoCard({ video, onDelete }: { video: Video; onDelete: (video: Video) => void }) {
  const details = useAsync(
    async (signal) => {
      const jobs = await listJobs(video.id, signal);
      const done = jobs.find((j) => j.status === "succeeded" && j.kind !== "render");
      const cover = video.thumbnail_url ?? (done ? (await listClips(done.id, signal))[0]?.thumbnail_url : undefined) ?? undefined;
      return { jobs, cover };
    },
    [video.id, video.thumbnail_url],
  );
  const cover = details.data?.cover ?? video.thumbnail_url;

  return (
    <li className="video-card card">
      <Link to={`/videos/${video.id}`} className="video-thumb" aria-hidden="true" tabIndex={-1}>
        {cover ? <img src={cover} alt="" loading="lazy" /> : <span className="thumb-placeholder">▶</span>}
      </Link>
      <div className="video-body">
        <h2 className="video-title">
          <Link to={`/videos/${video.id}`}>{video.filename}</Link>
        </h2>
        <p className="meta">
          <StatusBadge status={video.status} /> <span>{formatDuration(video.duration_s)}</span> ·{" "}
          <span>{formatBytes(video.size_bytes)}</span> · <span>{formatDate(video.created_at)}</span>
        </p>
        <ErrorMessage error={details.error} />
        <JobList jobs={details.data?.jobs ?? []} />
        <div className="actions">
          <Link className="button" to={`/videos/${video.id}`}>Make clips</Link>
          <button type="button" className="button ghost danger" onClick={() => onDelete(video)} aria-label={`Delete ${video.filename}`}>
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
