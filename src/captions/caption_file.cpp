#include "captions/caption_file.h"

#include <fstream>
#include <stdexcept>

#include "captions/ass_document.h"
#include "captions/cue_grouping.h"

namespace clipgen::captions {

void write_captions(const std::filesystem::path& path, const std::vector<speech::Word>& words,
                    const CaptionStyle& style, const Frame& frame, const std::vector<Keepout>& keepouts) {
  GroupingRules rules;
  rules.max_chars = line_chars(style, frame);
  const std::string doc = ass_document(group_words(words, rules), style, frame, keepouts);
  std::ofstream out(path, std::ios::binary);
  out << doc;
  if (!out.flush()) throw std::runtime_error("cannot write captions to " + path.string());
}

}  // namespace clipgen::captions
