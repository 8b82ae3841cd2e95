import { useId } from "react";
import { Aspects, CaptionStyles, Layouts, type Aspect, type CaptionStyle, type Layout } from "../api/types";

const layoutHelp: Record<Layout, string> = {
  auto: "Follow the speaker's face when there is one, else fit",
  fill: "Crop to fill the frame",
  fit: "Whole picture over a blurred background",
};

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p className="field-error" id={id}>{error}</p> : null;
}

// The clip's frame shape, as a compact choice (the configure form draws each to scale).
export function AspectField({ value, error, onChange }: { value: Aspect; error?: string; onChange: (aspect: Aspect) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-aspect`}>Frame</label>
      <select
        id={`${id}-aspect`}
        value={value}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value as Aspect)}
      >
        {Aspects.map((aspect) => (
          <option key={aspect} value={aspect}>{aspect === "original" ? "Original shape" : aspect}</option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

// How the picture fills the clip's frame; used where a job is configured and where a clip is edited.
export function LayoutField({ value, error, onChange }: { value: Layout; error?: string; onChange: (layout: Layout) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-layout`}>Layout</label>
      <select
        id={`${id}-layout`}
        value={value}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value as Layout)}
      >
        {Layouts.map((layout) => (
          <option key={layout} value={layout}>
            {capitalised(layout)} — {layoutHelp[layout]}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

interface CaptionProps {
  captions: boolean;
  style: CaptionStyle;
  error?: string; // about the style
  onCaptions: (on: boolean) => void;
  onStyle: (style: CaptionStyle) => void;
}

// Burned-in captions on or off, and their style.
export function CaptionFields({ captions, style, error, onCaptions, onStyle }: CaptionProps) {
  const id = useId();
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={captions} onChange={(e) => onCaptions(e.target.checked)} /> Burn in captions
      </label>
      <div className="field">
        <label htmlFor={`${id}-style`}>Caption style</label>
        <select
          id={`${id}-style`}
          value={style}
          disabled={!captions}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onStyle(e.target.value as CaptionStyle)}
        >
          {CaptionStyles.map((s) => (
            <option key={s} value={s}>
              {capitalised(s)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </>
  );
}
