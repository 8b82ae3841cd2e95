import { useId } from "react";
import { Aspects, CaptionStyles, Layouts, type Aspect, type CaptionStyle, type Layout } from "../api/types";

const layoutHelp: Record<Layout, string> = {
  auto: "Split for two people talking, else follow whoever speaks; fit when nobody is in the picture",
  fill: "Crop to whoever is speaking; cuts between speakers",
  split: "Two people stacked, the one talking marked",
  fit: "Whole picture over a blurred background",
};

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p className="field-error" id={id}>{error}</p> : null;
}

interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  describe: (option: T) => string;
  error?: string;
  onChange: (value: T) => void;
}

function ChoiceField<T extends string>({ label, value, options, describe, error, onChange }: ChoiceProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-choice`}>{label}</label>
      <select
        id={`${id}-choice`}
        value={value}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>{describe(option)}</option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

// The clip's frame shape, as a compact choice (the configure form draws each to scale).
export function AspectField(props: { value: Aspect; error?: string; onChange: (aspect: Aspect) => void }) {
  return <ChoiceField label="Frame" options={Aspects} describe={(a) => (a === "original" ? "Original shape" : a)} {...props} />;
}

// How the picture fills the clip's frame; used where a job is configured and where a clip is edited.
export function LayoutField(props: { value: Layout; error?: string; onChange: (layout: Layout) => void }) {
  return <ChoiceField label="Layout" options={Layouts} describe={(l) => `${capitalised(l)} — ${layoutHelp[l]}`} {...props} />;
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
              {s === "speakers" ? " — each person's words in their own colour" : ""}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </>
  );
}
