// POST /api/auth/register, POST /api/auth/login, GET /api/auth/me
#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/routes.h"
#include "auth/credentials.h"

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

nlohmann::json token_json(const auth::IssuedToken& token) {
  const auto expires = std::chrono::time_point_cast<std::chrono::milliseconds>(token.expires_at);
  return {{"token", token.token}, {"token_type", "Bearer"}, {"expires_at", db::to_iso8601(expires)}};
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& context) {
  router.post("/api/auth/register", Access::anyone, [&context](const http::Request& req, http::Response& res) {
    const auto credentials = read_credentials(req);
    const auto email = auth::normalize_email(credentials.email);
    if (!email) throw invalid_field("email", "is not a valid email address");
    if (const auto problem = auth::password_problem(credentials.password)) throw invalid_field("password", *problem);
    db::UserRepository users(context.db);
    try {
      const auto user = users.create(*email, auth::hash_password(credentials.password, context.password_cost));
      auto body = token_json(context.tokens.issue(user.id, auth::Clock::now()));
      body["user"] = user_json(user);
      send_json(res, 201, body);
    } catch (const db::DuplicateEmail& e) {
      throw HttpError(409, "email_taken", e.what(), "email");
    }
  });

  router.post("/api/auth/login", Access::anyone, [&context](const http::Request& req, http::Response& res) {
    const auto credentials = read_credentials(req);
    // An address that cannot exist is still just "wrong email or password", throttled alike.
    const std::string email = auth::normalize_email(credentials.email).value_or(credentials.email);
    const auto now = auth::LoginThrottle::Clock::now();
    if (const auto wait = context.throttle.retry_after(req.remote_address, email, now)) {
      res.headers.set("Retry-After", std::to_string(wait->count()));
      throw HttpError(429, "too_many_attempts", "too many failed sign-ins; try again later");
    }
    const auto user = db::UserRepository(context.db).find_by_email(email);
    // An unknown email costs a hash check too, so the answer's timing does not tell who has an account.
    static const std::string unknown_user_hash = auth::hash_password("no such user", context.password_cost);
    if (!auth::verify_password(credentials.password, user ? user->password_hash : unknown_user_hash) || !user) {
      context.throttle.record_failure(req.remote_address, email, now);
      throw unauthorized("wrong email or password");
    }
    context.throttle.record_success(email);
    auto body = token_json(context.tokens.issue(user->id, auth::Clock::now()));
    body["user"] = user_json(*user);
    send_json(res, 200, body);
  });

  router.get("/api/auth/me", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto user = db::UserRepository(context.db).find_by_id(req.remote_user);
    if (!user) throw unauthorized("the account of this token no longer exists");
    send_json(res, 200, {{"user", user_json(*user)}});
  });
}

}  // namespace clipgen::api
