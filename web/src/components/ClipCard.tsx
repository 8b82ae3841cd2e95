import { Link } from "react-router-dom";
import type { Clip } from "../api/types";
import { clipFilename } from "../lib/download";
import { formatDuration, formatTimestamp } from "../lib/format";

export function scoreLevel(score: number): "high" | "mid" | "low" {
  return score >= 8 ? "high" : score >= 5 ? "mid" : "low";
}

const excerptChars = 180;

export function ClipCard({ clip }: { clip: Clip }) {
  const titleId = `clip-${clip.id}-title`;
  const excerpt = clip.text.length > excerptChars ? clip.text.slice(0, excerptChars).replace(/\s+\S*$/, "") + "…" : clip.text;
  return (
    <article className="clip-card card" aria-labelledby={titleId}>
      <div className="clip-media">
        {clip.download_url ? (
          <video
            controls
            preload="metadata"
            playsInline
            poster={clip.thumbnail_url ?? undefined}
            src={clip.download_url}
            aria-label={`Preview of ${clip.title}`}
            style={clip.width && clip.height ? { aspectRatio: `${clip.width} / ${clip.height}` } : undefined}
          />
        ) : (
          <p className="clip-unrendered">Not rendered yet</p>
        )}
        <span className={`score score-${scoreLevel(clip.virality_score)}`} title="Virality score, 1 to 10">
          <span className="visually-hidden">Score </span>
          {Number.isInteger(clip.virality_score) ? clip.virality_score : clip.virality_score.toFixed(1)}
          <span className="score-max">/10</span>
        </span>
      </div>
      <div className="clip-body">
        <h3 id={titleId}>
          <span className="clip-number">#{clip.clip_number}</span> {clip.title}
        </h3>
        <p className="meta">
          {formatDuration(clip.duration)} · from {formatTimestamp(clip.start_s)} to {formatTimestamp(clip.end_s)}
        </p>
        {clip.reason && <p className="reason"><strong>Why:</strong> {clip.reason}</p>}
        <blockquote className="excerpt">{excerpt}</blockquote>
        {clip.hashtags?.length > 0 && (
          <p className="hashtags">{clip.hashtags.map((tag) => (tag.startsWith("#") ? tag : "#" + tag)).join(" ")}</p>
        )}
        {clip.pending_job_id && <p className="notice small">Being made again after an edit: the file below is the one before it.</p>}
        <div className="actions clip-actions">
          {clip.download_url && (
            <a className="button primary" href={clip.download_url} download={clipFilename(clip.clip_number, clip.title)}>
              Download<span className="visually-hidden"> clip {clip.clip_number}</span> MP4
            </a>
          )}
          <Link className="button" to={`/clips/${clip.id}/edit`}>
            Edit<span className="visually-hidden"> clip {clip.clip_number}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}
