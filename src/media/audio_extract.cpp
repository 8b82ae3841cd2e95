#include "media/audio_extract.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>
#include <vector>

#include "media/input_file.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::media {
namespace {

constexpr int kRate = 16000;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

SwrPtr make_resampler(AVCodecContext* dec) {
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;  // FFmpeg 5.1 takes layouts by non-const pointer
  SwrContext* raw = nullptr;
  check_av(swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_S16, kRate, &dec->ch_layout, dec->sample_fmt,
                               dec->sample_rate, 0, nullptr),
           "configuring the resampler");
  SwrPtr swr(raw);
  check_av(swr_init(swr.get()), "starting the resampler");
  return swr;
}

class PcmWriter {
 public:
  PcmWriter(const fs::path& path) : file_(std::fopen(path.c_str(), "wb")), path_(path) {
    if (!file_) throw std::system_error(errno, std::generic_category(), "cannot write " + path.string());
  }
  // Converts `frame` (nullptr flushes the resampler) and appends the result.
  void write(SwrContext* swr, const AVFrame* frame) {
    const int in = frame ? frame->nb_samples : 0;
    const int room = swr_get_out_samples(swr, in);
    if (room <= 0) return;
    buffer_.resize(static_cast<std::size_t>(room));
    auto* out = reinterpret_cast<uint8_t*>(buffer_.data());
    const int n = check_av(swr_convert(swr, &out, room, frame ? const_cast<const uint8_t**>(frame->extended_data) : nullptr, in),
                           "resampling audio");
    if (std::fwrite(buffer_.data(), sizeof(int16_t), static_cast<std::size_t>(n), file_.get()) != static_cast<std::size_t>(n))
      throw std::system_error(errno, std::generic_category(), "cannot write " + path_.string());
  }
  void close() {
    if (std::fclose(file_.release()) != 0)
      throw std::system_error(errno, std::generic_category(), "cannot write " + path_.string());
  }

 private:
  std::unique_ptr<std::FILE, FileCloser> file_;
  fs::path path_;
  std::vector<int16_t> buffer_;
};

}  // namespace

void extract_audio_pcm(const fs::path& input_path, const fs::path& output, const std::function<void(double)>& progress) {
  InputPtr input = open_input(input_path);
  AVStream* stream = find_stream(input.get(), AVMEDIA_TYPE_AUDIO);
  if (!stream) throw MediaError(input_path, "it has no audio stream");
  for (unsigned i = 0; i < input->nb_streams; ++i)
    if (input->streams[i] != stream) input->streams[i]->discard = AVDISCARD_ALL;  // demux only the audio

  CodecPtr dec = open_decoder(input_path, stream, 1);
  SwrPtr swr = make_resampler(dec.get());
  PcmWriter writer(output);
  const double duration = input->duration > 0 ? input->duration / double(AV_TIME_BASE) : 0;
  PacketPtr packet = make_packet();
  FramePtr frame = make_frame();
  int decoded_frames = 0;

  auto drain = [&] {
    int rc;
    while ((rc = avcodec_receive_frame(dec.get(), frame.get())) >= 0) {
      writer.write(swr.get(), frame.get());
      ++decoded_frames;
      if (progress && duration > 0 && frame->pts != AV_NOPTS_VALUE)
        progress(std::min(1.0, frame->pts * av_q2d(stream->time_base) / duration));
      av_frame_unref(frame.get());
    }
    if (rc != AVERROR(EAGAIN) && rc != AVERROR_EOF) check_av(rc, "decoding audio");
  };

  int rc;
  while ((rc = av_read_frame(input.get(), packet.get())) >= 0) {
    if (packet->stream_index == stream->index) {
      // A damaged packet is skipped like players do; the rest of the audio is still worth having.
      if (avcodec_send_packet(dec.get(), packet.get()) >= 0) drain();
    }
    av_packet_unref(packet.get());
  }
  if (rc != AVERROR_EOF) throw MediaError(input_path, "reading failed midway (" + av_error_text(rc) + ")");
  avcodec_send_packet(dec.get(), nullptr);
  drain();
  writer.write(swr.get(), nullptr);
  writer.close();
  if (decoded_frames == 0) throw MediaError(input_path, "its audio stream holds no decodable sound");
  if (progress) progress(1.0);
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
