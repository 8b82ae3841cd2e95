import { request, requestJson } from "./client";
import type { TranscriptFormat, Video } from "./types";

export async function listVideos(signal?: AbortSignal): Promise<Video[]> {
  return (await requestJson<{ videos: Video[] }>("/api/videos", { signal })).videos;
}

export async function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  return (await requestJson<{ video: Video }>(`/api/videos/${encodeURIComponent(id)}`, { signal })).video;
}

export async function deleteVideo(id: string): Promise<void> {
  await request(`/api/videos/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function getTranscript(id: string, format: TranscriptFormat, signal?: AbortSignal): Promise<Response> {
  return request(`/api/videos/${encodeURIComponent(id)}/transcript?format=${format}`, { signal });
}
