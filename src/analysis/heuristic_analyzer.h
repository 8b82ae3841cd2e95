#pragma once
// The built-in highlight finder: no network, no key. Sentences, candidate windows, features,
// scores and a non-overlapping pick.
#include "analysis/analyzer.h"

namespace clipgen::analysis {

class HeuristicAnalyzer final : public Analyzer {
 public:
  AnalysisResult analyze(const AnalysisRequest& request, const std::function<void(double)>& progress) override;
  std::string name() const override { return "heuristic"; }
};

}  // namespace clipgen::analysis
