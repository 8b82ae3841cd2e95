// The server's JSON as it is sent (src/api/json_mapping.cpp), and its mapping to the app's
// types. Field-name differences between the wire and the app are handled here and only here.
import type { Aspect, CaptionStyle, Clip, GivenTranscript, Job, Layout, Video } from "./types";

export interface WireVideo {
  id: string;
  filename: string;
  content_type?: string;
  size_bytes: number;
  duration: number | null;
  width?: number | null;
  height?: number | null;
  has_audio?: boolean;
  status: string;
  created_at: string;
  thumbnail_url?: string | null;
  given_transcript?: GivenTranscript | null;
}

export interface WireClip {
  id: string;
  job_id: string;
  video_id: string;
  number: number;
  start: number;
  end: number;
  duration: number;
  title: string;
  text: string;
  reason: string;
  score: number;
  hashtags?: string[];
  width?: number;
  height?: number;
  download_url: string | null; // null until a clip made by hand is first rendered
  thumbnail_url: string | null;
  version: number;
  aspect: Aspect;
  layout: Layout;
  captions: boolean;
  caption_style: CaptionStyle;
  origin: "job" | "manual";
  pending_job_id: string | null;
}

// Jobs travel as the app uses them.
export type WireJob = Job;

export function toVideo(w: WireVideo): Video {
  return {
    id: w.id,
    filename: w.filename,
    content_type: w.content_type,
    size_bytes: w.size_bytes,
    duration_s: w.duration,
    width: w.width,
    height: w.height,
    has_audio: w.has_audio,
    status: w.status,
    created_at: w.created_at,
    thumbnail_url: w.thumbnail_url ?? null,
    given_transcript: w.given_transcript ?? null,
  };
}

export function toClip(w: WireClip): Clip {
  return {
    id: w.id,
    job_id: w.job_id,
    video_id: w.video_id,
    clip_number: w.number,
    start_s: w.start,
    end_s: w.end,
    duration: w.duration,
    title: w.title,
    text: w.text,
    reason: w.reason,
    virality_score: w.score,
    hashtags: w.hashtags ?? [],
    width: w.width,
    height: w.height,
    download_url: w.download_url,
    thumbnail_url: w.thumbnail_url,
    version: w.version,
    aspect: w.aspect,
    layout: w.layout,
    captions: w.captions,
    caption_style: w.caption_style,
    origin: w.origin,
    pending_job_id: w.pending_job_id,
  };
}

export function toJob(w: WireJob): Job {
  return { ...w, notes: w.notes ?? [] };
}
