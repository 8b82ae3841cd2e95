// A labelled progress bar; `value` is 0..100, or null while the amount is unknown.
export function ProgressBar({ label, value }: { label: string; value: number | null }) {
  const percent = value == null ? null : Math.max(0, Math.min(100, value));
  return (
    <div
      className={"progress" + (percent == null ? " indeterminate" : "")}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent == null ? undefined : Math.round(percent)}
    >
      <div className="progress-fill" style={{ width: percent == null ? undefined : `${percent}%` }} />
    </div>
  );
}
