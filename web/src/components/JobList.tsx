import { Link } from "react-router-dom";
import { isFinished, type Job } from "../api/types";
import { formatDate } from "../lib/format";
import { StatusBadge } from "./StatusBadge";

export function JobList({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return null;
  return (
    <ul className="job-list" aria-label="Jobs">
      {jobs.map((job) => (
        <li key={job.id}>
          <Link to={job.kind === "render" && job.clip_id ? `/clips/${job.clip_id}/edit` : `/jobs/${job.id}`}>
            <StatusBadge status={job.status} />{" "}
            {job.kind === "render"
              ? "A clip made again"
              : `${job.settings?.num_clips ? `${job.settings.num_clips} clips` : "Clips"}${job.settings?.aspect ? `, ${job.settings.aspect}` : ""}`}{" "}
            · {formatDate(job.created_at)}
            {!isFinished(job.status) && ` · ${Math.round(job.progress)}%`}
          </Link>
        </li>
      ))}
    </ul>
  );
}
