#include "db/row_reader.h"

#include <stdexcept>

namespace clipgen::db {

std::string RowReader::text() { return row_.get<std::string>(column_++); }

long long RowReader::integer() {
  const std::size_t column = column_++;
  switch (row_.get_properties(column).get_data_type()) {
    case soci::dt_integer: return row_.get<int>(column);
    case soci::dt_long_long: return row_.get<long long>(column);
    case soci::dt_unsigned_long_long: return static_cast<long long>(row_.get<unsigned long long>(column));
    case soci::dt_double: return static_cast<long long>(row_.get<double>(column));
    default: throw std::runtime_error("column " + row_.get_properties(column).get_name() + " is not a number");
  }
}

double RowReader::real() {
  const std::size_t column = column_;
  if (row_.get_properties(column).get_data_type() == soci::dt_double) {
    ++column_;
    return row_.get<double>(column);
  }
  return static_cast<double>(integer());
}

std::optional<Timestamp> RowReader::optional_time() {
  if (row_.get_indicator(column_) == soci::i_null) {
    ++column_;
    return std::nullopt;
  }
  return time();
}

std::optional<std::string> RowReader::optional_text() {
  if (row_.get_indicator(column_) == soci::i_null) {
    ++column_;
    return std::nullopt;
  }
  return text();
}

}  // namespace clipgen::db
