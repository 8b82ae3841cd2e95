#pragma once
// What a model's tokens cost, from the providers' published list prices (USD per million
// tokens); unknown models cost 0 and say so through known_price. Pure.
#include <string>

namespace clipgen::llm {

struct TokenPrice {
  double input_per_million = 0;
  double output_per_million = 0;
  double audio_input_per_million = 0;  // 0: audio costs what text does
};

bool known_price(const std::string& model);
// `audio_tokens` are the part of `input_tokens` that was audio.
double cost_usd(const std::string& model, long long input_tokens, long long output_tokens, long long audio_tokens = 0);

}  // namespace clipgen::llm
