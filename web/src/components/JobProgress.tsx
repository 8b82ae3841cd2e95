import { useEffect, useRef, useState } from "react";
import type { WatchMode } from "../api/events";
import type { Job } from "../api/types";
import { formatDuration, formatRemaining } from "../lib/format";
import { remainingAtAveragePace } from "../lib/rate";
import { ProgressBar } from "./ProgressBar";

const stageNames: Record<string, string> = {
  queued: "Waiting for a worker",
  probe: "Reading the video",
  audio: "Extracting the audio",
  transcribe: "Transcribing speech",
  align: "Timing the fixed words",
  analyze: "Finding the best moments",
  render: "Rendering clips",
  publish: "Saving clips",
};

export function stageName(job: Job): string {
  if (job.status === "queued") return stageNames.queued;
  return (job.stage && stageNames[job.stage]) ?? job.stage ?? "Starting";
}

interface Props {
  job: Job;
  mode: WatchMode | null;
  canceling: boolean;
  onCancel: () => void;
}

// Stage, percent, time so far and an estimate of the time left, ticking every second.
export function JobProgress({ job, mode, canceling, onCancel }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const opened = useRef(Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const started = job.started_at ? Date.parse(job.started_at) : NaN;
  const elapsed = (now - (Number.isNaN(started) ? opened.current : started)) / 1000;
  const remaining = job.status === "running" ? remainingAtAveragePace(elapsed, job.progress) : null;

  return (
    <div className="card job-progress">
      <h2 aria-live="polite">{stageName(job)}</h2>
      <ProgressBar label="Job progress" value={job.status === "queued" ? null : job.progress} />
      <dl className="stats">
        <div>
          <dt>Done</dt>
          <dd>{Math.floor(job.progress)}%</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{formatDuration(Math.max(0, elapsed))}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{job.status === "queued" ? "–" : formatRemaining(remaining)}</dd>
        </div>
      </dl>
      <p className="muted small">{mode === "live" ? "Live updates" : mode === "polling" ? "Checking every few seconds" : "Connecting…"}</p>
      <button type="button" className="button" onClick={onCancel} disabled={canceling}>
        {canceling ? "Canceling…" : "Cancel job"}
      </button>
    </div>
  );
}
