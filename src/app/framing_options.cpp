#include "app/framing_options.h"

#include "captions/caption_style.h"

namespace clipgen::app {

void add_framing_options(CLI::App& command, jobs::ClipSettings& settings) {
  command.add_option("--aspect", settings.aspect, "Output shape: 9:16, 1:1, 16:9 or original")
      ->envname("CLIPGEN_ASPECT")->capture_default_str();
  command.add_option("--layout", settings.layout,
                     "fill (crop to whoever talks, cutting between people), split (two people, a half each, "
                     "the talker marked), fit (whole frame over a blurred copy), auto (split when two people "
                     "talk, fill when one does, fit when nobody is in the picture)")
      ->envname("CLIPGEN_LAYOUT")->capture_default_str();
  command.add_flag("--captions,!--no-captions", settings.captions, "Burn word-by-word captions into the clips")
      ->envname("CLIPGEN_CAPTIONS");
  command.add_option("--caption-style", settings.caption_style, "Caption look: " + captions::style_names())
      ->envname("CLIPGEN_CAPTION_STYLE")->capture_default_str();
  command.add_option("--language", settings.language, "Spoken language code")
      ->envname("CLIPGEN_LANGUAGE")->capture_default_str();
  command.add_option("--audio-track", settings.audio_track,
                     "Audio track to listen to and carry into the clips, 1-based as `clipgen probe` lists them "
                     "(default: the one with the most speech)")
      ->envname("CLIPGEN_AUDIO_TRACK")->check(CLI::NonNegativeNumber);
}

}  // namespace clipgen::app
