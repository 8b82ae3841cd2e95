import type { Aspect } from "../api/types";

// A small drawing of the output frame's shape next to the source's, so "9:16" means something
// at a glance. `source` is the video's width/height, used for "original" and for the overlay.
export function AspectPreview({ aspect, source }: { aspect: Aspect; source?: { width: number; height: number } }) {
  const ratio = frameRatio(aspect, source);
  const box = 64;
  const width = ratio >= 1 ? box : Math.round(box * ratio);
  const height = ratio >= 1 ? Math.round(box / ratio) : box;
  return (
    <figure className="aspect-preview" aria-hidden="true">
      <svg width={box} height={box} viewBox={`0 0 ${box} ${box}`}>
        <rect className="aspect-frame" x={(box - width) / 2} y={(box - height) / 2} width={width} height={height} rx="3" />
      </svg>
      <figcaption>{aspect === "original" ? "Original" : aspect}</figcaption>
    </figure>
  );
}

export function frameRatio(aspect: Aspect, source?: { width: number; height: number }): number {
  if (aspect === "original") return source && source.height > 0 ? source.width / source.height : 16 / 9;
  const [w, h] = aspect.split(":").map(Number);
  return w / h;
}
