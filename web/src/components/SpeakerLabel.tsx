import { speakerClass, speakerName } from "../lib/transcript";

// "Speaker N" where a turn starts, in the speaker's colour.
export function SpeakerLabel({ speaker }: { speaker: number }) {
  return <span className={`turn ${speakerClass(speaker)}`}>{speakerName(speaker)}</span>;
}
