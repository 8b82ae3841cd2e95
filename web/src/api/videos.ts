import { request, requestJson } from "./client";
import type { GivenTranscript, TranscriptFormat, Video, WordEdit } from "./types";
import type { TranscriptJson } from "../lib/transcript";
import { toVideo, type WireVideo } from "./wire";

export async function listVideos(signal?: AbortSignal): Promise<Video[]> {
  return (await requestJson<{ videos: WireVideo[] }>("/api/videos", { signal })).videos.map(toVideo);
}

export async function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  return toVideo((await requestJson<{ video: WireVideo }>(`/api/videos/${encodeURIComponent(id)}`, { signal })).video);
}

export async function deleteVideo(id: string): Promise<void> {
  await request(`/api/videos/${encodeURIComponent(id)}`, { method: "DELETE" });
}

// The uploaded video itself (a redirect to its file; byte ranges work), for the clip editor.
export function sourceVideoUrl(id: string): string {
  return `/api/videos/${encodeURIComponent(id)}/download`;
}

export async function getTranscriptJson(id: string, signal?: AbortSignal): Promise<TranscriptJson> {
  return (await (await getTranscript(id, "json", signal)).json()) as TranscriptJson;
}

// Word corrections, by index into the words as read at `wordsRevision`; answers the transcript
// as it is after them.
export async function editTranscript(id: string, edits: WordEdit[], wordsRevision?: string): Promise<TranscriptJson> {
  const path = `/api/videos/${encodeURIComponent(id)}/transcript`;
  const body = wordsRevision === undefined ? { edits } : { edits, words_revision: wordsRevision };
  return requestJson<TranscriptJson>(path, { method: "PATCH", body });
}

export async function getTranscript(id: string, format: TranscriptFormat, signal?: AbortSignal): Promise<Response> {
  return request(`/api/videos/${encodeURIComponent(id)}/transcript?format=${format}`, { signal });
}

// The kind by the file's extension; the server sniffs plain text for captions too.
export function transcriptContentType(filename: string): string {
  const extension = filename.toLowerCase().split(".").pop();
  if (extension === "srt") return "application/x-subrip";
  if (extension === "vtt") return "text/vtt";
  if (extension === "json") return "application/json";
  return "text/plain";
}

// Gives the video the user's own transcript or captions (replacing any given before).
export async function putGivenTranscript(id: string, file: File): Promise<GivenTranscript> {
  const path = `/api/videos/${encodeURIComponent(id)}/transcript`;
  const answer = await requestJson<{ given_transcript: GivenTranscript }>(path, {
    method: "PUT",
    body: file,
    contentType: transcriptContentType(file.name),
  });
  return answer.given_transcript;
}

export async function deleteGivenTranscript(id: string): Promise<void> {
  await request(`/api/videos/${encodeURIComponent(id)}/transcript`, { method: "DELETE" });
}
