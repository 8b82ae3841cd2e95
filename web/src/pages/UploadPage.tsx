import { useId, useRef, useState, type DragEvent } from "react";
import { useNavigate } from "react-router-dom";
import { isAbort } from "../api/events";
import { uploadVideo } from "../api/uploads";
import { ErrorMessage } from "../components/ErrorMessage";
import { ProgressBar } from "../components/ProgressBar";
import { formatBytes, formatRate, formatRemaining } from "../lib/format";
import { RateMeter } from "../lib/rate";

interface Transfer {
  file: File;
  loaded: number;
  rate: number | null;
  remaining: number | null;
}

export function UploadPage() {
  const navigate = useNavigate();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState("");
  const controller = useRef<AbortController | null>(null);

  async function start(file: File) {
    setError(null);
    setNotice("");
    const abort = new AbortController();
    controller.current = abort;
    const meter = new RateMeter();
    meter.add(performance.now(), 0);
    setTransfer({ file, loaded: 0, rate: null, remaining: null });
    try {
      const video = await uploadVideo(file, {
        signal: abort.signal,
        onProgress: ({ loaded, total }) => {
          meter.add(performance.now(), loaded);
          setTransfer({ file, loaded, rate: meter.rate(), remaining: meter.remaining(total) });
        },
      });
      navigate(`/videos/${video.id}`, { state: { uploaded: true } });
    } catch (e) {
      setTransfer(null);
      if (isAbort(e)) setNotice("Upload canceled.");
      else setError(e);
    } finally {
      controller.current = null;
    }
  }

  function pick(files: FileList | null) {
    const file = files?.[0];
    if (file && !transfer) void start(file);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files);
  }

  const percent = transfer ? (transfer.file.size > 0 ? (100 * transfer.loaded) / transfer.file.size : 100) : 0;

  return (
    <section aria-labelledby="upload-title">
      <h1 id="upload-title">Upload a video</h1>
      <p className="muted">A podcast, interview, lecture or stream with people talking. MP4, MOV, MKV or WebM.</p>
      {!transfer && (
        <label
          htmlFor={inputId}
          className={"dropzone" + (dragging ? " dragging" : "")}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <span className="dropzone-icon" aria-hidden="true">⬆</span>
          <span className="dropzone-title">Drag and drop a video here</span>
          <span className="muted">or <span className="link-like">choose a file</span></span>
          <input
            id={inputId}
            className="visually-hidden-input"
            type="file"
            accept="video/*,.mkv,.mov,.mp4,.webm"
            aria-label="Choose a video file"
            onChange={(e) => pick(e.target.files)}
          />
        </label>
      )}
      {transfer && (
        <div className="card upload-progress">
          <p className="upload-name">
            <strong>{transfer.file.name}</strong> <span className="muted">{formatBytes(transfer.file.size)}</span>
          </p>
          <ProgressBar label="Upload progress" value={percent} />
          <p className="upload-stats" aria-live="polite">
            <span>{Math.floor(percent)}%</span>
            <span>{formatBytes(transfer.loaded)} of {formatBytes(transfer.file.size)}</span>
            <span>{formatRate(transfer.rate)}</span>
            <span>{percent >= 100 ? "Finishing…" : formatRemaining(transfer.remaining)}</span>
          </p>
          <button type="button" className="button" onClick={() => controller.current?.abort()}>
            Cancel upload
          </button>
        </div>
      )}
      {notice && <p className="notice" role="status">{notice}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
