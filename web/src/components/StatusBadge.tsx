const labels: Record<string, string> = {
  queued: "Queued",
  running: "Processing",
  succeeded: "Done",
  failed: "Failed",
  canceled: "Canceled",
  uploaded: "Uploaded",
  ready: "Ready",
  processing: "Processing",
  uploading: "Uploading",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{labels[status] ?? status}</span>;
}
