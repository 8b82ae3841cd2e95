import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { handleBounds, type ClipRange, type Handle } from "../lib/clipRange";
import { formatPreciseTime } from "../lib/format";

interface Props {
  range: ClipRange;
  // The stretch of the video the track shows (always holding the range).
  view: ClipRange;
  videoDuration: number;
  playhead: number | null;
  onMove: (handle: Handle, to: number) => void;
}

const handleNames: Record<Handle, string> = { start: "Clip start", end: "Clip end" };

// Keys as for any slider (WAI-ARIA APG): arrows 0.1 s, Page Up/Down 1 s, Home/End as far as
// the limits allow.
function keyTarget(key: string, value: number, bounds: { min: number; max: number }): number | null {
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return value - 0.1;
    case "ArrowRight":
    case "ArrowUp":
      return value + 0.1;
    case "PageDown":
      return value - 1;
    case "PageUp":
      return value + 1;
    case "Home":
      return bounds.min;
    case "End":
      return bounds.max;
    default:
      return null;
  }
}

// The source video's timeline around the clip: the selection between two handles, each a
// slider that follows the pointer or the keys, and where the player is.
export function Timeline({ range, view, videoDuration, playhead, onMove }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const span = Math.max(view.end - view.start, 0.001);
  const percent = (t: number) => `${((Math.min(view.end, Math.max(view.start, t)) - view.start) / span) * 100}%`;

  function timeAt(clientX: number): number {
    const box = track.current!.getBoundingClientRect();
    const share = box.width > 0 ? (clientX - box.left) / box.width : 0;
    return view.start + Math.min(1, Math.max(0, share)) * span;
  }

  function startDrag(e: PointerEvent<HTMLDivElement>) {
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture?.(e.pointerId);
  }

  function drag(handle: Handle, e: PointerEvent<HTMLDivElement>) {
    // Buttons pressed: a drag, not a hover.
    if (e.buttons === 0 && e.pointerType !== "touch") return;
    onMove(handle, timeAt(e.clientX));
  }

  function key(handle: Handle, e: KeyboardEvent<HTMLDivElement>) {
    const to = keyTarget(e.key, range[handle], handleBounds(range, handle, videoDuration));
    if (to === null) return;
    e.preventDefault();
    onMove(handle, to);
  }

  const slider = (handle: Handle) => {
    const bounds = handleBounds(range, handle, videoDuration);
    return (
      <div
        role="slider"
        tabIndex={0}
        className={`timeline-handle timeline-${handle}`}
        aria-label={handleNames[handle]}
        aria-valuemin={bounds.min}
        aria-valuemax={bounds.max}
        aria-valuenow={range[handle]}
        aria-valuetext={formatPreciseTime(range[handle])}
        style={{ left: percent(range[handle]) }}
        onPointerDown={startDrag}
        onPointerMove={(e) => drag(handle, e)}
        onKeyDown={(e) => key(handle, e)}
      />
    );
  };

  return (
    <div className="timeline">
      <div className="timeline-track" ref={track} data-testid="timeline-track">
        <div className="timeline-selection" style={{ left: percent(range.start), width: `calc(${percent(range.end)} - ${percent(range.start)})` }} />
        {playhead !== null && <div className="timeline-playhead" aria-hidden="true" style={{ left: percent(playhead) }} />}
        {slider("start")}
        {slider("end")}
      </div>
      <div className="timeline-scale muted small" aria-hidden="true">
        <span>{formatPreciseTime(view.start)}</span>
        <span>{formatPreciseTime(view.end)}</span>
      </div>
    </div>
  );
}
