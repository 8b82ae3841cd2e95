#include "media/audio_extract.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <system_error>

#include "media/filter_chain.h"
#include "media/input_file.h"
#include "media/media_error.h"
#include "media/media_reader.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

// Timestamps place the sound (first_pts=0: sample 0 is the time origin; gaps and a late start
// become silence, overlaps are dropped), then it becomes 16 kHz mono s16.
constexpr const char* kSpeechFormat =
    "aresample=async=1:min_hard_comp=0.02:first_pts=0,"
    "aformat=sample_fmts=s16:sample_rates=16000:channel_layouts=mono";

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

class PcmWriter {
 public:
  explicit PcmWriter(const fs::path& path) : file_(std::fopen(path.c_str(), "wb")), path_(path) {
    if (!file_) throw std::system_error(errno, std::generic_category(), "cannot write " + path.string());
  }
  void write(const AVFrame* frame) {
    const auto n = static_cast<std::size_t>(frame->nb_samples);
    if (std::fwrite(frame->data[0], sizeof(int16_t), n, file_.get()) != n)
      throw std::system_error(errno, std::generic_category(), "cannot write " + path_.string());
  }
  void close() {
    if (std::fclose(file_.release()) != 0)
      throw std::system_error(errno, std::generic_category(), "cannot write " + path_.string());
  }

 private:
  std::unique_ptr<std::FILE, FileCloser> file_;
  fs::path path_;
};

// One track on its way to a PCM file.
struct Extraction {
  DecodedStream* stream;
  FilterChain filter;
  PcmWriter writer;
  long frames = 0;

  void take(AVFrame* out) {
    while (filter.pull(out)) {
      writer.write(out);
      av_frame_unref(out);
    }
  }
};

constexpr int kSpeechRate = 16000;
// Read before a window at first: a seek lands on a packet at or before its target, which in
// an indexed file is close; where it lands late, four times as much, and so on.
constexpr double kFirstLead = 0.5;

void require_audio(const fs::path& input, const AVFormatContext* format, int stream_index) {
  if (stream_index < 0 || static_cast<unsigned>(stream_index) >= format->nb_streams ||
      format->streams[stream_index]->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
    throw MediaError(input, "stream " + std::to_string(stream_index) + " is not an audio track");
}

}  // namespace

void extract_audio_pcm(const fs::path& input_path, const std::vector<PcmTarget>& targets,
                       const std::function<void(double)>& progress) {
  MediaReader reader(input_path);
  AVFormatContext* format = reader.format();
  std::vector<std::unique_ptr<Extraction>> tracks;
  for (const PcmTarget& target : targets) {
    require_audio(input_path, format, target.stream_index);
    DecodedStream& s = reader.decode(format->streams[target.stream_index], 1);
    const AVCodecContext* dec = s.decoder.get();
    tracks.push_back(std::make_unique<Extraction>(
        Extraction{&s, FilterChain(dec, AVRational{1, dec->sample_rate}, kSpeechFormat, 1), PcmWriter(target.output)}));
  }
  const double duration = format->duration > 0 ? format->duration / double(AV_TIME_BASE) : 0;
  FramePtr out = make_frame();
  reader.read([&](DecodedStream& s, AVFrame* frame, double t) {
    for (auto& track : tracks) {
      if (track->stream != &s) continue;
      frame->pts = std::llround(t * frame->sample_rate);
      track->filter.push(frame);
      track->take(out.get());
      ++track->frames;
    }
    if (progress && duration > 0) progress(std::min(1.0, t / duration));
    return Next::more;
  });
  for (auto& track : tracks) {
    track->filter.push(nullptr);
    track->take(out.get());
    track->writer.close();
    if (track->frames == 0) throw MediaError(input_path, "its audio stream holds no decodable sound");
  }
  if (progress) progress(1.0);
}

void extract_audio_pcm(const fs::path& input, const fs::path& output, const std::function<void(double)>& progress) {
  const InputPtr probe = open_input(input);
  const AVStream* stream = find_stream(probe.get(), AVMEDIA_TYPE_AUDIO);
  if (!stream) throw MediaError(input, "it has no audio stream");
  extract_audio_pcm(input, {{stream->index, output}}, progress);
}
std::vector<std::int16_t> decode_audio_window(const fs::path& input, int stream_index, double from, double to) {
  if (!(to > from)) return {};
  const auto wanted = static_cast<std::size_t>(std::llround((to - from) * kSpeechRate));
  for (double lead = kFirstLead;; lead *= 4) {
    const double start = std::max(0.0, from - lead);
    MediaReader reader(input);
    require_audio(input, reader.format(), stream_index);
    DecodedStream& stream = reader.decode(reader.format()->streams[stream_index], 1);
    if (start > 0) reader.seek(start);
    const AVCodecContext* decoder = stream.decoder.get();
    FilterChain filter(decoder, AVRational{1, decoder->sample_rate}, kSpeechFormat, 1);
    // The sound from the first frame read (at `base` s) on; the filter places it by timestamps.
    std::optional<double> base;
    std::vector<std::int16_t> pcm;
    FramePtr out = make_frame();
    const auto take = [&] {
      while (filter.pull(out.get())) {
        const auto* data = reinterpret_cast<const std::int16_t*>(out->data[0]);
        pcm.insert(pcm.end(), data, data + out->nb_samples);
        av_frame_unref(out.get());
      }
    };
    reader.read([&](DecodedStream&, AVFrame* frame, double t) {
      if (!base) base = t;
      frame->pts = std::llround((t - *base) * frame->sample_rate);
      filter.push(frame);
      take();
      return t > to ? Next::stop : Next::more;
    });
    filter.push(nullptr);
    take();
    if (base && *base > from + 0.5 / kSpeechRate && start > 0) continue;  // landed after `from`
    // Sample k of `pcm` is at base + k / 16000 s: shift it to `from`, silence where it has none.
    std::vector<std::int16_t> window(wanted, 0);
    if (!base) return window;
    const long long shift = std::llround((from - *base) * kSpeechRate);
    for (std::size_t k = 0; k < wanted; ++k) {
      const long long at = shift + static_cast<long long>(k);
      if (at >= 0 && at < static_cast<long long>(pcm.size())) window[k] = pcm[static_cast<std::size_t>(at)];
    }
    return window;
  }
}

PcmFile::PcmFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  bytes_ = fs::file_size(path);
  count_ = bytes_ / sizeof(std::int16_t);
  if (bytes_ > 0) {
    void* map = ::mmap(nullptr, bytes_, PROT_READ, MAP_PRIVATE, fd, 0);
    const int err = errno;
    ::close(fd);
    if (map == MAP_FAILED) throw std::system_error(err, std::generic_category(), "cannot map " + path.string());
    data_ = static_cast<const std::int16_t*>(map);
  } else {
    ::close(fd);
  }
}

PcmFile::~PcmFile() {
  if (data_) ::munmap(const_cast<std::int16_t*>(data_), bytes_);
}

}  // namespace clipgen::media
