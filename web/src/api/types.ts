// The app's view of clipgen's resources. wire.ts maps the server's JSON onto these.

export interface User {
  id: string;
  email: string;
  created_at?: string;
}

export type VideoStatus = "uploading" | "uploaded" | "ready" | "processing" | "failed" | string;

export interface Video {
  id: string;
  filename: string;
  content_type?: string;
  size_bytes: number;
  duration_s: number | null;
  width?: number | null;
  height?: number | null;
  has_audio?: boolean;
  status: VideoStatus;
  created_at: string;
  thumbnail_url?: string | null;
  given_transcript?: GivenTranscript | null;
}

// The user's own words for a video (PUT /api/videos/{id}/transcript): later jobs time these
// instead of recognising speech.
export interface GivenTranscript {
  kind: "srt" | "vtt" | "json" | "text";
  words: number;
  created_at: string;
}

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "canceled";

export const Aspects = ["9:16", "1:1", "16:9", "original"] as const;
export type Aspect = (typeof Aspects)[number];
// auto: split when two people on screen both speak in the clip, fill when one speaks, fit when
// nobody is in the picture; fill: crop to whoever is speaking, cutting at each change of turn;
// split: two people stacked, each cropped around their face, the one talking marked; fit: the
// whole picture over a blurred background.
export const Layouts = ["auto", "fill", "split", "fit"] as const;
export type Layout = (typeof Layouts)[number];
// speakers: as bold, each speaker's words (labelled in a conversation) in their own colour.
export const CaptionStyles = ["bold", "boxed", "pop", "minimal", "speakers"] as const;
export type CaptionStyle = (typeof CaptionStyles)[number];

export interface JobSettings {
  num_clips: number;
  min_duration: number;
  max_duration: number;
  aspect: Aspect;
  layout: Layout;
  captions: boolean;
  caption_style: CaptionStyle;
  language: string;
  prompt: string;
}

// The server's limits (src/jobs/settings_validation.h), checked here too so the form can say
// what is wrong before a round trip.
export const SettingsLimits = { maxClips: 20, minSeconds: 5, maxSeconds: 180, maxPromptChars: 2000 } as const;

export const DefaultSettings: JobSettings = {
  num_clips: 5,
  min_duration: 20,
  max_duration: 60,
  aspect: "9:16",
  layout: "auto",
  captions: true,
  caption_style: "bold",
  language: "en",
  prompt: "",
};

// "process": a whole video made into clips; "render": one clip made again after an edit, or a
// clip made by hand (clip_id names it).
export type JobKind = "process" | "render";

export interface Job {
  id: string;
  video_id: string;
  kind?: JobKind;
  clip_id?: string | null;
  status: JobStatus;
  stage: string | null;
  progress: number;
  error: string | null;
  notes?: string[]; // e.g. "only 3 clips of 20-60 s fit this video"
  transcript_engine?: string | null; // which engine made the words: "gemini:gemini-2.5-flash-lite", "pocketsphinx", ...
  settings?: Partial<JobSettings>;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface Clip {
  id: string;
  job_id: string;
  video_id: string;
  clip_number: number;
  start_s: number;
  end_s: number;
  duration: number;
  title: string;
  text: string;
  reason: string;
  virality_score: number;
  hashtags: string[];
  width?: number;
  height?: number;
  download_url: string | null; // null until a clip made by hand is first rendered
  thumbnail_url: string | null;
  version: number; // goes up each time the clip is rendered again
  aspect: Aspect;
  layout: Layout;
  captions: boolean;
  caption_style: CaptionStyle;
  origin: "job" | "manual"; // found by a job, or made by hand
  pending_job_id: string | null; // a render queued or running for this clip
}

// What an edit may change (PATCH /api/clips/{id}); `snap` moves the times to the nearest pause
// between words (the server's default).
export interface ClipEdit {
  aspect?: Aspect;
  start?: number;
  end?: number;
  title?: string;
  captions?: boolean;
  caption_style?: CaptionStyle;
  layout?: Layout;
  snap?: boolean;
}

// A clip made by hand (POST /api/videos/{id}/clips).
export interface NewClip {
  start: number;
  end: number;
  aspect: Aspect;
  layout: Layout;
  captions: boolean;
  caption_style: CaptionStyle;
  title?: string;
}

// A run of transcript words replaced by new text: [start, end) word indexes into the
// transcript as it was before any of the edits sent with it.
export interface WordEdit {
  start: number;
  end: number;
  text: string;
}

export type TranscriptFormat = "json" | "srt" | "vtt";

export function isFinished(status: JobStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "canceled";
}
