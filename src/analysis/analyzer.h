#pragma once
// The seam where a user picks how highlights are found: the built-in scorer, Gemini, or an
// OpenAI-compatible LLM.
#include <functional>
#include <string>

#include "analysis/highlight.h"

namespace clipgen::analysis {

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  virtual AnalysisResult analyze(const AnalysisRequest& request,
                                 const std::function<void(double)>& progress) = 0;
  virtual std::string name() const = 0;
};

}  // namespace clipgen::analysis
