#pragma once
// The header fields of a request or a response: names compared without regard to case (RFC 9110
// section 5.1), kept in the order they came, a name may repeat. Framework-free: routes use it.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clipgen::http {

// ASCII case-insensitive comparison, as header names and tokens need.
bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  // The value of the first field named `name`, or nullopt.
  std::optional<std::string_view> find(std::string_view name) const;
  // The value of the first field named `name`; "" when there is none.
  std::string get(std::string_view name) const;
  bool has(std::string_view name) const { return find(name).has_value(); }
  // How many fields are named `name`.
  std::size_t count(std::string_view name) const;

  void add(std::string name, std::string value);
  // Replaces every field named `name` with one field.
  void set(std::string_view name, std::string value);
  void erase(std::string_view name);

  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace clipgen::http
