import { useId, useState } from "react";
import type { Clip } from "../api/types";
import { ClipCard } from "./ClipCard";

export type ClipOrder = "score" | "time";

export function sortClips(clips: Clip[], order: ClipOrder): Clip[] {
  const sorted = [...clips];
  if (order === "score") sorted.sort((a, b) => b.virality_score - a.virality_score || a.clip_number - b.clip_number);
  else sorted.sort((a, b) => a.start_s - b.start_s);
  return sorted;
}

export function ClipResults({ clips }: { clips: Clip[] }) {
  const [order, setOrder] = useState<ClipOrder>("score");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <h2 id={`${id}-title`}>{clips.length === 1 ? "1 clip" : `${clips.length} clips`}</h2>
        <div className="field inline">
          <label htmlFor={`${id}-order`}>Sort by</label>
          <select id={`${id}-order`} value={order} onChange={(e) => setOrder(e.target.value as ClipOrder)}>
            <option value="score">Score, best first</option>
            <option value="time">Time in the video</option>
          </select>
        </div>
      </div>
      {clips.length === 0 && <p className="empty card">No part of the video fitted these settings. Try shorter clips or fewer of them.</p>}
      <div className="clip-grid">
        {sortClips(clips, order).map((clip) => (
          <ClipCard key={clip.id} clip={clip} />
        ))}
      </div>
    </section>
  );
}
