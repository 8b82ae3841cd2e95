// Hostile clients against the real `clipgen serve` on loopback: each attack that brought the
// cpp-httplib front down (issue 12), bounded in bytes, connections and time. While each runs,
// GET /healthz from another address must keep answering, and the server's peak resident memory
// (VmHWM in /proc/<pid>/status) must stay under kPeakRssMiB. No assertion reads a clock: where
// a deadline matters, the test counts what the client managed to send before the server acted.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <thread>

#include "api_client.h"
#include "db/ids.h"
#include "raw_connection.h"
#include "server_process.h"

namespace fs = std::filesystem;
using clipgen::testing::RawConnection;
using clipgen::testing::RawResponse;

namespace {

// The server's peak RSS over a whole case: it starts near 40 MiB; what an attack may add on top
// is what this bounds. Sanitizer builds keep shadow memory and quarantine: their own bound.
#ifdef CLIPGEN_SANITIZED
constexpr double kPeakRssMiB = 600;
#else
constexpr double kPeakRssMiB = 160;
#endif
constexpr int kManyConnections = 1000;
// Connections come from several loopback addresses, each under the per-client limit.
const std::vector<std::string> kAttackers = {"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"};
constexpr int kPerClientLimit = 300;
constexpr std::size_t kAssetBytes = 290 * 1000;

std::string attacker(int i) { return kAttackers[static_cast<std::size_t>(i) % kAttackers.size()]; }

class HostileClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clipgen::testing::raise_open_file_limit();
    data_dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / ("hostile-" + clipgen::db::new_id().substr(0, 8));
    // A built web UI with one large asset, for the range cases.
    fs::create_directories(data_dir_ / "dist" / "assets");
    std::ofstream(data_dir_ / "dist" / "index.html") << "<!doctype html>";
    std::string asset(kAssetBytes, '\0');
    std::mt19937 random(12);
    for (auto& byte : asset) byte = static_cast<char>(random() & 0xff);
    std::ofstream(data_dir_ / "dist" / "assets" / "app-1a2b3c.js", std::ios::binary) << asset;
    asset_ = asset;
    server_ = std::make_unique<clipgen::testing::TestServer>(clipgen::testing::TestServer::Options{
        .data_dir = data_dir_,
        .extra_args = {"--workers", "0", "--web-dir", (data_dir_ / "dist").string(), "--header-timeout", "2",
                       "--keep-alive-timeout", "30", "--max-connections-per-client", std::to_string(kPerClientLimit),
                       "--max-upload-bytes", "10000000"}});
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(data_dir_);
  }

  int port() const { return server_->port(); }
  int pid() { return server_->process().pid(); }

  // A fresh client from 127.0.0.1 asks for /healthz.
  void expect_healthy() {
    RawConnection client(port());
    ASSERT_TRUE(client.send_all("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
    const auto res = client.read_response();
    ASSERT_TRUE(res) << "no answer from /healthz";
    EXPECT_EQ(res->status, 200);
  }

  void expect_memory_bounded() {
    const double peak = clipgen::testing::peak_rss_mib(pid());
    EXPECT_LT(peak, kPeakRssMiB) << "the server's peak RSS";
    RecordProperty("server_peak_rss_mib", std::to_string(static_cast<int>(peak)));
  }

  // Sends `head`, then `piece` again and again (at most `limit` bytes in all) until the server
  // answers; returns the answer and how many bytes went out.
  std::pair<std::optional<RawResponse>, std::uint64_t> flood(RawConnection& client, const std::string& head,
                                                              const std::string& piece, std::uint64_t limit) {
    EXPECT_TRUE(client.send_all(head));
    std::uint64_t sent = head.size();
    std::size_t offset = 0;
    while (sent < limit && !client.readable(std::chrono::milliseconds(0))) {
      const long n = client.send_some(std::string_view(piece).substr(offset));
      if (n < 0) break;  // closed on us: the answer may be waiting
      if (n == 0) {
        client.readable(std::chrono::milliseconds(5));
        continue;
      }
      sent += static_cast<std::uint64_t>(n);
      offset = (offset + static_cast<std::size_t>(n)) % piece.size();
    }
    return {client.read_response(), sent};
  }

  fs::path data_dir_;
  std::string asset_;
  std::unique_ptr<clipgen::testing::TestServer> server_;
};

TEST_F(HostileClientTest, ChunkedBodiesAreCountedAgainstTheRoutesLimit) {
  constexpr std::uint64_t kFlood = 200ull << 20;
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  // To a route that does not exist: answered at once, the body never read.
  {
    RawConnection client(port(), attacker(0));
    const auto [res, sent] = flood(client, "PUT /nowhere HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                                   chunk, kFlood);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_LT(sent, kFlood);
  }
  // To a JSON route: read until the count passes its 64 KiB limit.
  {
    RawConnection client(port(), attacker(1));
    const auto [res, sent] = flood(
        client, "POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        "1\r\nx\r\n", kFlood);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->body.find("too_large"), std::string::npos) << res->body;
    EXPECT_LT(sent, kFlood);
  }
  // One chunk announcing more than the limit is refused when its size line arrives.
  {
    RawConnection client(port(), attacker(2));
    ASSERT_TRUE(client.send_all("POST /api/auth/register HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "FFFFFFFF\r\n"));
    const auto res = client.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
  }
  // To an upload route without a token: 401 before any body byte is read.
  {
    RawConnection client(port(), attacker(3));
    const auto [res, sent] = flood(client,
                                   "POST /api/videos HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; "
                                   "boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n",
                                   chunk, kFlood);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_LT(sent, kFlood);
  }
  // A body on a route that takes none, announced by Content-Length: 413 unread.
  {
    RawConnection client(port(), attacker(0));
    const auto [res, sent] =
        flood(client,
              "DELETE /api/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c HTTP/1.1\r\nHost: t\r\nContent-Length: 209715200\r\n\r\n",
              std::string(0x10000, 'x'), kFlood);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_LT(sent, kFlood);
  }
  expect_healthy();
  expect_memory_bounded();
}

TEST_F(HostileClientTest, AClientThatWaitsFor100ContinueLearnsARefusalBeforeSendingItsBody) {
  clipgen::testing::ApiClient user(port());
  user.register_user(clipgen::testing::unique_email("expect"));
  const auto upload_head = [](const std::string& token, std::uint64_t length) {
    return "POST /api/videos HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Type: multipart/form-data; "
           "boundary=b\r\nContent-Length: " +
           std::to_string(length) + "\r\n" + (token.empty() ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
  };
  // Over the upload limit (10 MB here): 413, and nothing was sent but the header.
  RawConnection too_big(port(), attacker(0));
  ASSERT_TRUE(too_big.send_all(upload_head(user.token(), 3ull << 30)));
  const auto refused = too_big.read_response();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  // No token: 401.
  RawConnection anonymous(port(), attacker(1));
  ASSERT_TRUE(anonymous.send_all(upload_head("", 1000)));
  const auto unauthorized = anonymous.read_response();
  ASSERT_TRUE(unauthorized);
  EXPECT_EQ(unauthorized->status, 401);
  // Within the limit, with a token: the server asks for the body.
  RawConnection accepted(port(), attacker(2));
  ASSERT_TRUE(accepted.send_all(upload_head(user.token(), 1000)));
  const auto go_on = accepted.read_response();
  ASSERT_TRUE(go_on);
  EXPECT_EQ(go_on->status, 100);
}

TEST_F(HostileClientTest, AnEndlessRequestLineIsCut) {
  RawConnection client(port(), attacker(0));
  const auto [res, sent] = flood(client, "GET /", std::string(0x10000, 'a'), 100ull << 20);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  EXPECT_EQ(res->header("Connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
  // A request line just over the limit (8 KiB) inside an acceptable header.
  RawConnection second(port(), attacker(1));
  ASSERT_TRUE(second.send_all("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n"));
  const auto line = second.read_response();
  ASSERT_TRUE(line);
  EXPECT_EQ(line->status, 414);
  expect_healthy();
  expect_memory_bounded();
}

TEST_F(HostileClientTest, HeadersAreLimitedInSizeAndCount) {
  // 100,000 header lines: cut at the header size limit.
  {
    RawConnection client(port(), attacker(0));
    std::string lines;
    for (int i = 0; i < 1000; ++i) lines += "X-Filler: a\r\n";
    const auto [res, sent] = flood(client, "GET /healthz HTTP/1.1\r\nHost: t\r\n", lines, 100000 * 13);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 431);
    EXPECT_NE(res->body.find("header_too_large"), std::string::npos) << res->body;
  }
  // 101 short fields: within the size limit, over the count.
  {
    RawConnection client(port(), attacker(1));
    std::string request = "GET /healthz HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i) request += "X-" + std::to_string(i) + ": a\r\n";
    ASSERT_TRUE(client.send_all(request + "\r\n"));
    const auto res = client.read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 431);
    EXPECT_NE(res->body.find("header fields"), std::string::npos) << res->body;
  }
  expect_healthy();
  expect_memory_bounded();
}

TEST_F(HostileClientTest, SlowHeadersAreCutByOneDeadlineForTheWholeHeader) {
  // 1,000 clients each send a header line every half second. The server gives a whole header
  // 2 s (--header-timeout 2): a per-line timeout would let all 20 lines through.
  constexpr int kLines = 20;
  std::vector<RawConnection> clients;
  for (int i = 0; i < kManyConnections; ++i) {
    clients.emplace_back(port(), attacker(i));
    ASSERT_TRUE(clients.back().send_all("GET /healthz HTTP/1.1\r\n"));
  }
  std::vector<int> lines_sent(clients.size(), 0);
  std::vector<bool> closed(clients.size(), false);
  for (int line = 0; line < kLines; ++line) {
    for (std::size_t i = 0; i < clients.size(); ++i) {
      if (closed[i]) continue;
      if (clients[i].readable(std::chrono::milliseconds(0)) && clients[i].closed_by_server()) {
        closed[i] = true;
        continue;
      }
      if (clients[i].send_some("X-Slow: " + std::to_string(line) + "\r\n") <= 0) {
        closed[i] = true;
        continue;
      }
      ++lines_sent[i];
    }
    expect_healthy();
    if (std::count(closed.begin(), closed.end(), true) == static_cast<long>(clients.size())) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  for (std::size_t i = 0; i < clients.size(); ++i) {
    if (!closed[i]) closed[i] = clients[i].closed_by_server();
  }
  EXPECT_EQ(std::count(closed.begin(), closed.end(), true), kManyConnections);
  EXPECT_LT(*std::max_element(lines_sent.begin(), lines_sent.end()), kLines);
  expect_memory_bounded();
}

TEST_F(HostileClientTest, IdleEventStreamsDoNotStarveOtherRequests) {
  clipgen::testing::ApiClient user(port());
  user.register_user(clipgen::testing::unique_email("streams"));
  const auto video = user.upload_video(clipgen::testing::talking_head());
  // With no workers the job stays queued: its streams stay open.
  const std::string job_id = user.start_job(video["id"], clipgen::testing::quick_settings())["id"];
  const std::string request = "GET /api/jobs/" + job_id + "/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
                              user.token() + "\r\n\r\n";
  std::vector<RawConnection> streams;
  for (int i = 0; i < kManyConnections; ++i) {
    streams.emplace_back(port(), attacker(i));
    ASSERT_TRUE(streams.back().send_all(request));
  }
  // Each stream gets its header and first event; then nobody reads them any more.
  for (auto& stream : streams) {
    std::string got;
    while (got.find("event: update") == std::string::npos) {
      ASSERT_TRUE(stream.readable(std::chrono::minutes(1))) << "a stream got no event";
      char buffer[4096];
      const auto n = ::recv(stream.fd(), buffer, sizeof(buffer), 0);
      ASSERT_GT(n, 0) << "a stream was closed";
      got.append(buffer, static_cast<std::size_t>(n));
    }
    EXPECT_NE(got.find("text/event-stream"), std::string::npos);
  }
  expect_healthy();
  // Routes that need the database and the worker threads still answer.
  const auto job = user.get("/api/jobs/" + job_id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->status, 200);
  EXPECT_EQ(user.get("/api/videos")->status, 200);
  expect_memory_bounded();
}

TEST_F(HostileClientTest, AThousandSimultaneousConnectsAreAllServed) {
  // All connect before any sends: the listen backlog must hold them (cpp-httplib's was 5).
  std::vector<RawConnection> clients;
  for (int i = 0; i < kManyConnections; ++i) clients.emplace_back(port(), attacker(i));
  for (auto& client : clients) ASSERT_TRUE(client.send_all("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
  int answered = 0;
  for (auto& client : clients) {
    const auto res = client.read_response();
    if (res && res->status == 200) ++answered;
  }
  EXPECT_EQ(answered, kManyConnections);
  expect_memory_bounded();
}

TEST_F(HostileClientTest, ConnectionsPerClientAddressAreCapped) {
  std::vector<RawConnection> held;
  for (int i = 0; i < kPerClientLimit; ++i) {
    held.emplace_back(port(), "127.0.0.9");
    ASSERT_TRUE(held.back().send_all("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
    ASSERT_EQ(held.back().read_response()->status, 200);  // now idle, kept alive
  }
  RawConnection one_more(port(), "127.0.0.9");
  const auto refused = one_more.read_response();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_NE(refused->body.find("too_many_connections"), std::string::npos) << refused->body;
  expect_healthy();  // another address is not affected
  held.pop_back();
  // The place freed is taken again once the server has seen the close.
  bool admitted = false;
  for (int attempt = 0; attempt < 100 && !admitted; ++attempt) {
    RawConnection again(port(), "127.0.0.9");
    ASSERT_TRUE(again.send_all("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
    const auto res = again.read_response();
    admitted = res && res->status == 200;
    if (!admitted) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(admitted);
}

TEST_F(HostileClientTest, RangesNeverMakeAnAnswerLargerThanTheFile) {
  const std::string path = "/assets/app-1a2b3c.js";
  const auto ask = [&](const std::string& range) {
    RawConnection client(port(), attacker(0));
    EXPECT_TRUE(client.send_all("GET " + path + " HTTP/1.1\r\nHost: t\r\nRange: " + range + "\r\n\r\n"));
    auto res = client.read_response();
    EXPECT_TRUE(res) << range;
    return res.value_or(RawResponse{});
  };
  // 800 one-byte ranges (a 7 KB request): ignored, the file once.
  std::string many = "bytes=";
  for (int i = 0; i < 800; ++i) many += std::to_string(i * 300) + "-" + std::to_string(i * 300) + ",";
  many.pop_back();
  const auto whole = ask(many);
  EXPECT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body, asset_);
  // The same byte asked 8 times: one byte sent.
  const auto same = ask("bytes=5-5,5-5,5-5,5-5,5-5,5-5,5-5,5-5");
  EXPECT_EQ(same.status, 206);
  EXPECT_EQ(same.body, asset_.substr(5, 1));
  EXPECT_EQ(same.header("Content-Range"), "bytes 5-5/" + std::to_string(kAssetBytes));
  // Overlapping ranges are merged.
  const auto merged = ask("bytes=50-149,0-99");
  EXPECT_EQ(merged.status, 206);
  EXPECT_EQ(merged.body, asset_.substr(0, 150));
  EXPECT_EQ(merged.header("Content-Range"), "bytes 0-149/" + std::to_string(kAssetBytes));
  // Disjoint ranges: multipart/byteranges with each part's bytes.
  const auto parts = ask("bytes=-10,1000-1099");
  EXPECT_EQ(parts.status, 206);
  EXPECT_NE(parts.header("Content-Type").find("multipart/byteranges; boundary="), std::string::npos);
  EXPECT_NE(parts.body.find("Content-Range: bytes 1000-1099/290000\r\n\r\n" + asset_.substr(1000, 100) + "\r\n--"),
            std::string::npos);
  EXPECT_NE(parts.body.find("Content-Range: bytes 289990-289999/290000\r\n\r\n" + asset_.substr(289990, 10) + "\r\n--"),
            std::string::npos);
  EXPECT_LT(parts.body.size(), 110u + 400u);
  // Past the end: 416 with exactly one Content-Range naming the size.
  const auto past = ask("bytes=999999999-");
  EXPECT_EQ(past.status, 416);
  EXPECT_EQ(past.count("Content-Range"), 1);
  EXPECT_EQ(past.header("Content-Range"), "bytes */290000");
  expect_memory_bounded();
}

TEST_F(HostileClientTest, AmbiguousBodyLengthsAreRefusedAndTheConnectionClosed) {
  // Each is followed by a second request a front proxy might have seen as part of the body: it
  // must never be answered.
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
  const std::vector<std::pair<std::string, int>> cases = {
      {"Content-Length: 5\r\nContent-Length: 6\r\n", 400},
      {"Content-Length: 5\r\nContent-Length: 5\r\n", 400},
      {"Content-Length: 5, 6\r\n", 400},
      {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400},
      {"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", 400},
      {"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", 400},
      {"Transfer-Encoding: gzip, chunked\r\n", 501},
      {"Content-Length: -5\r\n", 400},
  };
  for (const auto& [fields, status] : cases) {
    RawConnection client(port(), attacker(0));
    ASSERT_TRUE(client.send_all("POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" +
                                fields + "\r\n0\r\n\r\n" + smuggled));
    const auto res = client.read_response();
    ASSERT_TRUE(res) << fields;
    EXPECT_EQ(res->status, status) << fields;
    EXPECT_EQ(res->header("Connection"), "close") << fields;
    EXPECT_TRUE(client.closed_by_server()) << fields << ": the request after it was answered";
  }
  expect_healthy();
}

}  // namespace

TEST_F(HostileClientTest, StopsOnSigtermWhileItsClientsHangUp) {
  // Hundreds of idle keep-alive connections close as SIGTERM comes: the stop walks the open
  // connections while they end. (A lock held across that walk deadlocked the e2e run's server
  // once in three under load; this case did not hit that narrow window in 20 rounds, so the
  // e2e bound on stopping is what guards it. This one holds the rest: a clean exit, code 0.)
  constexpr int kRounds = 3;
  constexpr int kIdle = 2 * kPerClientLimit - 20;
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) SetUp();
    std::vector<RawConnection> idle;
    for (int i = 0; i < kIdle; ++i) {
      idle.emplace_back(port(), kAttackers[static_cast<std::size_t>(i % 2)]);
      ASSERT_TRUE(idle.back().send_all("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
      ASSERT_EQ(idle.back().read_response()->status, 200);
    }
    std::thread hang_up([&idle] { idle.clear(); });
    server_->process().signal(SIGTERM);
    hang_up.join();
    // The server closes what is left after its 20 s drain limit; it must be gone soon after.
    bool exited = false;
    for (int tick = 0; tick < 300 && !exited; ++tick) {
      exited = !server_->process().running();
      if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(exited) << "round " << round << ": still running 30 s after SIGTERM\n" << server_->process().log();
    EXPECT_EQ(server_->process().wait(), 0) << server_->process().log();
    TearDown();
  }
}
