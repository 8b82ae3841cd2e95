import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { Aspects, DefaultSettings, SettingsLimits, type JobSettings } from "../api/types";
import { AspectPreview } from "./AspectPreview";
import { ErrorMessage } from "./ErrorMessage";
import { CaptionFields, LayoutField } from "./LookFields";

const lengthPresets: [number, number][] = [
  [15, 30],
  [20, 60],
  [60, 90],
];

const languages: [string, string][] = [
  ["en", "English"],
  ["es", "Spanish"],
  ["fr", "French"],
  ["de", "German"],
  ["it", "Italian"],
  ["pt", "Portuguese"],
  ["nl", "Dutch"],
  ["ja", "Japanese"],
  ["zh", "Chinese"],
  ["hi", "Hindi"],
];

// What is wrong with these settings, field by field, before asking the server.
export function validateSettings(s: JobSettings): Partial<Record<keyof JobSettings, string>> {
  const errors: Partial<Record<keyof JobSettings, string>> = {};
  const { maxClips, minSeconds, maxSeconds, maxPromptChars } = SettingsLimits;
  if (!Number.isInteger(s.num_clips) || s.num_clips < 1 || s.num_clips > maxClips)
    errors.num_clips = `Choose between 1 and ${maxClips} clips.`;
  if (!(s.min_duration >= minSeconds && s.min_duration <= maxSeconds))
    errors.min_duration = `Between ${minSeconds} and ${maxSeconds} seconds.`;
  if (!(s.max_duration >= minSeconds && s.max_duration <= maxSeconds))
    errors.max_duration = `Between ${minSeconds} and ${maxSeconds} seconds.`;
  else if (!errors.min_duration && s.min_duration >= s.max_duration)
    errors.max_duration = "Must be longer than the shortest length.";
  if (s.prompt.length > maxPromptChars) errors.prompt = `At most ${maxPromptChars} characters.`;
  return errors;
}

interface Props {
  source?: { width: number; height: number };
  busy?: boolean;
  serverError?: unknown;
  onSubmit: (settings: JobSettings) => void;
}

export function ConfigureForm({ source, busy, serverError, onSubmit }: Props) {
  const [s, setS] = useState<JobSettings>(DefaultSettings);
  const [errors, setErrors] = useState<ReturnType<typeof validateSettings>>({});
  const id = useId();
  const set = <K extends keyof JobSettings>(key: K, value: JobSettings[K]) => setS((old) => ({ ...old, [key]: value }));
  const fieldError = (key: keyof JobSettings) =>
    errors[key] ?? (serverError instanceof ApiError && serverError.field === key ? serverError.message : undefined);
  const describe = (key: keyof JobSettings) => (fieldError(key) ? `${id}-${key}-error` : undefined);
  const showError = (key: keyof JobSettings) =>
    fieldError(key) && (
      <p className="field-error" id={`${id}-${key}-error`}>
        {fieldError(key)}
      </p>
    );

  const numberField = (key: "num_clips" | "min_duration" | "max_duration", label: string, min: number, max: number) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        min={min}
        max={max}
        value={Number.isNaN(s[key]) ? "" : s[key]}
        aria-invalid={!!fieldError(key)}
        aria-describedby={describe(key)}
        onChange={(e) => set(key, e.target.valueAsNumber)}
      />
      {showError(key)}
    </div>
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateSettings(s);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ ...s, prompt: s.prompt.trim() });
  }

  return (
    <form className="configure" onSubmit={submit} aria-label="Clip settings">
      <fieldset>
        <legend>Clips</legend>
        <div className="row">
          {numberField("num_clips", "Number of clips", 1, SettingsLimits.maxClips)}
          {numberField("min_duration", "Shortest (seconds)", SettingsLimits.minSeconds, SettingsLimits.maxSeconds)}
          {numberField("max_duration", "Longest (seconds)", SettingsLimits.minSeconds, SettingsLimits.maxSeconds)}
        </div>
        <div className="chips" role="group" aria-label="Clip length presets">
          {lengthPresets.map(([min, max]) => (
            <button
              key={min}
              type="button"
              className="chip"
              aria-pressed={s.min_duration === min && s.max_duration === max}
              onClick={() => setS((old) => ({ ...old, min_duration: min, max_duration: max }))}
            >
              {min}–{max} s
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Frame</legend>
        <div className="aspect-options">
          {Aspects.map((aspect) => (
            <label key={aspect} className={"aspect-option" + (s.aspect === aspect ? " selected" : "")}>
              <input
                type="radio"
                name={`${id}-aspect`}
                value={aspect}
                aria-label={aspect === "original" ? "Original shape" : `Aspect ${aspect}`}
                checked={s.aspect === aspect}
                onChange={() => set("aspect", aspect)}
              />
              <AspectPreview aspect={aspect} source={source} />
            </label>
          ))}
        </div>
        {showError("aspect")}
        <LayoutField value={s.layout} error={fieldError("layout")} onChange={(layout) => set("layout", layout)} />
      </fieldset>

      <fieldset>
        <legend>Captions and language</legend>
        <div className="row">
          <CaptionFields
            captions={s.captions}
            style={s.caption_style}
            error={fieldError("caption_style")}
            onCaptions={(on) => set("captions", on)}
            onStyle={(style) => set("caption_style", style)}
          />
          <div className="field">
            <label htmlFor={`${id}-lang`}>Spoken language</label>
            <select
              id={`${id}-lang`}
              value={s.language}
              aria-describedby={describe("language")}
              onChange={(e) => set("language", e.target.value)}
            >
              {languages.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            {showError("language")}
          </div>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-prompt`}>What should the clips be about? (optional)</label>
        <textarea
          id={`${id}-prompt`}
          rows={2}
          maxLength={SettingsLimits.maxPromptChars}
          placeholder="find the funniest moments"
          value={s.prompt}
          aria-invalid={!!fieldError("prompt")}
          aria-describedby={describe("prompt")}
          onChange={(e) => set("prompt", e.target.value)}
        />
        {showError("prompt")}
      </div>

      {!(serverError instanceof ApiError && serverError.field && serverError.field in DefaultSettings) && (
        <ErrorMessage error={serverError} />
      )}
      <button type="submit" className="button primary big" disabled={busy}>
        {busy ? "Starting…" : "Generate clips"}
      </button>
    </form>
  );
}
