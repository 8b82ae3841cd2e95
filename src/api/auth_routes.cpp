// POST /api/auth/register, POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me,
// POST /api/auth/password, DELETE /api/auth/me
#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/routes.h"
#include "api/session_cookie.h"
#include "auth/credentials.h"
#include "db/session_repository.h"
#include "db/user_repository.h"

namespace clipgen::api {
namespace {

struct Credentials {
  std::string email;
  std::string password;
};

Credentials read_credentials(const http::Request& req) {
  const auto body = read_json_body(req);
  return {required_field<std::string>(body, "email"), required_field<std::string>(body, "password")};
}

HttpError too_many(http::Response& res, std::chrono::seconds wait, const std::string& message) {
  res.headers.set("Retry-After", std::to_string(wait.count()));
  return {429, "too_many_attempts", message};
}

// Runs a password hash or check on the bounded pool; 503 + Retry-After when its queue is full.
template <typename Work>
auto hashed(ApiContext& context, http::Response& res, Work work) {
  try {
    return context.hashing.run(std::move(work));
  } catch (const auth::HashingOverloaded& e) {
    res.headers.set("Retry-After", "1");
    throw HttpError(503, "busy", e.what());
  }
}

bool over_https(const http::Request& req) { return req.header("X-Forwarded-Proto") == "https"; }

// A new session: its token in the answer (API clients) and in the session cookie (the web app).
nlohmann::json start_session(ApiContext& context, const db::User& user, const http::Request& req,
                             http::Response& res) {
  const auto now = db::now();
  const auto expires_at = now + std::chrono::duration_cast<std::chrono::milliseconds>(context.tokens.lifetime());
  const auto session = db::SessionRepository(context.db).create(user.id, now, expires_at);
  const auto token = context.tokens.issue(user.id, session, auth::Clock::now());
  const auto expires = std::chrono::time_point_cast<std::chrono::milliseconds>(token.expires_at);
  res.headers.set("Set-Cookie", session_cookie(token.token, context.tokens.lifetime(), over_https(req)));
  return {{"token", token.token},
          {"token_type", "Bearer"},
          {"expires_at", db::to_iso8601(expires)},
          {"user", user_json(user)}};
}

void register_user(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto credentials = read_credentials(req);
  const auto email = auth::check_email(credentials.email);
  if (!email.email) throw invalid_field("email", email.problem);
  if (const auto problem = context.passwords.problem(credentials.password, *email.email))
    throw invalid_field("password", *problem);
  if (const auto wait = context.registrations.take(req.remote_address, auth::ThrottleClock::now()))
    throw too_many(res, *wait, "too many accounts made from this address; try again later");
  db::UserRepository users(context.db);
  if (users.find_by_email(*email.email)) throw HttpError(409, "email_taken", "an account with this email already exists", "email");
  std::string hash;
  try {
    hash = hashed(context, res, [&] { return auth::hash_password(credentials.password, context.password_cost); });
  } catch (const HttpError&) {
    context.registrations.give_back(req.remote_address);  // turned away before any work: not counted
    throw;
  }
  try {
    send_json(res, 201, start_session(context, users.create(*email.email, hash), req, res));
  } catch (const db::DuplicateEmail& e) {
    throw HttpError(409, "email_taken", e.what(), "email");
  }
}

void login(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto credentials = read_credentials(req);
  // An address that cannot exist is still just "wrong email or password", throttled alike (by
  // its first bytes: the throttle's memory is bounded by key count times key length).
  const std::string email = auth::normalize_email(credentials.email).value_or(credentials.email.substr(0, 254));
  const std::string& address = req.remote_address;
  // Counted before the hash is checked, so concurrent guesses cannot all slip past the limit.
  if (const auto wait = context.throttle.begin_attempt(address, email, auth::LoginThrottle::Clock::now()))
    throw too_many(res, *wait, "too many failed sign-ins; try again later");
  const auto user = db::UserRepository(context.db).find_by_email(email);
  // An unknown email costs a hash check too, so the answer's timing does not tell who has an account.
  static const std::string unknown_user_hash = auth::hash_password("no such user", context.password_cost);
  bool right = false;
  try {
    right = hashed(context, res, [&] {
      return auth::verify_password(credentials.password, user ? user->password_hash : unknown_user_hash);
    });
  } catch (const HttpError&) {
    context.throttle.abandoned(address, email);
    throw;
  }
  if (!right || !user) throw unauthorized("wrong email or password");
  context.throttle.succeeded(address, email);
  send_json(res, 200, start_session(context, *user, req, res));
}

// The signed-in user's row; 401 when the account has gone meanwhile.
db::User current_user(ApiContext& context, const std::string& user_id) {
  const auto user = db::UserRepository(context.db).find_by_id(user_id);
  if (!user) throw unauthorized("the account of this token no longer exists");
  return *user;
}

void change_password(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto body = read_json_body(req);
  const auto current = required_field<std::string>(body, "current_password");
  const auto replacement = required_field<std::string>(body, "new_password");
  const auto user = current_user(context, req.remote_user);
  // Guessing the current password through this route is throttled like logging in.
  const std::string& address = req.remote_address;
  if (const auto wait = context.throttle.begin_attempt(address, user.email, auth::LoginThrottle::Clock::now()))
    throw too_many(res, *wait, "too many wrong passwords; try again later");
  bool right = false;
  try {
    right = hashed(context, res, [&] { return auth::verify_password(current, user.password_hash); });
  } catch (const HttpError&) {
    context.throttle.abandoned(address, user.email);
    throw;
  }
  if (!right) throw HttpError(403, "wrong_password", "the current password is wrong", "current_password");
  context.throttle.succeeded(address, user.email);
  if (const auto problem = context.passwords.problem(replacement, user.email))
    throw invalid_field("new_password", *problem);
  const auto hash = hashed(context, res, [&] { return auth::hash_password(replacement, context.password_cost); });
  db::UserRepository(context.db).set_password_hash(user.id, hash);
  // Whoever else holds a token of this account (the reason to change a password) is signed out.
  db::SessionRepository(context.db).remove_others(user.id, req.remote_session);
  send_json(res, 200, {{"user", user_json(user)}});
}

void delete_account(ApiContext& context, const http::Request& req, http::Response& res) {
  const std::string& user_id = req.remote_user;
  if (!db::UserRepository(context.db).remove(user_id)) throw unauthorized("the account of this token no longer exists");
  // The rows are gone first, so no link can point at a file while it is removed.
  context.storage.remove_prefix(db::UserRepository::storage_prefix(user_id));
  res.headers.set("Set-Cookie", expired_session_cookie(over_https(req)));
  res.status = 204;
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& context) {
  router.post("/api/auth/register", Access::anyone, [&context](const http::Request& req, http::Response& res) {
    register_user(context, req, res);
  });
  router.post("/api/auth/login", Access::anyone,
              [&context](const http::Request& req, http::Response& res) { login(context, req, res); });
  router.post("/api/auth/logout", Access::user, [&context](const http::Request& req, http::Response& res) {
    db::SessionRepository(context.db).remove(req.remote_session, req.remote_user);
    res.headers.set("Set-Cookie", expired_session_cookie(over_https(req)));
    res.status = 204;
  });
  router.post("/api/auth/password", Access::user, [&context](const http::Request& req, http::Response& res) {
    change_password(context, req, res);
  });
  router.get("/api/auth/me", Access::user, [&context](const http::Request& req, http::Response& res) {
    send_json(res, 200, {{"user", user_json(current_user(context, req.remote_user))}});
  });
  router.del("/api/auth/me", Access::user,
             [&context](const http::Request& req, http::Response& res) { delete_account(context, req, res); });
}

}  // namespace clipgen::api
