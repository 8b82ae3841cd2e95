#include "speech/audio_upload.h"

#include <fmt/format.h>

#include <cstring>

#include "media/av_handles.h"
#include "speech/transcriber.h"

namespace clipgen::speech {

namespace {

using media::check_av;

struct AvioDeleter {
  void operator()(AVIOContext* ctx) const {
    if (ctx) av_freep(&ctx->buffer);
    avio_context_free(&ctx);
  }
};
using AvioPtr = std::unique_ptr<AVIOContext, AvioDeleter>;

// An in-memory file the muxer can seek in, so it can go back and fill in the FLAC header's
// total sample count (without it, readers cannot tell the duration without decoding).
struct MemoryFile {
  std::string data;
  std::size_t position = 0;
};

int write_memory(void* opaque, std::uint8_t* bytes, int size) {
  auto& file = *static_cast<MemoryFile*>(opaque);
  const auto count = static_cast<std::size_t>(size);
  if (file.data.size() < file.position + count) file.data.resize(file.position + count);
  std::memcpy(file.data.data() + file.position, bytes, count);
  file.position += count;
  return size;
}

std::int64_t seek_memory(void* opaque, std::int64_t offset, int whence) {
  auto& file = *static_cast<MemoryFile*>(opaque);
  if (whence & AVSEEK_SIZE) return static_cast<std::int64_t>(file.data.size());
  std::int64_t base = 0;
  switch (whence & ~AVSEEK_FORCE) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = static_cast<std::int64_t>(file.position); break;
    case SEEK_END: base = static_cast<std::int64_t>(file.data.size()); break;
    default: return AVERROR(EINVAL);
  }
  if (base + offset < 0) return AVERROR(EINVAL);
  file.position = static_cast<std::size_t>(base + offset);
  return base + offset;
}

void drain(AVCodecContext* codec, AVFormatContext* format, AVPacket* packet) {
  while (true) {
    const int got = avcodec_receive_packet(codec, packet);
    if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
    check_av(got, "audio encoding failed");
    packet->stream_index = 0;
    av_packet_rescale_ts(packet, codec->time_base, format->streams[0]->time_base);
    check_av(av_interleaved_write_frame(format, packet), "writing audio failed");
  }
}

// `samples` encoded by `codec` in a `muxer` file; `name` names the format in messages.
std::string encode_audio(std::span<const std::int16_t> samples, AVCodecID codec_id, const char* muxer, const char* name) {
  MemoryFile out;
  const AVCodec* encoder = avcodec_find_encoder(codec_id);
  if (!encoder) throw std::runtime_error(fmt::format("this libavcodec has no {} encoder", name));
  media::CodecPtr codec(avcodec_alloc_context3(encoder));
  if (!codec) throw std::bad_alloc();
  codec->sample_fmt = AV_SAMPLE_FMT_S16;
  codec->sample_rate = kSampleRate;
  av_channel_layout_default(&codec->ch_layout, 1);
  codec->time_base = {1, kSampleRate};
  check_av(avcodec_open2(codec.get(), encoder, nullptr), fmt::format("cannot open the {} encoder", name).c_str());

  AVFormatContext* raw_format = nullptr;
  check_av(avformat_alloc_output_context2(&raw_format, nullptr, muxer, nullptr), fmt::format("cannot make a {} muxer", name).c_str());
  // The in-memory AVIO below is not a file: detach it before the output deleter runs.
  struct MemoryOutputDeleter {
    void operator()(AVFormatContext* ctx) const {
      ctx->pb = nullptr;
      avformat_free_context(ctx);
    }
  };
  std::unique_ptr<AVFormatContext, MemoryOutputDeleter> format(raw_format);
  constexpr int kBufferSize = 1 << 16;
  auto* buffer = static_cast<unsigned char*>(av_malloc(kBufferSize));
  if (!buffer) throw std::bad_alloc();
  AvioPtr avio(avio_alloc_context(buffer, kBufferSize, 1, &out, nullptr, write_memory, seek_memory));
  if (!avio) {
    av_free(buffer);
    throw std::bad_alloc();
  }
  format->pb = avio.get();
  AVStream* stream = avformat_new_stream(format.get(), nullptr);
  if (!stream) throw std::bad_alloc();
  check_av(avcodec_parameters_from_context(stream->codecpar, codec.get()), "cannot set up the audio stream");
  stream->time_base = codec->time_base;
  check_av(avformat_write_header(format.get(), nullptr), fmt::format("cannot write the {} header", name).c_str());

  auto frame = media::make_frame();
  auto packet = media::make_packet();
  const std::size_t frame_samples = codec->frame_size > 0 ? static_cast<std::size_t>(codec->frame_size) : 4608;
  for (std::size_t at = 0; at < samples.size(); at += frame_samples) {
    const std::size_t count = std::min(frame_samples, samples.size() - at);
    frame->nb_samples = static_cast<int>(count);
    frame->format = AV_SAMPLE_FMT_S16;
    frame->sample_rate = kSampleRate;
    check_av(av_channel_layout_copy(&frame->ch_layout, &codec->ch_layout), "cannot set the channel layout");
    check_av(av_frame_get_buffer(frame.get(), 0), "cannot allocate an audio frame");
    std::memcpy(frame->data[0], samples.data() + at, count * sizeof(std::int16_t));
    frame->pts = static_cast<std::int64_t>(at);
    check_av(avcodec_send_frame(codec.get(), frame.get()), "audio encoding failed");
    av_frame_unref(frame.get());
    drain(codec.get(), format.get(), packet.get());
  }
  check_av(avcodec_send_frame(codec.get(), nullptr), "audio encoding failed");
  drain(codec.get(), format.get(), packet.get());
  check_av(av_write_trailer(format.get()), fmt::format("cannot finish the {} file", name).c_str());
  avio_flush(avio.get());
  return std::move(out.data);
}

}  // namespace

std::string encode_flac(std::span<const std::int16_t> samples) {
  return encode_audio(samples, AV_CODEC_ID_FLAC, "flac", "FLAC");
}

std::string encode_wav(std::span<const std::int16_t> samples) {
  return encode_audio(samples, AV_CODEC_ID_PCM_S16LE, "wav", "WAV");
}

std::vector<EncodedPart> encode_parts(std::span<const std::int16_t> samples, double max_seconds,
                                      std::size_t max_bytes, AudioFormat format) {
  std::vector<EncodedPart> parts;
  for (const Chunk& chunk : split_at_pauses(samples, kSampleRate, {max_seconds * 0.9, max_seconds})) {
    const auto piece = samples.subspan(chunk.begin, chunk.end - chunk.begin);
    std::string file = format == AudioFormat::flac ? encode_flac(piece) : encode_wav(piece);
    if (file.size() > max_bytes && max_seconds > 10) {
      // Noisy audio compresses badly: cut this piece finer.
      for (EncodedPart& part : encode_parts(piece, max_seconds / 2, max_bytes, format)) {
        part.chunk.begin += chunk.begin;
        part.chunk.end += chunk.begin;
        parts.push_back(std::move(part));
      }
      continue;
    }
    if (file.size() > max_bytes)
      throw std::runtime_error(
          fmt::format("10 s of this audio do not encode under the upload limit of {} bytes", max_bytes));
    parts.push_back({chunk, std::move(file)});
  }
  return parts;
}

}  // namespace clipgen::speech
