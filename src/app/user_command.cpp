// `clipgen user create EMAIL`: an account made by an operator (password read from stdin),
// e.g. for a service that closes registration to the public.
#include <iostream>

#include "app/commands.h"
#include "app/service_runtime.h"
#include "auth/credentials.h"
#include "auth/password.h"
#include "auth/password_policy.h"
#include "db/migrations.h"
#include "db/user_repository.h"

namespace clipgen::app {
namespace {

struct UserOptions {
  ServiceConfig config;
  std::string email;
};

void create_user(const UserOptions& options) {
  const auto checked = auth::check_email(options.email);
  const auto& email = checked.email;
  if (!email) throw std::invalid_argument(options.email + ": " + checked.problem);
  std::string password;
  std::getline(std::cin, password);
  if (const auto problem = auth::PasswordPolicy().problem(password, *email))
    throw std::invalid_argument("password: " + *problem);
  const auto database = open_database(options.config);
  db::migrate(*database);
  const auto user = db::UserRepository(*database).create(*email, auth::hash_password(password));
  std::cout << user.id << " " << user.email << "\n";
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto options = std::make_shared<UserOptions>();
  auto* cmd = app.add_subcommand("user", "Manage accounts");
  cmd->require_subcommand(1);
  auto* create = cmd->add_subcommand("create", "Create an account; the password is read from stdin");
  add_data_options(*create, options->config);
  create->add_option("EMAIL", options->email, "The account's email")->required();
  create->callback([options] { create_user(*options); });
}

}  // namespace clipgen::app
