// Uploads and downloads one large file through S3Storage (multipart, parts in parallel) and
// through the AWS CLI (botocore's transfer manager) against the same S3-compatible server,
// alternating runs, and prints the median times and their ratios; one part at a time is shown
// too, as what the parallel parts buy.
// usage: s3_transfer_bench ENDPOINT BUCKET [MiB] [RUNS]   (access key and secret: S3RVER)
#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "storage/s3_storage.h"
#include "support/command.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using clipgen::bench::median;
using clipgen::bench::seconds_of;
using clipgen::storage::S3Options;
using clipgen::storage::S3Storage;

namespace {

void run_aws(const std::vector<std::string>& args) {
  const auto result = clipgen::testing::run_command(args);
  if (result.exit_code != 0) throw std::runtime_error("aws failed: " + result.err);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: s3_transfer_bench ENDPOINT BUCKET [MiB] [RUNS]\n");
    return 2;
  }
  const std::string endpoint = argv[1];
  const std::string bucket = argv[2];
  const std::size_t mib = argc > 3 ? std::stoul(argv[3]) : 96;
  const int runs = argc > 4 ? std::stoi(argv[4]) : 3;
  ::setenv("AWS_ACCESS_KEY_ID", "S3RVER", 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", "S3RVER", 1);
  ::setenv("AWS_DEFAULT_REGION", "us-east-1", 1);

  const fs::path dir = fs::temp_directory_path() / "clipgen-s3-bench";
  fs::create_directories(dir);
  const fs::path file = dir / "payload.bin";
  {
    std::mt19937_64 random(7);
    std::ofstream out(file, std::ios::binary);
    std::vector<std::uint64_t> block(1 << 17);  // 1 MiB
    for (std::size_t i = 0; i < mib; ++i) {
      for (auto& word : block) word = random();
      out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * 8));
    }
  }
  const clipgen::storage::S3Config config{.bucket = bucket, .access_key = "S3RVER", .secret_key = "S3RVER",
                                          .endpoint = endpoint, .region = "us-east-1", .path_style = true};
  S3Storage parallel(config, S3Options{.multipart_threshold = 16ull << 20, .part_size = 8ull << 20, .parallel_parts = 4});
  S3Storage serial(config, S3Options{.multipart_threshold = 16ull << 20, .part_size = 8ull << 20, .parallel_parts = 1});
  const std::string aws_url = fmt::format("s3://{}/bench/aws.bin", bucket);

  std::vector<double> up_parallel, up_serial, up_aws, down_clipgen, down_aws;
  for (int i = 0; i < runs; ++i) {
    up_parallel.push_back(seconds_of([&] { parallel.put_file("bench/clipgen.bin", file, "application/octet-stream"); }));
    up_serial.push_back(seconds_of([&] { serial.put_file("bench/serial.bin", file, "application/octet-stream"); }));
    up_aws.push_back(seconds_of([&] { run_aws({"/usr/bin/aws", "--endpoint-url", endpoint, "s3", "cp", "--quiet", file.string(), aws_url}); }));
    down_clipgen.push_back(seconds_of([&] { parallel.get_file("bench/clipgen.bin", dir / "down-clipgen.bin"); }));
    down_aws.push_back(seconds_of([&] {
      run_aws({"/usr/bin/aws", "--endpoint-url", endpoint, "s3", "cp", "--quiet", aws_url, (dir / "down-aws.bin").string()});
    }));
  }
  if (fs::file_size(dir / "down-clipgen.bin") != fs::file_size(file)) throw std::runtime_error("download size differs");
  parallel.remove_prefix("bench/");
  fs::remove_all(dir);

  const double size = static_cast<double>(mib);
  auto line = [&](const char* what, double seconds, double reference) {
    fmt::print("{:<38} {:7.2f} s  {:7.1f} MiB/s  {:5.2f}x the AWS CLI's time\n", what, seconds, size / seconds,
               seconds / reference);
  };
  fmt::print("{} MiB through {} (median of {} runs)\n", mib, endpoint, runs);
  line("upload, clipgen, 4 parts in flight", median(up_parallel), median(up_aws));
  line("upload, clipgen, 1 part at a time", median(up_serial), median(up_aws));
  line("upload, AWS CLI (reference)", median(up_aws), median(up_aws));
  line("download, clipgen", median(down_clipgen), median(down_aws));
  line("download, AWS CLI (reference)", median(down_aws), median(down_aws));
  return 0;
}
