import { useState } from "react";
import { Link } from "react-router-dom";
import type { Video } from "../api/types";
import { deleteVideo, listVideos } from "../api/videos";
import { ErrorMessage } from "../components/ErrorMessage";
import { VideoCard } from "../components/VideoCard";
import { useAsync } from "../lib/useAsync";

export function DashboardPage() {
  const videos = useAsync((signal) => listVideos(signal), []);
  const [error, setError] = useState<unknown>(null);

  async function remove(video: Video) {
    if (!window.confirm(`Delete “${video.filename}” and all its clips?`)) return;
    try {
      await deleteVideo(video.id);
      videos.reload();
    } catch (e) {
      setError(e);
    }
  }

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
        {videos.data?.map((video) => <VideoCard key={video.id} video={video} onDelete={remove} />)}
      </ul>
    </section>
  );
}
