#pragma once
// Highlights picked by an LLM (Gemini or an OpenAI-compatible model): the transcript goes out in
// windows that fit the model's context, each answer is checked and repaired, too few clips are
// topped up by the built-in scorer, and a model that keeps failing either hands over to the
// built-in scorer or fails the job, as configured.
#include <memory>

#include "analysis/analyzer.h"
#include "llm/model_client.h"

namespace clipgen::llm {

enum class Fallback { heuristic, fail };

struct LlmOptions {
  // Prompt characters per window (about 4 per token): 400k fits a 128k-token context with room
  // for the answer.
  std::size_t window_chars = 400000;
  int answer_attempts = 3;  // tries per window when the answer is malformed or its times invented
  Fallback fallback = Fallback::heuristic;
};

class LlmAnalyzer final : public analysis::Analyzer {
 public:
  LlmAnalyzer(std::unique_ptr<ModelClient> client, LlmOptions options);
  analysis::AnalysisResult analyze(const analysis::AnalysisRequest& request,
                                   const std::function<void(double)>& progress) override;
  std::string name() const override;

 private:
  analysis::AnalysisResult analyze_with_model(const analysis::AnalysisRequest& request,
                                              const std::function<void(double)>& progress);
  std::vector<analysis::Highlight> ask(const analysis::AnalysisRequest& request,
                                       const std::vector<analysis::Sentence>& sentences, const PromptWindow& window,
                                       analysis::LlmUsage& usage);

  std::unique_ptr<ModelClient> client_;
  LlmOptions options_;
};

}  // namespace clipgen::llm
