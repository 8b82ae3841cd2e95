#include "media/filter_chain.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>
}

#include <fmt/format.h>

namespace clipgen::media {
namespace {

struct InOutDeleter {
  void operator()(AVFilterInOut* io) const { avfilter_inout_free(&io); }
};
using InOutPtr = std::unique_ptr<AVFilterInOut, InOutDeleter>;

std::string source_args(const AVCodecContext* dec, AVRational tb) {
  if (dec->codec_type == AVMEDIA_TYPE_VIDEO) {
    const AVRational sar = dec->sample_aspect_ratio.num ? dec->sample_aspect_ratio : AVRational{1, 1};
    return fmt::format("video_size={}x{}:pix_fmt={}:time_base={}/{}:pixel_aspect={}/{}", dec->width, dec->height,
                       static_cast<int>(dec->pix_fmt), tb.num, tb.den, sar.num, sar.den);
  }
  char layout[128] = {};
  av_channel_layout_describe(&dec->ch_layout, layout, sizeof layout);
  return fmt::format("time_base={}/{}:sample_rate={}:sample_fmt={}:channel_layout={}", tb.num, tb.den,
                     dec->sample_rate, av_get_sample_fmt_name(dec->sample_fmt), layout);
}

}  // namespace

FilterChain::FilterChain(const AVCodecContext* dec, AVRational tb, const std::string& description, int threads)
    : graph_(avfilter_graph_alloc()) {
  if (!graph_) throw std::bad_alloc();
  graph_->nb_threads = threads;
  const bool video = dec->codec_type == AVMEDIA_TYPE_VIDEO;
  check_av(avfilter_graph_create_filter(&source_, avfilter_get_by_name(video ? "buffer" : "abuffer"), "in",
                                        source_args(dec, tb).c_str(), nullptr, graph_.get()),
           "creating the filter source");
  check_av(avfilter_graph_create_filter(&sink_, avfilter_get_by_name(video ? "buffersink" : "abuffersink"), "out",
                                        nullptr, nullptr, graph_.get()),
           "creating the filter sink");

  InOutPtr outputs(avfilter_inout_alloc());
  InOutPtr inputs(avfilter_inout_alloc());
  if (!outputs || !inputs) throw std::bad_alloc();
  outputs->name = av_strdup("in");
  outputs->filter_ctx = source_;
  inputs->name = av_strdup("out");
  inputs->filter_ctx = sink_;
  AVFilterInOut* in_raw = inputs.release();
  AVFilterInOut* out_raw = outputs.release();
  const int rc = avfilter_graph_parse_ptr(graph_.get(), description.c_str(), &in_raw, &out_raw, nullptr);
  InOutPtr in_left(in_raw), out_left(out_raw);  // whatever parsing did not consume
  check_av(rc, ("building filters '" + description + "'").c_str());
  check_av(avfilter_graph_config(graph_.get(), nullptr), ("configuring filters '" + description + "'").c_str());
}

void FilterChain::push(AVFrame* frame) {
  check_av(av_buffersrc_add_frame_flags(source_, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "filtering a frame");
}

bool FilterChain::pull(AVFrame* frame) {
  const int rc = av_buffersink_get_frame(sink_, frame);
  if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return false;
  check_av(rc, "taking a filtered frame");
  return true;
}

void FilterChain::command(const char* filter, const char* name, const std::string& value) {
  check_av(avfilter_graph_send_command(graph_.get(), filter, name, value.c_str(), nullptr, 0, 0),
           "updating a filter");
}

void FilterChain::set_frame_size(int samples) { av_buffersink_set_frame_size(sink_, static_cast<unsigned>(samples)); }

std::string rotation_filters(int rotation) {
  switch (rotation) {
    case 90: return "transpose=clock,";
    case 180: return "hflip,vflip,";
    case 270: return "transpose=cclock,";
    default: return "";
  }
}

std::string filter_quote(const std::string& value) {
  // Two levels: the option value inside the filter arguments, then the graph description.
  std::string level1;
  for (char c : value) {
    if (c == '\'' || c == '\\' || c == ':') level1 += '\\';
    level1 += c;
  }
  std::string level2;
  for (char c : level1) {
    if (c == '\'' || c == '\\' || c == '[' || c == ']' || c == ',' || c == ';') level2 += '\\';
    level2 += c;
  }
  return level2;
}

}  // namespace clipgen::media
