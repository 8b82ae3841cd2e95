#include "llm/llm_analyzer.h"

#include <fmt/format.h>

#include "analysis/heuristic_analyzer.h"
#include "llm/highlight_repair.h"
#include "llm/pricing.h"
#include "llm/prompt_windows.h"

namespace clipgen::llm {

using analysis::AnalysisRequest;
using analysis::AnalysisResult;
using analysis::Highlight;

LlmAnalyzer::LlmAnalyzer(std::unique_ptr<ModelClient> client, LlmOptions options)
    : client_(std::move(client)), options_(options) {}

std::string LlmAnalyzer::name() const { return client_->provider() + ":" + client_->model(); }

AnalysisResult LlmAnalyzer::analyze(const AnalysisRequest& request, const std::function<void(double)>& progress) {
  if (request.transcript.words.empty()) return analysis::HeuristicAnalyzer().analyze(request, progress);
  try {
    return analyze_with_model(request, progress);
  } catch (const std::exception& e) {
    if (options_.fallback == Fallback::fail) throw std::runtime_error(fmt::format("{} failed: {}", name(), e.what()));
    AnalysisResult result = analysis::HeuristicAnalyzer().analyze(request, progress);
    result.notes.insert(result.notes.begin(),
                        fmt::format("{} failed ({}); the built-in scorer picked these clips instead", name(), e.what()));
    return result;
  }
}

AnalysisResult LlmAnalyzer::analyze_with_model(const AnalysisRequest& request,
                                               const std::function<void(double)>& progress) {
  AnalysisResult result;
  const auto sentences = analysis::split_sentences(request.transcript, request.max_duration);
  const auto windows = split_windows(request.transcript, sentences, options_.window_chars, request.max_duration);
  std::vector<Highlight> proposed;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    auto found = ask(request, sentences, windows[i], result.usage);
    proposed.insert(proposed.end(), found.begin(), found.end());
    if (progress) progress(0.9 * static_cast<double>(i + 1) / static_cast<double>(windows.size()));
  }
  result.usage.cost_usd = cost_usd(client_->model(), result.usage.input_tokens, result.usage.output_tokens);

  const ClipLimits limits{request.min_duration, request.max_duration, request.num_clips};
  RepairReport report;
  result.highlights = repair_highlights(proposed, request.transcript, sentences, limits, report);
  if (report.invented + report.unfit > 0)
    result.notes.push_back(fmt::format("{} of the model's {} clips had unusable times and were dropped",
                                       report.invented + report.unfit, proposed.size()));
  if (static_cast<int>(result.highlights.size()) < request.num_clips) {
    const std::size_t from_model = result.highlights.size();
    // Ask the scorer for plenty: its best may overlap the model's picks.
    AnalysisRequest wider = request;
    wider.num_clips = request.num_clips * 4;
    const auto builtin = analysis::HeuristicAnalyzer().analyze(wider, nullptr);
    result.highlights = top_up(std::move(result.highlights), builtin.highlights, request.num_clips);
    if (result.highlights.size() > from_model)
      result.notes.push_back(fmt::format("the model offered {} usable clip{}; the built-in scorer added {}", from_model,
                                         from_model == 1 ? "" : "s", result.highlights.size() - from_model));
    if (static_cast<int>(result.highlights.size()) < request.num_clips)
      result.notes.push_back(fmt::format("only {} clips of {:g}-{:g} s fit this video without overlapping (asked for {})",
                                         result.highlights.size(), request.min_duration, request.max_duration,
                                         request.num_clips));
  }
  if (!known_price(client_->model()))
    result.notes.push_back(fmt::format("no list price known for {}: cost not counted", client_->model()));
  if (progress) progress(1.0);
  return result;
}

std::vector<Highlight> LlmAnalyzer::ask(const AnalysisRequest& request,
                                        const std::vector<analysis::Sentence>& sentences, const PromptWindow& window,
                                        analysis::LlmUsage& usage) {
  const Prompt prompt = highlight_prompt(request, sentences, window);
  const auto schema = highlight_schema();
  std::string problem;
  for (int attempt = 1; attempt <= options_.answer_attempts; ++attempt) {
    Completion completion;
    try {
      completion = client_->complete(prompt, schema);
    } catch (const net::ApiError& e) {
      // A key or request the API refuses, or an outage that outlasted the HTTP retries, will not
      // get better by asking again at once.
      if (e.kind != net::ApiError::Kind::bad_answer) throw;
      problem = e.what();
      continue;
    }
    usage.input_tokens += completion.input_tokens;
    usage.output_tokens += completion.output_tokens;
    std::vector<Highlight> highlights;
    try {
      highlights = parse_highlights(completion.text);
    } catch (const std::exception& e) {
      problem = fmt::format("the answer was not the asked-for JSON ({})", e.what());
      continue;
    }
    // All of the answer outside the video means the model made the times up: ask again.
    RepairReport report;
    const ClipLimits any_length{0, request.max_duration * 4, static_cast<int>(highlights.size())};
    if (!highlights.empty() && repair_highlights(highlights, request.transcript, sentences, any_length, report).empty()) {
      problem = fmt::format("all {} clips in the answer had times outside the video", highlights.size());
      continue;
    }
    return highlights;
  }
  throw net::ApiError(net::ApiError::Kind::bad_answer,
                      fmt::format("no usable answer after {} tries: {}", options_.answer_attempts, problem));
}

}  // namespace clipgen::llm
