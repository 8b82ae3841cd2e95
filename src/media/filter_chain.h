#pragma once
// One libavfilter graph with a single input and a single output, fed frame by frame: the
// crop, scale, layout and caption steps of a clip, or its audio trim and format.
#include <string>

#include "media/av_handles.h"

namespace clipgen::media {

class FilterChain {
 public:
  // `description` is a filter graph such as "trim=start=1,scale=1080:1920" between the
  // decoder's frames (described by `decoder` and `time_base`) and the sink.
  FilterChain(const AVCodecContext* decoder, AVRational time_base, const std::string& description, int threads);

  // Pushes a decoded frame (nullptr: end of stream).
  void push(AVFrame* frame);
  // Takes the next filtered frame into `frame`; false when none is ready (or at the end).
  bool pull(AVFrame* frame);
  // Sends a runtime command to every filter of type `filter`, e.g. ("crop", "x", "120").
  void command(const char* filter, const char* name, const std::string& value);
  // Makes the audio sink hand out frames of exactly `samples` samples (AAC wants 1024).
  void set_frame_size(int samples);

  const AVFilterContext* sink() const { return sink_; }

 private:
  GraphPtr graph_;
  AVFilterContext* source_ = nullptr;  // owned by graph_
  AVFilterContext* sink_ = nullptr;
};

// The filters that turn a picture upright for a stream rotated `rotation` degrees clockwise,
// each followed by a comma ("" for 0).
std::string rotation_filters(int rotation);

// Quotes a value (a file name) for use inside a filter graph description.
std::string filter_quote(const std::string& value);

}  // namespace clipgen::media
