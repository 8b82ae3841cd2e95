#include "llm/pricing.h"

#include <map>

namespace clipgen::llm {

namespace {

// List prices, standard tier (ai.google.dev/pricing, openai.com/api/pricing): text input,
// output, and Gemini's audio input where it differs.
const std::map<std::string, TokenPrice>& prices() {
  static const std::map<std::string, TokenPrice> table = {
      {"gemini-2.5-flash-lite", {0.10, 0.40, 0.30}},
      {"gemini-2.5-flash", {0.30, 2.50, 1.00}},
      {"gemini-2.5-pro", {1.25, 10.00}},
      {"gemini-2.0-flash", {0.10, 0.40, 0.70}},
      {"gemini-2.0-flash-lite", {0.075, 0.30}},
      {"gpt-4o-mini", {0.15, 0.60}},
      {"gpt-4o", {2.50, 10.00}},
      {"gpt-4.1-mini", {0.40, 1.60}},
      {"gpt-4.1-nano", {0.10, 0.40}},
      {"gpt-4.1", {2.00, 8.00}},
  };
  return table;
}

}  // namespace

bool known_price(const std::string& model) { return prices().contains(model); }

double cost_usd(const std::string& model, long long input_tokens, long long output_tokens, long long audio_tokens) {
  const auto it = prices().find(model);
  if (it == prices().end()) return 0;
  const TokenPrice& price = it->second;
  const double audio_price = price.audio_input_per_million > 0 ? price.audio_input_per_million : price.input_per_million;
  return (static_cast<double>(input_tokens - audio_tokens) * price.input_per_million +
          static_cast<double>(audio_tokens) * audio_price + static_cast<double>(output_tokens) * price.output_per_million) /
         1e6;
}

}  // namespace clipgen::llm
